/**
 * An error caused by the user (bad arguments, missing file, invalid input).
 * main.ts prints its message as one line, without a stack trace, and exits
 * with `exitCode`. Anything else that escapes a command is treated as a bug.
 */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
