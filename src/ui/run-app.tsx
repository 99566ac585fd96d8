// Starts the interactive trainer: the course, the progress store (asking
// before a session that cannot save), then Ink. Imported lazily by main.ts,
// after FORCE_COLOR is settled.

import { createInterface } from 'node:readline';
import type { ReadStream } from 'node:tty';
import { render } from 'ink';
import { loadCatalog } from '../content/catalog.js';
import type { Lang } from '../content/schema.js';
import { buildCourse } from '../engine/course.js';
import { ProgressStore } from '../store/progress-store.js';
import { App } from './App.js';
import { ServicesProvider } from './services.js';
import { translator } from './i18n.js';
import type { Route } from './navigation.js';

async function ask(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<boolean> {
  const rl = createInterface({ input, output });
  const answer = await new Promise<string>((resolve) => {
    rl.question(`${question} `, resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** Errors of a terminal that has gone away (its window closed, its ssh connection dropped). */
const GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF']);

/**
 * The terminal hung up: nothing can be drawn any more, and every answer is already saved. The
 * process ends as the hangup would end it. Left to Ink, the last frame's write failed with an
 * unhandled EIO, and Node, restoring the dead terminal's mode on the way out, aborted (exit 134).
 */
function hangUp(): void {
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
  // Still here: SIGHUP is ignored (nohup).
  process.exit(129);
}

function onTerminalError(e: NodeJS.ErrnoException): void {
  if (GONE.has(e.code ?? '')) hangUp();
  else throw e;
}

export interface RunOptions {
  lang: Lang;
  packs: string[];
  screenReader: boolean;
  stdin: ReadStream | NodeJS.ReadStream;
  /** The terminal to draw on (stdout, or /dev/tty when stdout is redirected). */
  stdout: NodeJS.WriteStream;
  /** Screens to open on (`tcp-trainer lab ID` opens Home › Labs › the lab); default Home. */
  initial?: Route[];
}

/** Returns the exit code. Throws PackError for a bad --pack (main.ts prints it). */
export async function runApp(o: RunOptions): Promise<number> {
  const course = buildCourse(await loadCatalog(o.packs));
  const t = translator(o.lang);
  const { store, notices, unsaved } = ProgressStore.open();
  for (const n of notices) o.stdout.write(`tcp-trainer: ${n}\n`);
  if (unsaved && !(await ask(t('unsavedAsk', { message: unsaved.message }), o.stdin, o.stdout))) return 1;

  process.on('SIGHUP', hangUp);
  o.stdout.on('error', onTerminalError);
  o.stdin.on('error', onTerminalError);
  // Ink switches the terminal to raw mode only in an effect after the first frame; a key typed
  // as that frame appears reached a cooked terminal, where Enter arrives as "\n" and was lost
  // (6 times in 8 at once, measured). Raw from here, the terminal keeps such keys for Ink.
  if ('setRawMode' in o.stdin && o.stdin.isTTY) o.stdin.setRawMode(true);
  const app = render(
    <ServicesProvider course={course} lang={o.lang} store={store} notice={notices[0] ?? null}>
      <App initial={o.initial} />
    </ServicesProvider>,
    { exitOnCtrlC: false, stdin: o.stdin as NodeJS.ReadStream, stdout: o.stdout, isScreenReaderEnabled: o.screenReader, maxFps: 60 },
  );
  await app.waitUntilExit();
  return 0;
}
