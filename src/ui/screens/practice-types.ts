// Types shared by the Practice screen and the question components.

import type { Lang } from '../../content/schema.js';
import type { Answer } from '../../engine/grade.js';
import type { PracticeStrings } from './practice-strings.js';

/** What a view needs to lay itself out. */
export interface ViewCtx {
  lang: Lang;
  /** Columns of the body. */
  width: number;
  s: PracticeStrings;
}

export type Notice = 'nothingTyped' | 'tickOne' | 'notANumber' | 'rateFirst';

/** A question component's answer to one keystroke. */
export interface KeyResult<S> {
  state: S;
  answer?: Answer;
  notice?: Notice;
}
