// Labs in a real terminal under tmux: `tcp-trainer lab ID` opens a lab that
// is played to its score and saved; `tcp-trainer lab --sandbox` saves a
// session that `tcp-trainer sim` replays.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { hasTmux, terminals, type Terminal } from './tmux.js';

const start = terminals();

function keys(t: Terminal, ...names: string[]): void {
  for (const n of names) t.key(n);
}

describe.skipIf(!hasTmux)('labs in a real terminal (tmux)', () => {
  it('tcp-trainer lab rst-closed-port: four predictions, a perfect score, saved', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-lab-'));
    const t = start(home, ['lab', 'rst-closed-port'], { columns: 80, rows: 24 });
    await t.waitFor('Enter start');
    t.key('Enter');
    // The first command line is itself a prediction: client connect.
    await t.waitFor('Prediction 1 of 4 · line 12: client connect');
    keys(t, 'Right', 'Right', 'Enter', 's', 'Enter');
    await t.waitFor('✓ Right');
    t.key('Enter');
    await t.waitFor('Prediction 2 of 4');
    // The server stays CLOSED and answers RST,ACK seq=0 ack=1001.
    keys(t, 'Enter', 'r', 'a', 'Enter', '0', 'Enter', '1', '0', '0', '1', 'Enter');
    await t.waitFor('Core: CLOSED · sends RST,ACK seq=0 ack=1001');
    const reveal = t.screen();
    expect(reveal).toContain('✓ Right');
    // On the ladder: the reset on its way back to the client.
    expect(reveal).toMatch(/SYN-SENT +◁┄+ RST,ACK seq=0 ack=1001 ┄+ CLOSED/);
    t.key('Enter');
    await t.waitFor('Prediction 3 of 4');
    keys(t, 'Left', 'Left', 'Enter', 'Enter');
    await t.waitFor('Core: CLOSED · sends nothing');
    t.key('Enter');
    await t.waitFor('Prediction 4 of 4');
    t.key('Enter');
    await t.waitFor('Core: CLOSED · sends nothing');
    t.key('Enter');
    const summary = await t.waitFor('Score 4/4 right · 100% · best 100%');
    expect(summary).toContain('Every prediction right.');
    t.key('Enter');
    await t.waitFor('best 100% · 1×');
    keys(t, 'q');
    await t.waitFor('❯ Learn');
    t.key('q');
    await t.waitFor('[exit 0]');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.labs['tcp-core/rst-closed-port']).toMatchObject({ best: 1, attempts: 1, last: 1 });
  });

  it('tcp-trainer lab --sandbox: a session saved with s replays in tcp-trainer sim, also at 60x20', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-sandbox-'));
    const file = join(home, 'mine.tcp');
    const t = start(home, ['lab', '--sandbox'], { columns: 60, rows: 20 });
    await t.waitFor('❯ client listen');
    // Server › listen, then typed commands.
    keys(t, 'Right', 'Enter');
    await t.waitFor('Ran: server listen');
    t.key(':');
    await t.waitFor('command ›');
    t.type('client connect');
    t.key('Enter');
    await t.waitFor('Ran: client connect');
    t.type('dro');
    t.key('Tab');
    await t.waitFor('command › drop ');
    t.key('Tab');
    await t.waitFor('command › drop c>s');
    t.key('Enter');
    await t.waitFor('Ran: drop c>s');
    t.type('wait 1s');
    t.key('Enter');
    await t.waitFor('Ran: wait 1s');
    t.type('deliver all');
    t.key('Enter');
    await t.waitFor(/client ESTABLISHED.*server ESTABLISHED/);
    t.key('Enter');
    await t.waitFor('←→ group');
    t.key('s');
    await t.waitFor('save as › sandbox-');
    t.key('C-u');
    t.type(file);
    t.key('Enter');
    await t.waitFor('Saved');
    expect(existsSync(file)).toBe(true);
    t.key('q');
    await t.waitFor('Sandbox: free play');
    t.key('q');
    await t.waitFor('❯ Learn');
    t.key('q');
    await t.waitFor('[exit 0]');
    const r = run(['sim', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('SYN seq=1000');
    expect(r.stdout).toMatch(/ESTABLISHED\s+ESTABLISHED\s*$/);
  });
});
