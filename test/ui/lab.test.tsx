// A whole guided lab through the real app: the list, the intro, five
// predictions (right, partly right, wrong), the ladder growing, the summary,
// and what was saved: the best score and the questions put first in practice.
import { describe, expect, it } from 'vitest';
import { KEYS, renderApp } from './render-app.js';

const LAB = [{ name: 'home' as const }, { name: 'labs' as const }, { name: 'lab' as const, id: 'handshake' }];

describe('Labs', () => {
  it('Home › Labs lists the sandbox and the labs with their scores, and opens one', async () => {
    const app = renderApp({ route: [{ name: 'home' }] });
    await app.waitFor('❯ Learn');
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Sandbox: free play against the core');
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/\d+ labs · 0 done/);
    expect(frame).toContain('The three-way handshake');
    expect(frame).toContain('not tried');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Enter start');
    expect(app.lastFrame()).toContain('scenario 01-handshake.tcp (rfc) · 5 predictions');
    await app.press(KEYS.escape);
    await app.waitFor('Sandbox: free play');
    app.unmount();
  });

  it('runs the handshake lab from start to score, and saves the result', async () => {
    const app = renderApp({ route: LAB });
    await app.waitFor('Enter start');
    await app.press(KEYS.enter);
    await app.waitFor('Enter runs line 16: client connect');
    expect(app.lastFrame()).toMatch(/CLOSED +nothing sent +LISTEN/);
    await app.press(KEYS.escape);
    await app.waitFor('Sandbox: free play');
    await app.press(KEYS.enter);

    // Two Enters in one chunk: start (which runs line 12, server listen), then stop before line 16.
    await app.waitFor('Enter start');
    app.stdin.write('\r\r');

    // 1. client connect: SYN-SENT, sends SYN. Right.
    await app.waitFor('Prediction 1 of 5 · line 16: client connect');
    expect(app.lastFrame()).toContain('▶ 16 client connect   ?');
    await app.press(KEYS.right, KEYS.right, KEYS.enter, 's', KEYS.enter);
    await app.waitFor('✓ Right');
    expect(app.lastFrame()).toContain('Core: SYN-SENT · sends SYN seq=1000');
    expect(app.lastFrame()).toContain('[RFC 9293 3.10.1]');
    expect(app.lastFrame()).toMatch(/SYN-SENT +┄+ SYN seq=1000 ┄+▷ LISTEN/);
    expect(app.lastFrame()).toContain('timers: client retransmission 1s');

    // 2. the SYN arrives: SYN-RECEIVED, SYN,ACK seq=5000 ack=1001; the ack typed wrong.
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 2 of 5');
    await app.press(KEYS.right, KEYS.right, KEYS.enter, 's', 'a', KEYS.enter, '5', '0', '0', '0', KEYS.enter, '1', '0', '0', '0', KEYS.enter);
    await app.waitFor('Partly right (75%)');
    expect(app.lastFrame()).toContain('You: SYN-RECEIVED · sends SYN,ACK seq=5000 ack=1000');
    expect(app.lastFrame()).toContain('Core: SYN-RECEIVED · sends SYN,ACK seq=5000 ack=1001');
    // The SYN has arrived: its arrow is solid now.
    expect(app.lastFrame()).toMatch(/SYN-SENT +─+ SYN seq=1000 ─+▶ LISTEN/);

    // 3. SYN,ACK reaches the client: answered "stays SYN-SENT, sends nothing". Wrong.
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 3 of 5');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('✗ Not this time');
    expect(app.lastFrame()).toContain('Core: ESTABLISHED · sends ACK seq=1001 ack=5001');

    // 4. the third segment: ESTABLISHED, nothing sent. Right.
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 4 of 5');
    await app.press(KEYS.right, KEYS.enter, KEYS.enter);
    await app.waitFor('✓ Right');

    // 5. the first data: ACK (PSH not needed) with seq 1001. Right.
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 5 of 5');
    await app.press('a', KEYS.enter, '1', '0', '0', '1', KEYS.enter);
    await app.waitFor('✓ Right');

    // The last two lines run, then the summary.
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('Enter ends the lab.');
    await app.press(KEYS.enter);
    await app.waitFor('Score 3/5 right · 75% · best 75%');
    const frame = app.lastFrame()!;
    expect(frame).toContain('✗ 20 server: SYN-RECEIVED · sends SYN,ACK seq=5000 ack=1001');
    expect(frame).toContain('✗ 24 client: ESTABLISHED · sends ACK seq=1001 ack=5001 (you: SYN-SENT · sends nothing)');

    const saved = app.store.read();
    expect(saved.labs?.['tcp-core/handshake']).toEqual({ best: 0.75, attempts: 1, lastAt: Date.UTC(2026, 10, 21, 9, 0, 0), last: 0.75 });
    // The misses put related questions first in practice: the predict questions on the same scenario.
    const queued = saved.priority.map((k) => app.course.questions.find((q) => q.key === k)!.question);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((q) => q.kind === 'predict' && q.scenario === '01-handshake.tcp')).toBe(true);
    expect(frame).toContain(`${queued.length} related question${queued.length === 1 ? '' : 's'} put first in Practice.`);

    // r tries again; Enter at the end goes back to the list, which shows the best score.
    await app.press('r');
    await app.waitFor('Enter start');
    await app.press(KEYS.escape);
    await app.waitFor('best 75% · 1×');
    app.unmount();
  });

  it('speaks Chinese with --lang zh, lab text and chrome alike', async () => {
    const app = renderApp({ route: LAB, lang: 'zh' });
    await app.waitFor('Enter 开始');
    expect(app.lastFrame()).toContain('三次握手');
    await app.press(KEYS.enter, KEYS.enter, KEYS.enter);
    await app.waitFor('预测 1/5 · 第 16 行：client connect');
    expect(app.lastFrame()).toContain('客户端调用 connect()');
    expect(app.lastFrame()).toContain('客户端的下一个状态');
    app.unmount();
  });

  it('an unknown lab id says so instead of failing', async () => {
    const app = renderApp({ route: [{ name: 'home' }, { name: 'labs' }, { name: 'lab', id: 'no-such-lab' }] });
    await app.waitFor("There is no lab 'no-such-lab'");
    app.unmount();
  });
});
