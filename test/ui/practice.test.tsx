import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { compilePack } from '../../src/content/compile.js';
import type { LoadedPack } from '../../src/content/catalog.js';
import { STATES } from '../../src/core/types.js';
import { buildQueue, type QueueItem } from '../../src/engine/queue.js';
import { ProgressStore } from '../../src/store/progress-store.js';
import { sendOptions } from '../../src/ui/components/PredictQuestion.js';
import { parseNumber } from '../../src/ui/components/TextAnswer.js';
import { prepareCard, type SessionCard } from '../../src/ui/screens/practice-session.js';
import { KEYS, renderApp } from './render-app.js';

const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
const FIXTURE = fileURLToPath(new URL('../fixtures/packs/good', import.meta.url));
const PRACTICE = [{ name: 'home' as const }, { name: 'practice' as const }];
const SHIFT_UP = '\u001B[1;2A';

function fixturePacks(): LoadedPack[] {
  const { pack, problems } = compilePack(FIXTURE);
  expect(problems).toEqual([]);
  return [{ pack: pack!, dir: FIXTURE }];
}

/** The frame with every run of white space made one space, so wrapped text reads as written. */
const flat = (frame: string | undefined): string => (frame ?? '').replace(/\s+/g, ' ');

type App = ReturnType<typeof renderApp>;

/** The items of an ordering question as shown, top to bottom. */
function shownItems(frame: string): string[] {
  return [...frame.matchAll(/^[❯ ] (\d+)\. (.+)$/gm)].map((m) => m[2]!.trim());
}

/** Keys that sort `shown` into `right`, carrying one item at a time up to its place. */
function sortKeys(shown: string[], right: string[]): string[] {
  const list = [...shown];
  const keys: string[] = [];
  let cursor = 0;
  right.forEach((item, place) => {
    const at = list.indexOf(item);
    for (; cursor < at; cursor++) keys.push(KEYS.down);
    for (; cursor > at; cursor--) keys.push(KEYS.up);
    for (let i = at; i > place; i--) {
      // Both ways of carrying an item: Shift+↑ and u.
      keys.push(keys.length % 2 === 0 ? SHIFT_UP : 'u');
      [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
      cursor--;
    }
  });
  return keys;
}

/** Keys that answer `card` right. */
function rightAnswer(card: SessionCard): string[] {
  const q = card.item.question;
  const items = (order: number[]): string[] => order.map((i) => (q.kind === 'order' ? q.en.items[i]! : ''));
  switch (q.kind) {
    case 'single':
      return [String(q.answer + 1), KEYS.enter];
    case 'multi':
      return [...q.answer.map((i) => String(i + 1)), KEYS.enter];
    case 'truefalse':
      return [q.answer ? 't' : 'f', KEYS.enter];
    case 'order':
      return [...sortKeys(items(card.order!), q.en.items), KEYS.enter];
    case 'numeric':
      return [String(q.answer), KEYS.enter];
    case 'fill':
      return [q.en.accept[0]!, KEYS.enter];
    case 'predict': {
      const keys: string[] = [];
      const move = (from: number, to: number): void => {
        for (let i = from; i < to; i++) keys.push(KEYS.down);
        for (let i = from; i > to; i--) keys.push(KEYS.up);
      };
      if (q.ask !== 'sends') {
        move(STATES.indexOf(card.setup!.before), STATES.indexOf(q.key!.state));
        keys.push(KEYS.enter);
      }
      if (q.ask !== 'state') {
        const options = sendOptions(q);
        move(0, options.findIndex((f) => f.length === q.key!.sends.length && f.every((x) => q.key!.sends.includes(x))));
        keys.push(KEYS.enter);
      }
      return keys;
    }
    case 'open':
      return ['s', '4'];
  }
}

async function saved(app: App, key: string, rating: number, correct: boolean): Promise<void> {
  await vi.waitFor(() => {
    const p = app.store.read();
    expect(p.cards[key]).toBeDefined();
    expect(p.reviews.filter((r) => r.q === key)).toEqual([{ q: key, at: NOW, rating, correct }]);
  });
}

describe('Practice', () => {
  it('runs a session of the built-in course: each answer graded, explained, sourced and saved', async () => {
    const topic = 'tcp-core/handshake';
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-practice-'));
    ProgressStore.open({ dir }).store.update((p) => {
      p.settings.newPerDay = 500;
    });
    const app = renderApp({ dir, route: [{ name: 'home' }, { name: 'practice', topic }] });
    const queue: QueueItem[] = buildQueue(app.store.read(), app.course.questions, NOW, [topic]);
    expect(queue.length).toBeGreaterThan(3);
    const cards = queue.map((item) => prepareCard(item, app.course, 'en', NOW));
    const kinds = new Set<string>();
    for (const [i, card] of cards.entries()) {
      const q = card.item.question;
      kinds.add(q.kind);
      await app.waitFor(`${i + 1}/${cards.length} · due 0 · new ${cards.length}`);
      expect(app.lastFrame()).toContain('Practice · The three-way handshake');
      await app.press(...rightAnswer(card));
      await app.waitFor(q.kind === 'open' ? 'Rated Easy' : '✓ Right');
      await saved(app, card.item.key, q.kind === 'open' ? 4 : 3, true);
      // The end of the feedback: the explanation (or model answer) and the source.
      await app.press('G');
      const end = q.kind === 'open' ? (q.en.followups?.at(-1)?.points.at(-1) ?? q.en.points.at(-1)!) : q.en.explanation;
      await vi.waitFor(() => expect(flat(app.lastFrame())).toContain(flat(end).slice(-30)));
      expect(flat(app.lastFrame())).toContain(flat(`Source: ${q.source}`));
      await app.press(KEYS.enter);
    }
    expect(kinds.size).toBeGreaterThan(4);
    const p = app.store.read();
    expect(p.last).toMatchObject({ kind: 'practice', topic, at: NOW });
    app.unmount();
  });

  it('answers every kind of question, keys in one chunk acting in order', async () => {
    const app = renderApp({ packs: fixturePacks(), route: PRACTICE });
    const key = (id: string): string => `fixture-pack/${id}`;

    // Single choice: ↓ and Enter in one write.
    await app.waitFor('1/8 · due 0 · new 8 · Choose one');
    expect(app.lastFrame()).toContain('How many segments does the handshake use?');
    app.stdin.write(`${KEYS.down}${KEYS.enter}`);
    await app.waitFor('✓ Right');
    expect(app.lastFrame()).toContain('Three: SYN, SYN,ACK, ACK.');
    expect(app.lastFrame()).toContain('Source: RFC 9293 3.5');
    expect(app.lastFrame()).toContain('Rated Good');
    await saved(app, key('basics-count'), 3, true);
    const good = app.store.read().cards[key('basics-count')]!;
    // Overriding the grade replaces the review and reschedules the card.
    await app.press('4');
    await app.waitFor('Rated Easy');
    await saved(app, key('basics-count'), 4, true);
    expect(app.store.read().cards[key('basics-count')]!.due).toBeGreaterThan(good.due);
    expect(app.store.read().reviews).toHaveLength(1);

    // Multiple choice: tick, move twice, tick, answer, all at once.
    await app.press(KEYS.enter);
    await app.waitFor('2/8 · due 0 · new 8 · Choose all that apply');
    app.stdin.write(` ${KEYS.down}${KEYS.down} ${KEYS.enter}`);
    await app.waitFor('✓ Right');
    expect(app.lastFrame()).toContain('✓ [x] 1. SYN');
    expect(app.lastFrame()).toContain('✓ [x] 3. ACK');
    await saved(app, key('basics-flags'), 3, true);

    // True/false, answered wrong.
    await app.press(KEYS.enter);
    await app.waitFor('True or false?');
    await app.press('f', KEYS.enter);
    await app.waitFor('✗ Wrong');
    expect(app.lastFrame()).toContain('✗ ● 2. False');
    expect(app.lastFrame()).toContain('It does.');
    expect(app.lastFrame()).toContain('Source: RFC 9293 3.3.1');
    await saved(app, key('basics-tf'), 1, false);

    // Ordering: the items come shuffled and are carried into place.
    await app.press(KEYS.enter);
    await app.waitFor('Put in order');
    const shown = shownItems(app.lastFrame()!);
    expect(shown).toHaveLength(3);
    expect(shown).not.toEqual(['SYN', 'SYN,ACK', 'ACK']);
    await app.press(...sortKeys(shown, ['SYN', 'SYN,ACK', 'ACK']));
    await vi.waitFor(() => expect(shownItems(app.lastFrame()!)).toEqual(['SYN', 'SYN,ACK', 'ACK']));
    await app.press(KEYS.enter);
    await app.waitFor('✓ Right');
    expect(app.lastFrame()).toContain('✓ 3. ACK');
    await saved(app, key('basics-order'), 3, true);

    // Numeric: typed, q is a letter while typing, Backspace removes it.
    await app.press(KEYS.enter);
    await app.waitFor('Type a number');
    await app.press('1', '0', 'q');
    await app.waitFor('› 10q');
    expect(app.lastFrame()).toContain('Type a number');
    await app.press(KEYS.backspace, '0', '1');
    await app.waitFor('› 1001');
    await app.press(KEYS.enter);
    await app.waitFor('✓ Right');
    expect(flat(app.lastFrame())).toContain('Your answer: 1001 Answer: 1001');
    await saved(app, key('basics-ack'), 3, true);

    // Fill-in: pasted with its Enter; SYN_SENT is SYN-SENT.
    await app.press(KEYS.enter);
    await app.waitFor('Type the answer');
    app.stdin.write('syn_sent\r');
    await app.waitFor('✓ Right');
    expect(app.lastFrame()).toContain('Accepted: SYN-SENT, SYN_SENT');
    await saved(app, key('basics-fill'), 3, true);

    // Predict: the ladder so far, then the state and the flags, in one write.
    await app.press(KEYS.enter);
    await app.waitFor('Predict the next step');
    const frame = app.lastFrame()!;
    expect(frame).toContain('c→s SYN seq=1000');
    expect(frame).toContain('client: CLOSED → SYN-SENT');
    expect(frame).toContain('▶  8 deliver c>s');
    expect(frame).toContain('server state');
    expect(frame).toContain('server sends');
    app.stdin.write(`${KEYS.down}${KEYS.down}${KEYS.enter}${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await app.waitFor('✓ Right');
    expect(flat(app.lastFrame())).toContain('Your answer: state SYN-RECEIVED · sends SYN,ACK');
    expect(app.lastFrame()).toContain('s→c SYN,ACK seq=5000 ack=1001');
    expect(app.lastFrame()).toContain('A listener answers a SYN with SYN,ACK');
    await saved(app, key('basics-predict'), 3, true);

    // Open: shown, then rated Good with 3.
    await app.press(KEYS.enter);
    await app.waitFor('Interview question');
    expect(app.lastFrame()).toContain('Why does TCP need three segments to open?');
    expect(app.lastFrame()).not.toContain('Key points');
    await app.press('s');
    await app.waitFor('Key points');
    expect(app.lastFrame()).toContain('both ISNs are acknowledged');
    expect(app.lastFrame()).toContain('And with two?');
    await app.press(KEYS.enter);
    await app.waitFor('Rate yourself with 1-4.');
    await app.press('3');
    await app.waitFor('Rated Good');
    await saved(app, key('basics-open'), 3, true);

    // The summary, then back to Home.
    await app.press(KEYS.enter);
    await app.waitFor('Session done');
    expect(app.lastFrame()).toContain('Answered 8 · right 7 · wrong 1');
    expect(app.lastFrame()).toContain('Nothing more due.');
    expect(app.lastFrame()).toMatch(/The next card is due in 1 min/);
    const p = app.store.read();
    expect(p.reviews).toHaveLength(8);
    expect(Object.keys(p.cards)).toHaveLength(8);
    expect(p.last).toEqual({ kind: 'practice', at: NOW });
    await app.press(KEYS.enter);
    await app.waitFor('Quit');
    app.unmount();
  });

  it('takes put-first items first and clears them once answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-practice-'));
    ProgressStore.open({ dir }).store.update((p) => {
      p.priority = ['fixture-pack/basics-open', 'elsewhere/q'];
      p.settings.newPerDay = 2;
    });
    const app = renderApp({ dir, packs: fixturePacks(), route: PRACTICE });
    await app.waitFor('1/3 · due 0 · new 2 · first 1 · Interview question');
    await app.press('s', '2');
    await app.waitFor('Rated Hard');
    await saved(app, 'fixture-pack/basics-open', 2, false);
    expect(app.store.read().priority).toEqual(['elsewhere/q']);
    app.unmount();
  });

  it('says when the next card is due when nothing is', async () => {
    const app = renderApp({ packs: fixturePacks(), route: [{ name: 'home' }, { name: 'practice', topic: 'fixture-pack/none' }] });
    await app.waitFor('Session done');
    expect(app.lastFrame()).toContain('Answered 0 · right 0 · wrong 0');
    expect(app.lastFrame()).toContain('No card is scheduled yet.');
    app.unmount();
  });

  it('speaks Chinese with --lang zh', async () => {
    const app = renderApp({ lang: 'zh', packs: fixturePacks(), route: PRACTICE });
    await app.waitFor('1/8 · 待复习 0 · 新卡 8 · 单选');
    expect(app.lastFrame()).toContain('握手使用几个报文段?');
    await app.press('2', KEYS.enter);
    await app.waitFor('✓ 正确');
    expect(app.lastFrame()).toContain('三个:SYN、SYN,ACK、ACK。');
    expect(app.lastFrame()).toContain('出处：RFC 9293 3.5');
    app.unmount();
  });

  it('stays usable at 40x12: the highlighted option is kept in sight', async () => {
    const packs = fixturePacks();
    const flags = packs[0]!.pack.questions.find((q) => q.id === 'basics-flags')!;
    flags.en.prompt = `Start here. ${'Which flags does the second segment of the handshake carry, counting every bit? '.repeat(4)}Pick all.`;
    const app = renderApp({ packs, route: PRACTICE });
    await app.waitFor('1/8');
    Object.defineProperty(app.stdout, 'columns', { value: 40, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 12, configurable: true });
    app.stdout.emit('resize');
    await app.press('2', KEYS.enter, KEYS.enter);
    await app.waitFor('2/8');
    const fits = (): void => {
      const lines = app.lastFrame()!.split('\n');
      expect(lines.length).toBeLessThanOrEqual(12);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    };
    await vi.waitFor(fits);
    expect(app.lastFrame()).toContain('Start here.');
    expect(app.lastFrame()).not.toContain('3. ACK');
    app.stdin.write(`${KEYS.down}${KEYS.down} `);
    await app.waitFor('❯ [x] 3. ACK');
    // The prompt scrolled away to make room; the header says there is more above.
    expect(app.lastFrame()).not.toContain('Start here.');
    expect(app.lastFrame()).toContain('▲');
    fits();
    await app.press(KEYS.pageUp);
    await app.waitFor('Start here.');
    app.unmount();
  });
});

describe('typed numbers', () => {
  it('accept separators, full-width digits and the unit', () => {
    expect(parseNumber('1,000', [])).toBe(1000);
    expect(parseNumber('１００１', [])).toBe(1001);
    expect(parseNumber(' 60 seconds', ['seconds'])).toBe(60);
    expect(parseNumber('60秒', ['秒'])).toBe(60);
    expect(parseNumber('-0.5', [])).toBe(-0.5);
    expect(parseNumber('2^16', [])).toBeNull();
    expect(parseNumber('sixty', [])).toBeNull();
  });
});
