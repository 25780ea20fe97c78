/**
 * Exit codes of the `wismo` command, stable for scripts:
 * - 0: done;
 * - 1: the run finished but found what `--fail-on-mismatch` / `--fail-on-error` asks about, or `track` /
 *   `detect` could not answer for at least one number;
 * - 2: usage or configuration error (bad option, unreadable input, missing credentials): nothing was done;
 * - 3: the run failed while working (an output file could not be written, the sandbox would not start);
 * - 130: interrupted (Ctrl-C / SIGTERM); a reconciliation saved its checkpoint and continues when run again.
 */
export const EXIT_CODES = {
  ok: 0,
  findings: 1,
  usage: 2,
  failure: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * An error the CLI reports as one clear message (no stack trace) that says what to do, with the exit code
 * it maps to. `hint` is the "what to do" part, printed on its own line.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | null;

  constructor(message: string, options: { exitCode?: ExitCode; hint?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT_CODES.usage;
    this.hint = options.hint ?? null;
  }

  static isInstance(value: unknown): value is CliError {
    return (
      value instanceof CliError ||
      (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'CliError' && 'exitCode' in value)
    );
  }
}

/** A usage or configuration problem: exit code 2. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, { exitCode: EXIT_CODES.usage, hint: hint ?? null });
}

/** A failure while working: exit code 3. */
export function runtimeError(message: string, hint?: string, cause?: unknown): CliError {
  return new CliError(message, { exitCode: EXIT_CODES.failure, hint: hint ?? null, cause });
}

/** `ENOENT` and friends in words, for file errors. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? String((error as Error)?.message ?? error);
  }
}
