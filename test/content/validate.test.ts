// The pack validator on a good fixture pack and on broken copies of it, one
// kind of mistake each, asserting the message an author would read.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../src/content/compile.js';
import { formatProblem } from '../../src/content/load.js';

const GOOD = fileURLToPath(new URL('../fixtures/packs/good', import.meta.url));

/** A copy of the good pack with one change made by `mutate`; returns its problems as printed lines. */
function brokenCopy(mutate: (dir: string) => void): { dir: string; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-pack-'));
  cpSync(GOOD, dir, { recursive: true });
  mutate(dir);
  const { problems } = compilePack(dir);
  return { dir, lines: problems.map(formatProblem) };
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

describe('validate: the good fixture pack', () => {
  it('has no problems and computes the predict key from the core', () => {
    const { pack, problems } = compilePack(GOOD);
    expect(problems).toEqual([]);
    const predict = pack!.questions.find((q) => q.id === 'basics-predict');
    expect(predict?.key).toEqual({ state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'] });
    expect(pack!.lessons[0]!.title).toEqual({ en: 'A first look', zh: '初识' });
  });

  it('compiles its lab with keys the core computed, seq and ack included', () => {
    const { pack } = compilePack(GOOD);
    expect(pack!.labs.map((l) => l.id)).toEqual(['handshake']);
    expect(pack!.labs[0]!.predictions.map((p) => p.key)).toEqual([
      { state: 'SYN-SENT', sends: ['SYN'], seq: 1000, ack: null },
      { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'], seq: 5000, ack: 1001 },
      { state: 'ESTABLISHED', sends: [], seq: null, ack: null },
    ]);
  });
});

describe('validate: broken labs, one mistake each, never half-shown', () => {
  const LAB = 'labs/handshake.yaml';
  /** The problems of a pack whose lab got one change; the broken lab must not reach the compiled pack. */
  function brokenLab(from: string | RegExp | null, to: string, also?: (dir: string) => void): string[] {
    const { dir, lines } = brokenCopy((d) => {
      if (from !== null) edit(d, LAB, from, to);
      also?.(d);
    });
    expect(compilePack(dir).pack?.labs ?? []).toEqual([]);
    return lines.map((l) => l.replace(`${dir}/`, ''));
  }

  it('a step on a comment line', () => {
    expect(brokenLab('step: 7', 'step: 2')).toEqual([`${LAB}: predictions.0.step: line 2 of handshake.tcp is blank or a comment; give the line of a command (line 8)`]);
  });

  it('a step past the end of the scenario', () => {
    expect(brokenLab('step: 12', 'step: 99')).toEqual([`${LAB}: predictions.2.step: there is no line 99: handshake.tcp has 13 lines (line 18)`]);
  });

  it('a step on an expect line, which changes nothing', () => {
    expect(brokenLab('step: 12', 'step: 9')).toEqual([
      `${LAB}: predictions.2.step: line 9 of handshake.tcp is 'expect server SYN-RECEIVED', which changes nothing to predict; give the line of a host or network command (line 18)`,
    ]);
  });

  it('steps out of the scenario order', () => {
    expect(brokenLab('step: 12', 'step: 7')).toEqual([
      `${LAB}: predictions.2.step: line 7 comes at or before the previous prediction's line 8; list predictions in the order of the scenario, one per line (line 18)`,
    ]);
  });

  it('seq asked where the host sends nothing', () => {
    expect(brokenLab('ask: state\n', 'ask: sends\n    numbers: [seq]\n')).toEqual([`${LAB}: predictions.2.numbers: the server sends nothing on line 12, so there is no seq or ack to predict (line 21)`]);
  });

  it('ack asked of a segment without the ACK flag', () => {
    expect(brokenLab('ask: both\n    prompt: { en: "The client', 'ask: both\n    numbers: [ack]\n    prompt: { en: "The client')).toEqual([
      `${LAB}: predictions.0.numbers: the client's SYN on line 7 has no ACK flag, so there is no ack number to predict (line 11)`,
    ]);
  });

  it('seq and ack asked with ask: state', () => {
    expect(brokenLab('ask: state\n', 'ask: state\n    numbers: [ack]\n')).toEqual([`${LAB}: predictions.2.numbers: seq and ack can only be asked with ask: sends or both (line 21)`]);
  });

  it('a prompt without its Chinese text', () => {
    expect(brokenLab(', zh: "ACK 到达。" }', ' }')).toEqual([`${LAB}: predictions.2.prompt.zh: is missing (line 21)`]);
  });

  it('a misspelt field', () => {
    expect(brokenLab('explain:', 'explanation:')).toEqual([`${LAB}: predictions.1: unknown field 'explanation' (check the spelling against content/AUTHORING.md) (line 12)`]);
  });

  it('an unknown topic', () => {
    expect(brokenLab('topic: basics', 'topic: nowhere')).toEqual([`${LAB}: topic: unknown topic 'nowhere'; pack.yaml lists basics (line 2)`]);
  });

  it('a scenario the pack does not have', () => {
    expect(brokenLab('scenario: handshake.tcp', 'scenario: missing.tcp')).toEqual([`${LAB}: scenario: there is no scenarios/missing.tcp (line 3)`]);
  });

  it('a scenario that does not run in the core', () => {
    const lines = brokenLab(null, '', (d) => edit(d, 'scenarios/handshake.tcp', 'expect server SYN-RECEIVED', 'expect server ESTABLISHED'));
    expect(lines).toEqual([
      'scenarios/handshake.tcp: line 9: expect server ESTABLISHED fails: the server is SYN-RECEIVED',
      `${LAB}: scenario: handshake.tcp does not run: line 9: expect server ESTABLISHED fails: the server is SYN-RECEIVED (line 3)`,
    ]);
  });

  it('an id that is not the file name', () => {
    expect(brokenLab('id: handshake', 'id: hand-shake')).toEqual([`${LAB}: id: is 'hand-shake' but the file name says 'handshake' (line 1)`]);
  });
});

describe('validate: broken packs, one mistake each', () => {
  it('a YAML syntax error names the file and the line', () => {
    const { dir, lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', '- id: basics-flags', '- id: [basics-flags'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${join(dir, 'questions/basics.yaml')}: line \\d+: YAML syntax: `));
  });

  it('a missing language is reported at the question and field', () => {
    const { dir, lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', /  zh: \{ prompt: "SYN 占用一个序号。", explanation: "是的。" \}\n/, ''));
    expect(lines).toEqual([`${join(dir, 'questions/basics.yaml')}: basics-tf.zh: is missing (line 17)`]);
  });

  it('a misspelt field is an unknown field, not silently ignored', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'explanation: "It does."', 'explaination: "It does."'));
    expect(lines.some((l) => l.includes("basics-tf.en: unknown field 'explaination'"))).toBe(true);
  });

  it('an answer outside the options', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'answer: 1\n', 'answer: 2\n'));
    expect(lines).toEqual([expect.stringMatching(/basics\.yaml: basics-count\.answer: is option 2 but there are only 2 options \(counted from 0\)$/)]);
  });

  it('options that differ in number between the languages', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'options: ["SYN", "FIN", "ACK"], explanation: "SYN 和 ACK。"', 'options: ["SYN", "ACK"], explanation: "SYN 和 ACK。"'));
    expect(lines.some((l) => l.endsWith('basics-flags.zh.options: has 2 entries but en.options has 3; both languages list the same options'))).toBe(true);
  });

  it('a duplicate question id', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', '- id: basics-tf', '- id: basics-count'));
    expect(lines).toEqual([expect.stringMatching(/basics-count\.id: question id 'basics-count' is used twice$/)]);
  });

  it('an id with a path separator', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', '- id: basics-tf', '- id: ../../etc/passwd'));
    expect(lines.some((l) => l.includes('.id: an id is 2-64 characters of a-z, 0-9 and -'))).toBe(true);
  });

  it('an unknown topic', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', /topic: basics\n  kind: truefalse/, 'topic: nowhere\n  kind: truefalse'));
    expect(lines).toEqual([expect.stringMatching(/basics-tf\.topic: unknown topic 'nowhere'$/)]);
  });

  it('a lesson without its Chinese version', () => {
    const { lines } = brokenCopy((d) => rmSync(join(d, 'lessons/basics-intro.zh.md')));
    expect(lines).toEqual([expect.stringMatching(/lessons\/basics-intro\.en\.md: lesson 'basics-intro' has no zh version \(add lessons\/basics-intro\.zh\.md\)$/)]);
  });

  it('a lesson figure that does not exist', () => {
    const { lines } = brokenCopy((d) => rmSync(join(d, 'figures/tiny.txt')));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/lessons\/basics-intro\.en\.md: body: \{\{figure:tiny\}\} but there is no figures\/tiny\.txt$/);
  });

  it('a figure wider than the screen allows', () => {
    const { lines } = brokenCopy((d) => writeFileSync(join(d, 'figures/tiny.txt'), `${'─'.repeat(80)}\n`));
    expect(lines).toEqual([expect.stringMatching(/figures\/tiny\.txt: line 1: is 80 columns wide; figures fit in 76$/)]);
  });

  it('a scenario whose expect does not hold is rejected with its line', () => {
    const { lines } = brokenCopy((d) => edit(d, 'scenarios/handshake.tcp', 'expect server SYN-RECEIVED', 'expect server ESTABLISHED'));
    expect(lines[0]).toMatch(/scenarios\/handshake\.tcp: line 9: expect server ESTABLISHED fails: the server is SYN-RECEIVED$/);
  });

  it('a scenario that does not parse', () => {
    const { lines } = brokenCopy((d) => edit(d, 'scenarios/handshake.tcp', 'deliver c>s\nexpect server SYN', 'deliver x>y\nexpect server SYN'));
    expect(lines[0]).toMatch(/scenarios\/handshake\.tcp: line 8: expected a direction c>s or s>c, got 'x>y'$/);
  });

  it('a predict item pointing at a comment line', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'step: 8', 'step: 2'));
    expect(lines).toEqual([expect.stringMatching(/basics-predict\.step: line 2 of the scenario is not a command \(blank or comment\)$/)]);
  });

  it('a predict item naming a scenario the pack does not have', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'scenario: handshake.tcp', 'scenario: missing.tcp'));
    expect(lines).toEqual([expect.stringMatching(/basics-predict\.scenario: there is no scenarios\/missing\.tcp$/)]);
  });

  it('an unknown question kind', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', 'kind: truefalse', 'kind: essay'));
    expect(lines[0]).toMatch(/basics-tf\.kind: kind must be one of single, multi, truefalse, order, numeric, fill, predict, open/);
  });

  it('a megabyte string is refused, not loaded', () => {
    const { lines } = brokenCopy((d) => edit(d, 'questions/basics.yaml', '"It does."', JSON.stringify('x'.repeat(1_000_000))));
    expect(lines.some((l) => l.includes('basics-tf.en.explanation') && l.includes('longer than 20,000 characters'))).toBe(true);
  });

  it('deep nesting is refused', () => {
    const { lines } = brokenCopy((d) => writeFileSync(join(d, 'questions/deep.yaml'), `${'['.repeat(100)}${']'.repeat(100)}\n`));
    expect(lines).toEqual([expect.stringMatching(/questions\/deep\.yaml: nested more than 32 levels deep$/)]);
  });

  it('a missing pack.yaml', () => {
    const { dir, lines } = brokenCopy((d) => rmSync(join(d, 'pack.yaml')));
    expect(lines).toEqual([`${join(dir, 'pack.yaml')}: missing`]);
  });

  it('a directory that does not exist', () => {
    const { problems } = compilePack('/nonexistent/pack');
    expect(problems.map(formatProblem)).toEqual(['/nonexistent/pack: no such directory']);
  });

  it('a YAML alias bomb is refused', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const { lines } = brokenCopy((d) => {
      mkdirSync(join(d, 'questions'), { recursive: true });
      writeFileSync(join(d, 'questions/bomb.yaml'), `${bomb.join('\n')}\n`);
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/questions\/bomb\.yaml: YAML aliases expand too much \(at most 50\); write the data out$/);
  });
});
