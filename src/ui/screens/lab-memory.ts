// Which lab (or the sandbox) the learner opened last in this session, so that
// the list comes back with its cursor there (screens are mounted afresh).

import type { Course } from '../../engine/course.js';

const last = new WeakMap<Course, string>();

export function rememberLab(course: Course, key: string): void {
  last.set(course, key);
}

export function lastLab(course: Course): string | undefined {
  return last.get(course);
}
