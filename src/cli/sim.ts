// Placeholder: the core engineer replaces this file with the real `sim` command.
import { UserError } from './user-error.js';

export async function runSim(argv: string[]): Promise<number> {
  void argv;
  throw new UserError('sim: not built yet', 2);
}
