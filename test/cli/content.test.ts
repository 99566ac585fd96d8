// validate, list, --pack and --lang as a user runs them.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run } from './run.js';

const GOOD = join(root, 'test/fixtures/packs/good');

describe('tcp-trainer validate', () => {
  it('checks the built-in course and prints a summary', () => {
    const r = run(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tcp-core \d+\.\d+\.\d+: \d+ lessons? and \d+ questions?, each in en and zh/);
    expect(r.stdout.trim().endsWith('no problems')).toBe(true);
  });

  it('checks a pack directory', () => {
    const r = run(['validate', GOOD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('fixture-pack 0.1.0: 1 lesson and 8 questions, each in en and zh');
  });

  it('lists every problem as FILE: path: what is wrong, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-bad-'));
    cpSync(GOOD, dir, { recursive: true });
    writeFileSync(join(dir, 'questions/extra.yaml'), '- id: Bad Id\n  kind: single\n');
    const r = run(['validate', dir]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ problems in /);
    expect(lines).toContain(`${join(dir, 'questions/extra.yaml')}: #1.id: an id is 2-64 characters of a-z, 0-9 and -, starting with a letter or digit (line 1)`);
    expect(lines.every((l) => !l.includes('    at '))).toBe(true);
  });
});

describe('tcp-trainer list', () => {
  it('--json gives the packs and topics with counts per language', () => {
    const r = run(['list', '--json', '--pack', GOOD]);
    expect(r.status).toBe(0);
    const packs = JSON.parse(r.stdout);
    expect(packs.map((p: { id: string }) => p.id)).toEqual(['tcp-core', 'fixture-pack']);
    expect(packs[1].topics).toEqual([{ id: 'basics', title: { en: 'Basics', zh: '基础' }, lessons: { en: 1, zh: 1 }, questions: { en: 8, zh: 8 } }]);
    expect(packs[0].topics.length).toBeGreaterThanOrEqual(13);
  });

  it('follows --lang and the locale for titles', () => {
    expect(run(['--lang', 'zh', 'list', '--pack', GOOD]).stdout).toContain('一个小测试包');
    expect(run(['list', '--pack', GOOD], '', { LANG: 'zh_CN.UTF-8', LC_ALL: '' }).stdout).toContain('一个小测试包');
    expect(run(['list', '--pack', GOOD], '', { LANG: 'en_US.UTF-8', LC_ALL: '' }).stdout).toContain('A small test pack');
  });

  it('refuses a broken --pack in one line, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-bad-'));
    cpSync(GOOD, dir, { recursive: true });
    writeFileSync(join(dir, 'pack.yaml'), 'id: x\n');
    const r = run(['list', '--pack', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`tcp-trainer: pack ${dir} is not valid: `);
    expect(r.stderr).toContain(`run tcp-trainer validate ${dir}`);
  });

  it('refuses an unknown language', () => {
    const r = run(['list', '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("tcp-trainer: --lang must be en or zh, not 'fr' (try tcp-trainer --help)");
  });
});
