// The screens reached from Home, by route name. Each takes its route.

import type { FC } from 'react';
import type { Route } from '../navigation.js';
import { Exam } from './Exam.js';
import { Help } from './Help.js';
import { Interview } from './Interview.js';
import { Lab } from './Lab.js';
import { Labs } from './Labs.js';
import { Sandbox } from './Sandbox.js';
import { LessonList } from './LessonList.js';
import { LessonReader } from './LessonReader.js';
import { Practice } from './Practice.js';
import { ProgressScreen } from './ProgressScreen.js';
import { Settings } from './Settings.js';

type Named<N extends Route['name']> = Extract<Route, { name: N }>;

export const screens: { [N in Exclude<Route['name'], 'home'>]: FC<{ route: Named<N> }> } = {
  learn: LessonList,
  lesson: LessonReader,
  practice: Practice,
  progress: ProgressScreen,
  settings: Settings,
  help: Help,
  labs: Labs,
  lab: Lab,
  sandbox: Sandbox,
  exam: Exam,
  interview: Interview,
};
