// A guided lab in progress, as a reducer over plain data: the scenario was
// run once through the core (playLab), and the session only decides how much
// of that run the learner has seen, which prediction is open, and what they
// answered. Pure, so that keys arriving together apply in order and a test
// can walk a whole lab without a screen.
//
// Enter ("next") runs one command line of the scenario; settings and expect
// lines ride along with the line after them. When the next line is one a
// prediction is about, "next" stops before it and opens the prediction; the
// answer runs the line and shows the result ("reveal"). After the last line,
// "next" ends the lab ("done").

import type { CompiledLab } from '../content/validate.js';
import { parseScript } from '../scenario/parse.js';
import { gradePrediction, scoreLab, type LabScore, type PredictionAnswer, type PredictionResult } from './grade.js';
import { isQuiet, traceLines, type Trace } from './trace.js';

export interface LabPlay {
  lab: CompiledLab;
  trace: Trace;
  /** Trace step index → index of the prediction about that step. */
  predictionAt: Map<number, number>;
}

/** Runs the lab's scenario through the core once. Throws if it does not run (the validator rejects such labs). */
export function playLab(lab: CompiledLab, source: string): LabPlay {
  const trace = traceLines(parseScript(source));
  const predictionAt = new Map<number, number>();
  lab.predictions.forEach((p, i) => {
    const at = trace.steps.findIndex((s) => s.line === p.step);
    if (at < 0) throw new Error(`lab ${lab.id}: line ${p.step} is not a command of ${lab.scenario}`);
    predictionAt.set(at, i);
  });
  return { lab, trace, predictionAt };
}

export type Phase = 'intro' | 'run' | 'predict' | 'reveal' | 'done';

export interface LabSession {
  phase: Phase;
  /** How many steps of the trace have run. */
  shown: number;
  /** The prediction open (predict) or just answered (reveal). */
  current: number | null;
  results: PredictionResult[];
  /** Bumped on every answer and on every finish, so an effect can save exactly once per event. */
  answered: number;
  finished: number;
}

export type LabAction = { type: 'next' } | { type: 'answer'; answer: PredictionAnswer } | { type: 'restart' };

export function startSession(): LabSession {
  return { phase: 'intro', shown: 0, current: null, results: [], answered: 0, finished: 0 };
}

export function labReducer(play: LabPlay) {
  const steps = play.trace.steps;
  return (s: LabSession, a: LabAction): LabSession => {
    switch (a.type) {
      case 'next': {
        if (s.phase === 'predict' || s.phase === 'done') return s;
        let j = s.shown;
        while (j < steps.length && isQuiet(steps[j]!.kind) && !play.predictionAt.has(j)) j++;
        if (j >= steps.length) return { ...s, phase: 'done', shown: steps.length, current: null, finished: s.finished + 1 };
        const p = play.predictionAt.get(j);
        if (p !== undefined) return { ...s, phase: 'predict', shown: j, current: p };
        return { ...s, phase: 'run', shown: j + 1, current: null };
      }
      case 'answer': {
        if (s.phase !== 'predict' || s.current === null) return s;
        const result = gradePrediction(play.lab.predictions[s.current]!, s.current, a.answer);
        return { ...s, phase: 'reveal', shown: s.shown + 1, results: [...s.results, result], answered: s.answered + 1 };
      }
      case 'restart':
        return { ...startSession(), answered: s.answered, finished: s.finished };
    }
  };
}

export function sessionScore(play: LabPlay, s: LabSession): LabScore {
  return scoreLab(play.lab.predictions.length, s.results);
}

/** The trace step a prediction is about. */
export function stepOf(play: LabPlay, prediction: number): number {
  for (const [at, p] of play.predictionAt) if (p === prediction) return at;
  return -1;
}
