// Home: where to go, and a line that resumes where the learner left off.

import { Box, Text, useApp } from 'ink';
import { Screen } from '../components/Screen.js';
import { Menu } from '../components/Menu.js';
import { useNav, useBodySize } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { buildQueue, dueCount } from '../../engine/queue.js';
import { clean, truncate } from '../text.js';
import { INTERVIEW_STRINGS } from './interview-strings.js';
import { EXAM_STRINGS } from './exam-strings.js';
import { formatClock, remainingMs } from '../../exam/timer.js';

type Choice = Route | 'quit';

export function Home() {
  const { t, course, progress, now, lang } = useServices();
  const { go } = useNav();
  const { exit } = useApp();
  const { columns, rows } = useBodySize();
  const time = now();
  const due = dueCount(progress, course.questions, time);
  const fresh = buildQueue(progress, course.questions, time).filter((q) => q.reason === 'new').length;

  const last = progress.last;
  // The lesson to continue: the one left unfinished, else the next unread one after it (after the
  // lesson read last when the learner has practised since).
  const anchor = last?.lesson ?? Object.entries(progress.lessons).sort((a, b) => b[1].readAt - a[1].readAt)[0]?.[0];
  const lastIndex = anchor ? course.lessons.findIndex((l) => l.key === anchor) : -1;
  const lastLesson =
    lastIndex < 0 ? undefined : [...course.lessons.slice(lastIndex), ...course.lessons.slice(0, lastIndex)].find((l) => !progress.lessons[l.key]);
  const items: Array<{ label: string; value: Choice; key: string }> = [];
  if (progress.examInProgress) {
    const left = remainingMs(progress.examInProgress, time);
    items.push({ key: 'resume-exam', label: left > 0 ? EXAM_STRINGS[lang].resumeHome(formatClock(left)) : EXAM_STRINGS[lang].resumeHomeTimeUp, value: { name: 'exam', resume: true } });
  }
  if (progress.drillInProgress) items.push({ key: 'resume-drill', label: INTERVIEW_STRINGS[lang].resumeHome, value: { name: 'interview', resume: true } });
  if (last?.kind === 'practice' && due > 0) {
    items.push({ key: 'continue', label: t('continuePractice'), value: { name: 'practice' } });
  } else if (lastLesson) {
    items.push({ key: 'continue', label: t('continueLesson', { title: clean(lastLesson.lesson.title[lang]) }), value: { name: 'lesson', key: lastLesson.key } });
  }
  items.push(
    { key: 'learn', label: t('learn'), value: { name: 'learn' } },
    { key: 'practice', label: `${t('practice')}  (${due > 0 ? t('dueCards', { n: due }) : t('nothingDue')} · ${t('newCards', { n: fresh })})`, value: { name: 'practice' } },
    { key: 'labs', label: t('labs'), value: { name: 'labs' } },
    { key: 'exam', label: t('exam'), value: { name: 'exam' } },
    { key: 'interview', label: t('interview'), value: { name: 'interview' } },
    { key: 'progress', label: t('progress'), value: { name: 'progress' } },
    { key: 'settings', label: t('settings'), value: { name: 'settings' } },
    { key: 'help', label: t('help'), value: { name: 'help' } },
    { key: 'quit', label: t('quit'), value: 'quit' },
  );

  return (
    <Screen title={t('home')} hints={[t('keysSelect'), 'q ' + t('quit')]}>
      <Box flexDirection="column">
        <Text dimColor>{truncate(summaryLine(t, lastLesson ? clean(lastLesson.lesson.title[lang]) : null, due), columns)}</Text>
        <Menu
          items={items}
          rows={Math.max(3, rows - 1)}
          width={columns}
          onSelect={(value) => {
            if (value === 'quit') exit();
            else go({ type: 'push', route: value });
          }}
        />
      </Box>
    </Screen>
  );
}

function summaryLine(t: ReturnType<typeof useServices>['t'], lesson: string | null, due: number): string {
  const parts = [lesson ? t('continueLesson', { title: lesson }) : null, due > 0 ? t('dueCards', { n: due }) : t('nothingDue')];
  return parts.filter(Boolean).join(' · ');
}
