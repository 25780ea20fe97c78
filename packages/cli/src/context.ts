/** Where a command writes, reads its environment from, and whether it owns the process (signals, exit). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliContext {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Install SIGINT/SIGTERM handlers (the real `wismo` process); tests pass `false` and use `signal`. */
  handleSignals: boolean;
  /** Stops a long command as Ctrl-C would (tests, embedding). */
  signal?: AbortSignal;
}

export function defaultContext(overrides: Partial<CliContext> = {}): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    handleSignals: false,
    ...overrides,
  };
}

export function writeLine(stream: OutputStream, text = ''): void {
  stream.write(`${text}\n`);
}
