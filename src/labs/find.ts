// Finding a lab by what a learner or a route gives: the course key
// ("tcp-core/handshake") or, from the command line, the bare id.

import type { Course, CourseLab } from '../engine/course.js';

export function findLab(course: Course, id: string): CourseLab | undefined {
  return course.labs.find((l) => l.key === id) ?? course.labs.find((l) => l.key.endsWith(`/${id}`));
}
