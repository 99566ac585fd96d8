// The course of a session: every loaded pack merged, each item keyed by
// "packId/id" so that progress from different packs never collides.

import type { LoadedPack } from '../content/catalog.js';
import type { Lang, Lesson, ScenarioFile } from '../content/schema.js';
import type { CompiledLab } from '../content/validate.js';
import type { CourseQuestion } from './queue.js';
import { byCodeUnit } from '../text/compare.js';

export interface CourseTopic {
  key: string;
  id: string;
  pack: string;
  title: Record<Lang, string>;
}

export interface CourseLesson {
  key: string;
  topicKey: string;
  lesson: Lesson;
  /** Figures of the lesson's pack, by name. */
  figures: Record<string, string>;
}

export interface Course {
  topics: CourseTopic[];
  lessons: CourseLesson[];
  /** Each question with `topic` rewritten to its topic key. */
  questions: CourseQuestion[];
  scenarios: Map<string, ScenarioFile>;
  /** Guided labs, keyed "packId/labId", with `topic` rewritten to its topic key; in topic order. */
  labs: CourseLab[];
}

export interface CourseLab {
  key: string;
  pack: string;
  lab: CompiledLab;
  scenario: ScenarioFile;
}

export function buildCourse(packs: readonly LoadedPack[]): Course {
  const course: Course = { topics: [], lessons: [], questions: [], scenarios: new Map(), labs: [] };
  for (const { pack } of packs) {
    const id = pack.manifest.id;
    const topicKey = (t: string): string => `${id}/${t}`;
    for (const t of pack.manifest.topics) course.topics.push({ key: topicKey(t.id), id: t.id, pack: id, title: t.title });
    for (const l of [...pack.lessons].sort((a, b) => a.order - b.order)) {
      course.lessons.push({ key: `${id}/${l.id}`, topicKey: topicKey(l.topic), lesson: l, figures: pack.figures });
    }
    for (const q of pack.questions) course.questions.push({ key: `${id}/${q.id}`, question: { ...q, topic: topicKey(q.topic) } });
    for (const s of pack.scenarios) course.scenarios.set(`${id}/${s.name}`, s);
    // A pack compiled before labs existed has none.
    for (const lab of pack.labs ?? []) {
      const scenario = course.scenarios.get(`${id}/${lab.scenario}`);
      if (scenario) course.labs.push({ key: `${id}/${lab.id}`, pack: id, lab: { ...lab, topic: topicKey(lab.topic) }, scenario });
    }
  }
  // Lessons follow the pack's topic order, and so do new practice cards (a stable sort keeps each file's order).
  const order = new Map(course.topics.map((t, i) => [t.key, i]));
  course.lessons.sort((a, b) => (order.get(a.topicKey) ?? 0) - (order.get(b.topicKey) ?? 0) || a.lesson.order - b.lesson.order);
  course.questions.sort((a, b) => (order.get(a.question.topic) ?? 0) - (order.get(b.question.topic) ?? 0));
  // Labs too, and within a topic in the order of their (numbered) scenarios.
  course.labs.sort((a, b) => (order.get(a.lab.topic) ?? 0) - (order.get(b.lab.topic) ?? 0) || byCodeUnit(a.lab.scenario, b.lab.scenario));
  return course;
}

/** The scenario a predict question runs, looked up in the question's own pack. */
export function scenarioFor(course: Course, q: CourseQuestion): ScenarioFile | undefined {
  if (q.question.kind !== 'predict') return undefined;
  const pack = q.key.slice(0, q.key.indexOf('/'));
  return course.scenarios.get(`${pack}/${q.question.scenario}`);
}
