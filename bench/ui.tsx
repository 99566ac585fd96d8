// A keypress to the next frame in the Practice screen, in-process, with
// production React: fake terminal streams, a real App, the real course.

import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import builtin from 'virtual:builtin-pack';
import { App } from '../src/ui/App.js';
import { ServicesProvider } from '../src/ui/services.js';
import { buildCourse } from '../src/engine/course.js';
import { ProgressStore } from '../src/store/progress-store.js';

class Stdout extends EventEmitter {
  columns = 100;
  rows = 30;
  isTTY = true;
  onWrite: (() => void) | null = null;
  write = (): boolean => {
    this.onWrite?.();
    return true;
  };
}

class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds from each ↓/↑ to the frame it causes, on a single-choice card. */
export async function keypressLatencies(presses: number): Promise<number[]> {
  const course = buildCourse([{ pack: builtin, dir: null }]);
  const single = course.questions.find((q) => q.question.kind === 'single' && q.question.en.options.length >= 3)!;
  course.questions = [single];
  const { store } = ProgressStore.open({ dir: mkdtempSync(join(tmpdir(), 'tcp-trainer-bench-')) });
  const stdout = new Stdout();
  const stdin = new Stdin();
  let frames = 0;
  stdout.onWrite = () => frames++;
  const app = render(
    <ServicesProvider course={course} lang="en" store={store} now={() => Date.UTC(2026, 10, 21)}>
      <App initial={[{ name: 'home' }, { name: 'practice' }]} />
    </ServicesProvider>,
    { stdout: stdout as never, stdin: stdin as never, stderr: new Stdout() as never, exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
  );
  await sleep(200);
  const out: number[] = [];
  for (let i = 0; i < presses; i++) {
    await sleep(40); // past Ink's frame throttle, as a person types
    const before = frames;
    const t0 = performance.now();
    stdin.write(i % 2 === 0 ? '\u001B[B' : '\u001B[A');
    while (frames === before) await new Promise((r) => setImmediate(r));
    out.push(performance.now() - t0);
  }
  app.unmount();
  return out;
}
