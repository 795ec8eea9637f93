/** Exit codes every command shares: 0 ok, 1 a check failed, 2 bad usage or bad input. */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command to end the process with a one-line message and a specific exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_BAD_INPUT) {
    super(message);
    this.name = 'CliError';
  }
}
