import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'wismo-readme-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The `pnpm wismo …` lines of the first shell block of a README section, comments removed. */
function commandsOf(readme: string, heading: string): string[][] {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('pnpm wismo '))
    .map((line) => line.slice('pnpm wismo '.length).split(/\s+/));
}

describe('README: "The store"', () => {
  it('runs its commands as written, in order, in a fresh directory (no credentials, embedded SQLite)', async () => {
    const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
    const commands = commandsOf(readme, '## The store');
    expect(commands.map((args) => args[0])).toEqual(['import', 'watch', 'worker', 'status', 'reconcile']);
    mkdirSync(join(directory, 'examples'));
    copyFileSync(join(repositoryRoot, 'examples/orders.csv'), join(directory, 'examples/orders.csv'));
    const outputs: string[] = [];
    for (const args of commands) {
      let stdout = '';
      let stderr = '';
      // The only path outside the directory is the reconcile output under /tmp: kept inside it here.
      const code = await runCli(
        args.map((arg) => arg.replace(/^\/tmp\//, `${directory}/`)),
        {
          stdout: { write: (text: string) => (stdout += text) },
          stderr: { write: (text: string) => (stderr += text) },
          env: {},
          cwd: directory,
        },
      );
      expect({ command: args.join(' '), code, stderr: code === 0 ? '' : stderr }).toEqual({ command: args.join(' '), code: 0, stderr: '' });
      outputs.push(stdout);
    }
    expect(outputs[0]).toMatch(/Imported 44 rows: 44 now watched/);
    expect(outputs[2]).toMatch(/checked 4\d/);
    expect(outputs[3]).toMatch(/^Trackings\s+45 /m);
    expect(outputs[4]).toMatch(/Store: 44 result\(s\) recorded in sqlite:.*\.wismo\/wismo\.db/);
  }, 60_000);
});
