import { runCli } from '../cli';
import type { CliContext } from '../context';

/** `wismo` run in-process in `directory`, with an empty environment unless given, and its output captured. */
export function wismoIn(directory: string) {
  return async (args: string[], overrides: Partial<CliContext> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: directory,
      ...overrides,
    });
    return { code, stdout, stderr };
  };
}
