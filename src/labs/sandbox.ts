// The sandbox: free play against the core. The session is nothing but a
// script in the scenario language, so that what the learner did can be
// replayed, undone (run the script without its last line) and saved as a
// .tcp file that `tcp-trainer sim` runs to the same states. The screen keeps
// the command list in a reducer; running it goes through a cache so a new
// command steps the core once instead of replaying everything.

import { describe } from '../core/segment.js';
import type { ProfileName } from '../core/profile.js';
import { ScriptError, parseScript, type Line } from '../scenario/parse.js';
import { formatTime } from '../scenario/ladder.js';
import { Tracer, type Trace, type TraceStep } from './trace.js';

/** Fixed ISNs, so the numbers on the ladder are easy to follow (the learner may `set` others). */
export const SANDBOX_ISN = { client: 1000, server: 5000 } as const;

export function baseCommands(profile: ProfileName): string[] {
  return [...(profile === 'linux' ? ['set profile linux'] : []), `set client.isn ${SANDBOX_ISN.client}`, `set server.isn ${SANDBOX_ISN.server}`];
}

export interface SandboxState {
  profile: ProfileName;
  /** Every command of the session, the base settings first. */
  commands: string[];
  /** How many of `commands` are the base settings (undo stops there). */
  base: number;
}

export function newSandbox(profile: ProfileName = 'rfc'): SandboxState {
  const commands = baseCommands(profile);
  return { profile, commands, base: commands.length };
}

/** The session's commands as script lines, numbered 1.. in order. */
export function toLines(commands: readonly string[]): Line[] {
  return commands.map((text, i) => {
    const [l] = parseScript(`${'\n'.repeat(i)}${text}`);
    if (!l) throw new ScriptError(i + 1, 'empty command');
    return l;
  });
}

/** Parses one typed command; returns the error message for the learner, or the normalised command. */
export function checkCommand(text: string): { command: string } | { error: string } {
  const t = text.replace(/#.*/, '').trim();
  if (t === '') return { error: 'type a command, like client connect or deliver c>s' };
  if (/^expect\b/.test(t)) return { error: 'the sandbox writes the expect lines itself when it saves' };
  try {
    const [l] = parseScript(t);
    return { command: l!.text };
  } catch (e) {
    if (e instanceof ScriptError) return { error: e.message };
    throw e;
  }
}

/** A run of the session's commands, reused while the list only grows. */
export class SandboxRun {
  private tracer = new Tracer();
  private ran: string[] = [];

  /** Brings the run to exactly `commands`. Throws ScriptError (with its 1-based command number) if one fails. */
  sync(commands: readonly string[]): Trace {
    const prefix = this.ran.length <= commands.length && this.ran.every((c, i) => c === commands[i]);
    if (!prefix) {
      this.tracer = new Tracer();
      this.ran = [];
    }
    const lines = toLines(commands);
    for (let i = this.ran.length; i < commands.length; i++) {
      try {
        this.tracer.step(lines[i]!);
      } catch (e) {
        // The failed line may have left the core half-way: start over next time.
        this.tracer = new Tracer();
        this.ran = [];
        throw e;
      }
      this.ran.push(commands[i]!);
    }
    return this.tracer.trace();
  }

  get world() {
    return this.tracer.runner.world;
  }
}

export type SandboxAction = { type: 'run'; command: string } | { type: 'undo' } | { type: 'profile'; profile: ProfileName } | { type: 'reset' };

/** Applies an action; a command the core refuses leaves the session as it was and returns why. */
export function applySandbox(s: SandboxState, a: SandboxAction, run: SandboxRun): { state: SandboxState; error?: string } {
  switch (a.type) {
    case 'run': {
      const checked = checkCommand(a.command);
      if ('error' in checked) return { state: s, error: checked.error };
      const commands = [...s.commands, checked.command];
      try {
        run.sync(commands);
      } catch (e) {
        if (!(e instanceof ScriptError)) throw e;
        run.sync(s.commands);
        return { state: s, error: e.message };
      }
      return { state: { ...s, commands } };
    }
    case 'undo':
      if (s.commands.length <= s.base) return { state: s, error: 'nothing to undo' };
      return { state: { ...s, commands: s.commands.slice(0, -1) } };
    case 'profile':
      if (s.commands.length > s.base) return { state: s, error: 'the profile can only change before the first command (undo back to the start, or start a new session)' };
      return { state: newSandbox(a.profile) };
    case 'reset':
      return { state: newSandbox(s.profile) };
  }
}

function comment(step: TraceStep, trace: Trace): string {
  const parts: string[] = [];
  if (step.error) parts.push(`error: ${step.error}`);
  for (const item of step.items) {
    if (item.kind === 'flood') continue;
    const t = trace.segments[item.id]!;
    if (item.kind === 'lost') parts.push(`${t.dir} ${describe(t.seg)} is lost`);
    else if (t.origin === 'copy') parts.push(`${t.dir} ${describe(t.seg)} is duplicated`);
    else if (t.origin === 'injected') parts.push(`${t.dir} ${describe(t.seg)} is injected`);
  }
  for (const seg of step.sent) parts.push(`${seg.from === 'client' ? 'c>s' : 's>c'} ${describe(seg)}`);
  if (step.spoofedReplies > 0) parts.push(`${step.spoofedReplies} replies to spoofed addresses`);
  if (parts.length === 0 && !step.kind.startsWith('set-')) parts.push('nothing is sent');
  const time = step.kind === 'wait' ? `t=${formatTime(step.time)}: ` : '';
  return time + parts.join('; ');
}

/**
 * The session as a scenario file: a header, each command with a comment naming what it put on the
 * wire, and after each host or network command the states it left as expect lines, so that
 * `tcp-trainer sim` both replays it and checks that the replay agrees.
 */
export function sessionScript(s: SandboxState, trace: Trace, savedAt: string): string {
  const out = [
    `# title: Sandbox session ${savedAt}`,
    `# title.zh: 沙盒会话 ${savedAt}`,
    `# profile: ${s.profile}`,
    '# Saved from the tcp-trainer sandbox; replay it with `tcp-trainer sim FILE`.',
    '# After each command, expect lines record the states the core reached.',
    '',
  ];
  trace.steps.forEach((step, i) => {
    const text = s.commands[i]!;
    if (step.kind.startsWith('set-')) {
      out.push(text);
      if (i === s.base - 1) out.push('');
      return;
    }
    const note = comment(step, trace);
    out.push(note ? `${text.padEnd(20)} # ${note.replace(/\n/g, ' ')}` : text);
    out.push(`expect client ${step.client}`, `expect server ${step.server}`, '');
  });
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The default file name for a save at `now` (local time): sandbox-20261121-090000.tcp. */
export function defaultFileName(now: number): string {
  const d = new Date(now);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `sandbox-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}.tcp`;
}

export function savedAtLabel(now: number): string {
  const d = new Date(now);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
