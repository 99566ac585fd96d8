/**
 * The subcommand table. To add a command, add one entry here.
 *
 * `run` receives the arguments after the command name, unparsed, and returns
 * the process exit code. Throw UserError for mistakes the user can fix; any
 * other exception is reported as a bug (exit 70).
 */
import { runSim } from './sim.js';

export interface Command {
  name: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

export const commands: readonly Command[] = [
  {
    name: 'sim',
    summary: 'run a scenario script and print it as a ladder diagram',
    run: (args) => runSim(args),
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
