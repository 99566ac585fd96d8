// Exam mode: a timed exam drawn from the course (Home › Exam, or
// `tcp-trainer exam`), its report, and the review of each question. The
// route says which: `review` shows a finished exam, `item` one question of
// it; otherwise the exam is set up, started, resumed or taken.

import { useEffect, useMemo, useState } from 'react';
import { Text } from 'ink';
import { ExamIntro, type IntroNote, type Settings } from '../components/ExamIntro.js';
import { ExamReport } from '../components/ExamReport.js';
import { ExamReviewItem } from '../components/ExamReviewItem.js';
import { ExamTaking } from '../components/ExamTaking.js';
import { Screen } from '../components/Screen.js';
import { useNav } from '../nav-context.js';
import type { Route } from '../navigation.js';
import { useServices } from '../services.js';
import { clean } from '../text.js';
import { seedFrom } from '../../engine/random.js';
import { DEFAULT_COUNT, DEFAULT_MINUTES, DEFAULT_PASS, MAX_COUNT, examPool, topicNames } from '../../exam/select.js';
import { sessionFits, startExam } from '../../exam/session.js';
import type { ExamSession } from '../../store/exam-records.js';
import { EXAM_STRINGS } from './exam-strings.js';

type ExamRoute = Extract<Route, { name: 'exam' }>;

export function Exam({ route }: { route: ExamRoute }) {
  const { progress, lang, t } = useServices();
  if (route.review === undefined) return <ExamRunner route={route} />;
  const result = progress.exams?.find((e) => e.id === route.review);
  if (!result) {
    return (
      <Screen title={t('exam')} hints={[t('keysBack')]}>
        <Text>{EXAM_STRINGS[lang].notFound}</Text>
      </Screen>
    );
  }
  return route.item !== undefined ? <ExamReviewItem route={route} result={result} /> : <ExamReport route={route} result={result} />;
}

type Phase = { kind: 'intro'; note: IntroNote | null } | { kind: 'taking'; session: ExamSession; fresh: boolean };

function ExamRunner({ route }: { route: ExamRoute }) {
  const { course, lang, now, progress, save, t } = useServices();
  const { go } = useNav();
  const s = EXAM_STRINGS[lang];
  const topics = route.topics ?? [];
  const poolSize = useMemo(() => examPool(course, topics).length, [course, topics]);
  const maxCount = Math.max(1, Math.min(MAX_COUNT, poolSize));
  const stored = progress.examInProgress && sessionFits(course, progress.examInProgress) ? progress.examInProgress : null;

  const begin = (o: Settings): Phase => {
    if (poolSize === 0) return { kind: 'intro', note: 'noQuestions' };
    const at = now();
    const session = startExam(course, { count: Math.min(o.count, maxCount), minutes: o.minutes, topics, seed: route.seed ?? seedFrom(at), passMark: o.pass, lang, now: at });
    return { kind: 'taking', session, fresh: true };
  };
  const settings: Settings = { count: route.count ?? DEFAULT_COUNT, minutes: route.minutes ?? DEFAULT_MINUTES, pass: route.pass ?? DEFAULT_PASS };

  const [phase, setPhase] = useState<Phase>(() => {
    if (route.resume) {
      if (stored) return { kind: 'taking', session: stored, fresh: false };
      return { kind: 'intro', note: progress.examInProgress ? 'cannotResume' : 'noResume' };
    }
    if (route.start) return progress.examInProgress ? { kind: 'intro', note: 'unfinished' } : begin(settings);
    return { kind: 'intro', note: null };
  });

  // A new exam is saved at once, and the route becomes "resume" so that coming back
  // to this screen (from help, say) goes on with it rather than starting another.
  const session = phase.kind === 'taking' ? phase.session : null;
  useEffect(() => {
    if (!session) return;
    if (phase.kind === 'taking' && phase.fresh) {
      save((p) => {
        p.examInProgress = structuredClone(session);
      });
    }
    go({ type: 'replace', route: { name: 'exam', resume: true } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.id]);

  if (phase.kind === 'taking') return <ExamTaking key={phase.session.id} initial={phase.session} />;

  const names = topicNames(course);
  const shown = topics.map((k) => {
    const i = course.topics.findIndex((tp) => tp.key === k);
    return i >= 0 ? names[i]! : k;
  });
  return (
    <Screen title={t('exam')} hints={[...s.keysIntro, t('keysBack')]}>
      <ExamIntro
        s={s}
        now={now()}
        stored={stored}
        note={phase.note}
        initial={settings}
        maxCount={maxCount}
        topics={clean(shown.length > 0 ? s.topics(shown.join(', ')) : s.topicsAll)}
        seed={route.seed}
        past={progress.exams ?? []}
        onStart={(o) => setPhase(begin(o))}
        onResume={() => stored && setPhase({ kind: 'taking', session: stored, fresh: false })}
        onOpen={(id) => go({ type: 'push', route: { name: 'exam', review: id } })}
      />
    </Screen>
  );
}
