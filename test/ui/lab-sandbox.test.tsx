// The sandbox through the real app: menus, the command line with Tab
// completion (where q is a letter), undo, and saving a file that replays.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/scenario/parse.js';
import { runScript } from '../../src/scenario/run.js';
import { KEYS, renderApp } from './render-app.js';

const SANDBOX = [{ name: 'home' as const }, { name: 'labs' as const }, { name: 'sandbox' as const }];

describe('Sandbox', () => {
  it('runs menu actions and typed commands against the core, undoes, and saves a file sim replays', async () => {
    const app = renderApp({ route: SANDBOX });
    await app.waitFor('❯ client listen');
    // Server › listen; Client › connect.
    await app.press(KEYS.right, KEYS.enter);
    await app.waitFor('Ran: server listen');
    await app.press(KEYS.left, KEYS.down, KEYS.enter);
    await app.waitFor('Ran: client connect');
    expect(app.lastFrame()).toContain('in flight: c>s 1: SYN seq=1000');
    expect(app.lastFrame()).toContain('timers: client retransmission 1s');

    // Network › drop the SYN: it is drawn lost.
    await app.press(KEYS.right, KEYS.right, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Ran: drop c>s');
    expect(app.lastFrame()).toMatch(/✗ SYN seq=1000 · lost/);

    // Type with completion: "wa" Tab → "wait ", then the wait that reaches the timer.
    await app.press(':');
    await app.waitFor('command ›');
    await app.press('w', 'a', '\t');
    await app.waitFor('command › wait ▏');
    await app.press('\t');
    await app.waitFor('1000ms  1s  10s  60s  2msl');
    await app.press('1', '0', '0', '0', '\t', KEYS.enter);
    await app.waitFor('Ran: wait 1000ms');
    expect(app.lastFrame()).toMatch(/t=1s/);
    // q is a letter while typing; a command the core refuses is explained and not run.
    await app.press('q', KEYS.backspace, 'd', 'u', 'p', ' ', 's', '>', 'c', KEYS.enter);
    await app.waitFor('Not run: dup s>c: nothing is in flight s>c');
    expect(app.lastFrame()).toContain('tcp-trainer · Sandbox');
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.press('d', 'e', 'l', '\t', 'a', '\t', KEYS.enter);
    await app.waitFor('Ran: deliver all');
    expect(app.lastFrame()).toMatch(/client ESTABLISHED .* server ESTABLISHED/);

    // An empty line goes back to the menus; u undoes the last command.
    await app.press(KEYS.enter);
    await app.waitFor('←→ group');
    await app.press('u');
    await app.waitFor('Undone: deliver all');
    expect(app.lastFrame()).toMatch(/client SYN-SENT .* server LISTEN/);
    await app.press(':', 'd', 'e', 'l', 'i', 'v', 'e', 'r', ' ', 'a', 'l', 'l', KEYS.enter, KEYS.enter);
    await app.waitFor('←→ group');

    // s asks where to save, offering a name; Ctrl+U clears it and we give a path of our own.
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-sandbox-ui-'));
    const file = join(dir, 'session.tcp');
    await app.press('s');
    await app.waitFor(/save as › sandbox-\d{8}-\d{6}\.tcp/);
    // Ctrl+U and the path in one chunk, as a fast terminal delivers them.
    app.stdin.write(`\u0015${file}`);
    await app.press(KEYS.enter);
    await app.waitFor(`Saved ${file}`);
    const text = readFileSync(file, 'utf8');
    const replay = runScript(parseScript(text));
    expect(replay.outcome).toEqual({ kind: 'ok' });
    expect(replay.steps.at(-1)).toMatchObject({ client: 'ESTABLISHED', server: 'ESTABLISHED', time: 1000 });
    expect(text).toContain('drop c>s             # c>s SYN seq=1000 is lost');
    app.unmount();
  });

  it('keeps the session when the learner leaves and comes back', async () => {
    const app = renderApp({ route: SANDBOX });
    await app.waitFor('❯ client listen');
    await app.press(KEYS.right, KEYS.enter);
    await app.waitFor('Ran: server listen');
    await app.press(KEYS.escape);
    await app.waitFor('❯ Sandbox: free play');
    await app.press(KEYS.enter);
    await app.waitFor('server LISTEN');
    app.unmount();
  });

  it('switches to the linux profile before the first command, and says so in the title', async () => {
    const app = renderApp({ route: SANDBOX, lang: 'zh' });
    await app.waitFor('[客户端]│ 服务器');
    await app.press(KEYS.left, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('沙盒 · linux');
    app.unmount();
  });
});
