// Where the learner is: a stack of screens. A reducer, so that several keys
// arriving in one chunk are applied in order against the latest state.

export type Route =
  | { name: 'home' }
  | { name: 'learn'; topic?: string }
  | { name: 'lesson'; key: string }
  | { name: 'practice'; topic?: string }
  | { name: 'progress' }
  | { name: 'settings' }
  | { name: 'help' }
  | { name: 'labs' }
  | { name: 'lab'; id: string }
  | { name: 'sandbox' }
  | {
      name: 'exam';
      /** Start an exam at once (tcp-trainer exam), with these settings; topics are topic keys. */
      start?: boolean;
      count?: number;
      minutes?: number;
      topics?: string[];
      seed?: number;
      pass?: number;
      /** Go on with the unfinished exam. */
      resume?: boolean;
      /** Show a finished exam's report by id; with `item`, review its question number `item` (from 1). */
      review?: string;
      item?: number;
      /** The report's review list: which questions, and the one selected. */
      filter?: 'all' | 'wrong' | 'flagged';
      cursor?: number;
    }
  | {
      name: 'interview';
      /** Start a drill at once (tcp-trainer interview), with these settings. */
      start?: boolean;
      count?: number;
      minutes?: number;
      seed?: number;
      /** Resume the unfinished drill. */
      resume?: boolean;
      /** Show a finished drill from the history by id; with `item`, re-read the answers to its question number `item`. */
      review?: string;
      item?: number;
      /** The drill in `review` has just finished (its report says what went to the practice queue). */
      finished?: boolean;
    };

export type NavAction = { type: 'push'; route: Route } | { type: 'replace'; route: Route } | { type: 'back' } | { type: 'home' };

export function navigate(stack: readonly Route[], action: NavAction): Route[] {
  switch (action.type) {
    case 'push':
      return [...stack, action.route];
    case 'replace':
      return [...stack.slice(0, -1), action.route];
    case 'back':
      return stack.length > 1 ? stack.slice(0, -1) : [...stack];
    case 'home':
      return [stack[0]!];
  }
}
