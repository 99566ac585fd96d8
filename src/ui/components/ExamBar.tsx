// The two lines above every exam question: where the learner is, the
// countdown (always in sight: the rest of the line is cut first), and the
// navigator strip with one mark per question: ● answered, ○ not, ⚑ flagged.

import { Box, Text } from 'ink';
import { clockPhase, formatClock, remainingMs, type ClockPhase } from '../../exam/timer.js';
import { counts, isAnswered } from '../../exam/session.js';
import type { ExamSession } from '../../store/exam-records.js';
import type { ExamStrings } from '../screens/exam-strings.js';
import { stringWidth, truncate } from '../text.js';

const GROUP = 5;

export function clockText(phase: ClockPhase, left: string, s: ExamStrings): string {
  return phase === 'last' || phase === 'up' ? s.leftLast(left) : phase === 'warning' ? s.leftWarn(left) : s.left(left);
}

const CLOCK_COLOR: Record<ClockPhase, string | undefined> = { normal: undefined, warning: 'yellow', last: 'red', up: 'red' };

/** The questions the strip shows in `width` columns: all when they fit, else whole groups of five around `current`. */
export function stripWindow(n: number, current: number, width: number): { start: number; end: number } {
  const cols = (k: number): number => (k <= 0 ? 0 : k + Math.floor((k - 1) / GROUP));
  if (cols(n) <= width) return { start: 0, end: n };
  // Room for ‹ and › at the ends.
  const groups = Math.max(1, Math.floor((width - 2 + 1) / (GROUP + 1)));
  const total = Math.ceil(n / GROUP);
  const first = Math.max(0, Math.min(total - groups, Math.floor(current / GROUP) - Math.floor((groups - 1) / 2)));
  return { start: first * GROUP, end: Math.min(n, (first + groups) * GROUP) };
}

/** `left` is cut to fit beside the clock; `more` (scroll marks) and the clock never are. */
export function ExamBar(props: { session: ExamSession; now: number; width: number; s: ExamStrings; left: string; more: string; notice: string | null; warn: boolean }) {
  const { session, width, s } = props;
  const n = session.questions.length;
  const current = session.current ?? 0;
  const remaining = remainingMs(session, props.now);
  const phase = clockPhase(remaining);
  const time = clockText(phase, formatClock(remaining), s);
  const more = props.more ? ` ${props.more}` : '';
  const room = Math.max(1, width - stringWidth(time) - stringWidth(more) - 1);
  // A notice goes first; where the learner is follows it, cut first when the line is short.
  const cut = truncate(props.notice ? `${props.notice}  ${props.left}` : props.left, room);
  const said = props.notice ? (cut.startsWith(props.notice) ? props.notice : cut) : '';
  const rest = cut.slice(said.length) + more;
  const gap = ' '.repeat(Math.max(1, width - stringWidth(cut) - stringWidth(more) - stringWidth(time)));

  const c = counts(session);
  const tally = ` ${s.answeredOf(c.answered, c.total)}${c.flagged > 0 ? ` · ${s.flaggedN(c.flagged)}` : ''}`;
  const stripRoom = Math.max(6, width - stringWidth(tally));
  const { start, end } = stripWindow(n, current, stripRoom);
  const cells: Array<{ key: string; text: string; color?: string; inverse?: boolean }> = [];
  if (start > 0) cells.push({ key: 'before', text: '‹' });
  for (let i = start; i < end; i++) {
    if (i > start && i % GROUP === 0) cells.push({ key: `gap-${i}`, text: ' ' });
    const flagged = session.flags.includes(i);
    const answered = isAnswered(session, i);
    cells.push({ key: `q-${i}`, text: flagged ? '⚑' : answered ? '●' : '○', color: flagged ? 'yellow' : answered ? 'green' : undefined, inverse: i === current });
  }
  if (end < n) cells.push({ key: 'after', text: '›' });
  const stripWidth = cells.reduce((w, cell) => w + stringWidth(cell.text), 0);

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={props.warn ? 'yellow' : 'cyan'}>{said}</Text>
        <Text dimColor>{rest}</Text>
        {gap}
        <Text color={CLOCK_COLOR[phase]} bold={phase !== 'normal'}>
          {time}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        {cells.map((cell) => (
          <Text key={cell.key} color={cell.color} inverse={cell.inverse}>
            {cell.text}
          </Text>
        ))}
        <Text dimColor>{truncate(tally, Math.max(0, width - stripWidth))}</Text>
      </Text>
    </Box>
  );
}
