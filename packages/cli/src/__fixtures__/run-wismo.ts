import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_CARRIER_IDS, type RunningSandboxCarriers } from '@wismo/testkit';
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

/** Writes `wismo.config.json` in `directory` pointing every carrier at the running sandbox; returns its path. */
export function writeSandboxConfig(directory: string, sandbox: RunningSandboxCarriers): string {
  const configPath = join(directory, 'wismo.config.json');
  writeFileSync(
    configPath,
    JSON.stringify({ carriers: Object.fromEntries(SANDBOX_CARRIER_IDS.map((carrier) => [carrier, sandbox.adapterSettings(carrier)])) }),
  );
  return configPath;
}
