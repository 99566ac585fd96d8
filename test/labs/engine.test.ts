// The lab engine without a screen: grading a prediction against the core's
// key, scoring a run, the session walking a lab, the answer form's keys,
// saving the result and choosing what practice should ask next.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { compilePack } from '../../src/content/compile.js';
import type { CompiledLab, CompiledPrediction } from '../../src/content/validate.js';
import { buildCourse, type CourseLab } from '../../src/engine/course.js';
import { emptyProgress } from '../../src/store/progress.js';
import { draftKey, initDraft, type Draft, type Keystroke } from '../../src/labs/answer.js';
import { findLab } from '../../src/labs/find.js';
import { gradePrediction, partsAsked, sameFlags, scoreLab } from '../../src/labs/grade.js';
import { RELATED_PER_MISS, queueForPractice, recordFinish, relatedQuestions } from '../../src/labs/record.js';
import { labReducer, playLab, sessionScore, startSession, type LabSession } from '../../src/labs/session.js';
import { traceLines } from '../../src/labs/trace.js';
import { parseScript } from '../../src/scenario/parse.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packs/good', import.meta.url));
const fixture = compilePack(FIXTURE).pack!;
const fixtureCourse = buildCourse([{ pack: fixture, dir: FIXTURE }]);
const course = buildCourse([{ pack: builtin, dir: null }]);

function pred(over: Partial<CompiledPrediction> = {}): CompiledPrediction {
  return {
    step: 20,
    host: 'server',
    ask: 'both',
    prompt: { en: 'p', zh: 'p' },
    key: { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'], seq: 5000, ack: 1001 },
    ...over,
  };
}

describe('grading a prediction', () => {
  it('both parts right is correct; the flag order does not matter', () => {
    const r = gradePrediction(pred(), 0, { state: 'SYN-RECEIVED', sends: ['ACK', 'SYN'] });
    expect(r).toMatchObject({ correct: true, score: 1, parts: { state: true, sends: true } });
  });

  it('one of two parts right earns half', () => {
    const r = gradePrediction(pred(), 0, { state: 'LISTEN', sends: ['SYN', 'ACK'] });
    expect(r).toMatchObject({ correct: false, score: 0.5, parts: { state: false, sends: true } });
  });

  it('asks only what `ask` names: a state question ignores the flags given', () => {
    const r = gradePrediction(pred({ ask: 'state' }), 0, { state: 'SYN-RECEIVED', sends: ['RST'] });
    expect(r.parts).toEqual({ state: true });
    expect(r.correct).toBe(true);
  });

  it('"sends nothing" is the empty set, and it is wrong when the host sends', () => {
    expect(gradePrediction(pred({ ask: 'sends' }), 0, { sends: [] }).correct).toBe(false);
    const quiet = pred({ ask: 'sends', key: { state: 'ESTABLISHED', sends: [], seq: null, ack: null } });
    expect(gradePrediction(quiet, 0, { sends: [] }).correct).toBe(true);
  });

  it('PSH is ignored: ACK is right for a data segment the core sends as PSH,ACK', () => {
    expect(sameFlags(['ACK'], ['PSH', 'ACK'])).toBe(true);
    expect(sameFlags(['SYN'], ['SYN', 'ACK'])).toBe(false);
  });

  it('seq and ack are parts of their own, compared exactly', () => {
    const p = pred({ numbers: ['seq', 'ack'] });
    expect(partsAsked(p)).toEqual(['state', 'sends', 'seq', 'ack']);
    const r = gradePrediction(p, 0, { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'], seq: 5000, ack: 1000 });
    expect(r).toMatchObject({ correct: false, score: 0.75, parts: { seq: true, ack: false } });
    expect(gradePrediction(p, 0, { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'] }).parts).toMatchObject({ seq: false, ack: false });
  });

  it('the lab score is the mean share over all predictions, unanswered ones counting 0', () => {
    const a = gradePrediction(pred(), 0, { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'] });
    const b = gradePrediction(pred(), 1, { state: 'LISTEN', sends: ['SYN', 'ACK'] });
    const s = scoreLab(4, [a, b]);
    expect(s.score).toBeCloseTo(1.5 / 4);
    expect(s.correct).toBe(1);
    expect(s.missed.map((m) => m.index)).toEqual([1]);
  });
});

describe('the answer form', () => {
  const k = (over: Partial<Keystroke>): Keystroke => ({ ch: '', up: false, down: false, left: false, right: false, tab: false, shift: false, enter: false, backspace: false, ...over });
  const press = (d: Draft, ...keys: Partial<Keystroke>[]) => {
    let submit;
    for (const key of keys) {
      const r = draftKey(d, k(key), 5);
      d = r.draft;
      submit = r.submit ?? submit;
    }
    return { d, submit };
  };

  it('starts on the host state now, moves in the grid, ticks flags by letter, and answers from the last field', () => {
    const d = initDraft({ ask: 'both' }, 'LISTEN');
    const { submit } = press(d, { right: true }, { down: true }, { enter: true }, { ch: 's' }, { ch: 'a' }, { enter: true });
    // LISTEN → SYN-SENT (right) → CLOSE-WAIT (down a row of 5)
    expect(submit).toEqual({ state: 'CLOSE-WAIT', sends: ['SYN', 'ACK'] });
  });

  it('Space ticks the flag under the cursor, n clears them all', () => {
    const d = initDraft({ ask: 'sends' }, 'CLOSED');
    const a = press(d, { right: true }, { ch: ' ' }, { ch: 'r' });
    expect(a.d.flags).toEqual(['FIN', 'RST']);
    expect(press(a.d, { ch: 'n' }, { enter: true }).submit).toEqual({ sends: [] });
  });

  it('asks for the numbers it needs before answering, and takes only digits', () => {
    const d = initDraft({ ask: 'sends', numbers: ['seq', 'ack'] }, 'CLOSED');
    let r = press(d, { ch: 'a' }, { enter: true }, { ch: '1' }, { ch: 'x' }, { ch: '0' }, { enter: true }, { enter: true });
    expect(r.submit).toBeUndefined();
    expect(r.d.fields[r.d.field]).toBe('ack');
    r = press(r.d, { ch: '５' }, { ch: '0' }, { backspace: true }, { enter: true });
    expect(r.submit).toEqual({ sends: ['ACK'], seq: 10, ack: 5 });
  });

  it('with nothing ticked the numbers are skipped: nothing sent has no seq', () => {
    const d = initDraft({ ask: 'sends', numbers: ['seq'] }, 'CLOSED');
    expect(press(d, { enter: true }).submit).toEqual({ sends: [] });
  });

  it('refuses a number beyond 32 bits', () => {
    const d = initDraft({ ask: 'sends', numbers: ['seq'] }, 'CLOSED');
    const r = press(d, { ch: 'a' }, { tab: true }, ...'42949672951'.split('').map((ch) => ({ ch })));
    expect(r.d.seq).toBe('4294967295');
  });
});

describe('a lab session', () => {
  const entry = findLab(fixtureCourse, 'handshake')!;
  const play = playLab(entry.lab, entry.scenario.source);
  const step = labReducer(play);
  const run = (s: LabSession, ...actions: Parameters<typeof step>[1][]): LabSession => actions.reduce(step, s);

  it('stops before each prediction line, runs it on the answer, and finishes once', () => {
    let s = run(startSession(), { type: 'next' });
    // Settings ride along; `server listen` (line 6) runs; the next line is a prediction.
    expect(s).toMatchObject({ phase: 'run', current: null });
    expect(play.trace.steps[s.shown - 1]!.line).toBe(6);
    s = run(s, { type: 'next' });
    expect(s).toMatchObject({ phase: 'predict', current: 0 });
    expect(play.trace.steps[s.shown]!.line).toBe(7);
    s = run(s, { type: 'answer', answer: { state: 'SYN-SENT', sends: ['SYN'] } });
    expect(s).toMatchObject({ phase: 'reveal', answered: 1 });
    expect(s.results[0]!.correct).toBe(true);
    s = run(s, { type: 'next' }, { type: 'answer', answer: { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'], seq: 5000, ack: 1000 } });
    expect(s.results[1]).toMatchObject({ correct: false, parts: { ack: false } });
    s = run(s, { type: 'next' });
    expect(s.phase).toBe('run'); // line 10, deliver s>c, asks nothing
    s = run(s, { type: 'next' }, { type: 'answer', answer: { state: 'ESTABLISHED' } }, { type: 'next' });
    expect(s).toMatchObject({ phase: 'done', finished: 1, shown: play.trace.steps.length });
    expect(run(s, { type: 'next' }).finished).toBe(1);
    expect(sessionScore(play, s)).toMatchObject({ correct: 2, total: 3 });
    expect(sessionScore(play, s).score).toBeCloseTo((1 + 0.75 + 1) / 3);
  });

  it('an answer outside a prediction changes nothing; restart starts over but keeps the counters', () => {
    const s = run(startSession(), { type: 'answer', answer: {} });
    expect(s).toEqual(startSession());
    const again = run(startSession(), { type: 'next' }, { type: 'next' }, { type: 'answer', answer: {} }, { type: 'restart' });
    expect(again).toMatchObject({ phase: 'intro', shown: 0, results: [], answered: 1 });
  });

  it('every built-in lab plays to the end, and answering with the keys scores 100%', () => {
    expect(course.labs.length).toBeGreaterThanOrEqual(17);
    for (const l of course.labs) {
      const p = playLab(l.lab, l.scenario.source);
      const next = labReducer(p);
      let s = startSession();
      for (let guard = 0; s.phase !== 'done' && guard < 500; guard++) {
        if (s.phase === 'predict') {
          const key = l.lab.predictions[s.current!]!.key;
          s = next(s, { type: 'answer', answer: { state: key.state, sends: key.sends, seq: key.seq ?? undefined, ack: key.ack ?? undefined } });
        } else s = next(s, { type: 'next' });
      }
      expect(s.phase, l.key).toBe('done');
      expect(sessionScore(p, s).score, l.key).toBe(1);
      expect(s.results).toHaveLength(l.lab.predictions.length);
    }
  });

  it('every built-in lab is in both languages with 3 to 6 predictions', () => {
    for (const l of course.labs) {
      for (const text of [l.lab.title, l.lab.intro, l.lab.outro, ...l.lab.predictions.map((p) => p.prompt)]) {
        expect(text.en.length, l.key).toBeGreaterThan(0);
        expect(text.zh, l.key).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(l.lab.predictions.length, l.key).toBeGreaterThanOrEqual(3);
      expect(l.lab.predictions.length, l.key).toBeLessThanOrEqual(6);
    }
  });

  it('covers every situation the issue lists', () => {
    const scenarios = new Set(course.labs.map((l) => l.lab.scenario.replace(/^\d\d-/, '').replace(/\.tcp$/, '')));
    for (const s of [
      'handshake',
      'close-by-client',
      'close-by-server',
      'simultaneous-open',
      'simultaneous-close',
      'lost-syn',
      'lost-syn-ack',
      'lost-third-ack',
      'lost-last-ack',
      'connect-in-time-wait',
      'rst-closed-port',
      'abort',
      'half-open-crash-reconnect',
      'half-close',
      'old-duplicate-syn',
      'syn-flood-no-cookies',
      'syn-flood-cookies',
      'fin-wait-2-timeout-linux',
      'fin-wait-2-no-timeout-rfc',
    ]) {
      expect(scenarios.has(s), s).toBe(true);
    }
  });
});

describe('what a lab saves', () => {
  it('keeps the best score, counts attempts, and remembers the last run', () => {
    const p = emptyProgress();
    recordFinish(p, 'tcp-core/handshake', 0.6, 1000);
    recordFinish(p, 'tcp-core/handshake', 0.4, 2000);
    expect(p.labs!['tcp-core/handshake']).toEqual({ best: 0.6, attempts: 2, lastAt: 2000, last: 0.4 });
    recordFinish(p, 'tcp-core/handshake', 1, 3000);
    expect(p.labs!['tcp-core/handshake']).toMatchObject({ best: 1, attempts: 3, last: 1 });
  });

  it('a miss queues the predict questions on the same scenario first, nearest line first (fixture pack)', () => {
    const entry: CourseLab = findLab(fixtureCourse, 'handshake')!;
    const p = emptyProgress();
    const keys = relatedQuestions(fixtureCourse, entry, { step: 8, host: 'server' }, p);
    expect(keys).toEqual(['fixture-pack/basics-predict']);
    queueForPractice(p, keys);
    queueForPractice(p, keys);
    expect(p.priority).toEqual(['fixture-pack/basics-predict']);
    // Already queued: the next miss falls back to the topic's graded questions.
    const more = relatedQuestions(fixtureCourse, entry, { step: 12, host: 'server' }, p);
    expect(more).toHaveLength(RELATED_PER_MISS);
    expect(more.every((k) => k.startsWith('fixture-pack/') && k !== 'fixture-pack/basics-open')).toBe(true);
  });

  it('without predict questions on the scenario, the topic questions never answered come first, then the most overdue', () => {
    const noPredicts = { ...course, questions: course.questions.filter((q) => q.question.kind !== 'predict') };
    const lab = findLab(noPredicts, 'handshake')!;
    const topical = noPredicts.questions.filter((q) => q.question.topic === lab.lab.topic && q.question.kind !== 'open');
    const p = emptyProgress();
    const card = { stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 };
    for (const [i, q] of topical.entries()) p.cards[q.key] = { ...card, due: 10_000 - i };
    const fresh = topical[0]!.key;
    delete p.cards[fresh];
    const keys = relatedQuestions(noPredicts, lab, { step: 1, host: 'client' }, p);
    expect(keys[0]).toBe(fresh);
    expect(keys[1]).toBe(topical.at(-1)!.key);
  });

  it('in the built-in course a miss on the handshake queues the predict question about that very line first', () => {
    const lab = findLab(course, 'handshake')!;
    const keys = relatedQuestions(course, lab, { step: 20, host: 'server' }, emptyProgress());
    const first = course.questions.find((q) => q.key === keys[0])!.question;
    expect(first).toMatchObject({ kind: 'predict', scenario: '01-handshake.tcp', step: 20, host: 'server' });
  });
});

describe('the trace behind the ladder', () => {
  it('knows each segment: delivered, lost, still in flight, injected or copied', () => {
    const trace = traceLines(
      parseScript(['set client.isn 1000', 'server listen', 'client connect', 'dup c>s', 'drop c>s', 'deliver c>s', 'inject c>s RST seq=1', 'wait 1s'].join('\n')),
    );
    const segs = trace.segments.map((s) => `${s.origin}:${s.fate}`);
    // SYN (lost), its copy (delivered), the SYN,ACK (in flight), the injected RST, then at 1 s both
    // retransmission timers: the client's SYN and the server's SYN,ACK.
    expect(segs).toEqual(['sent:lost', 'copy:delivered', 'sent:flight', 'injected:delivered', 'sent:flight', 'sent:flight']);
    const last = trace.steps.at(-1)!;
    expect(last.inFlight).toEqual([2, 4, 5]);
    expect(last.timers.map((t) => `${t.host} ${t.kind}`)).toEqual(['client retransmission', 'server retransmission']);
  });

  it('computes the same keys as the validator for every built-in prediction', () => {
    for (const l of course.labs as { lab: CompiledLab; scenario: { source: string }; key: string }[]) {
      const p = playLab(l.lab, l.scenario.source);
      for (const [at, i] of p.predictionAt) {
        const step = p.trace.steps[at]!;
        const pr = l.lab.predictions[i]!;
        expect(step.line, l.key).toBe(pr.step);
        expect(step[pr.host], l.key).toBe(pr.key.state);
      }
    }
  });
});
