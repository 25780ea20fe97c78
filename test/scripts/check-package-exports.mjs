// After `pnpm build`: every package's `exports` must point at files that exist, and publint and
// arethetypeswrong (attw, node16 + bundler resolution) must pass.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const packagesDirectory = new URL('../../packages/', import.meta.url).pathname;
let problems = 0;

function targets(entry) {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}

for (const name of readdirSync(packagesDirectory).sort()) {
  const directory = join(packagesDirectory, name);
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  for (const target of [...targets(manifest.exports), manifest.main, manifest.module, manifest.types].filter(Boolean)) {
    if (!existsSync(join(directory, target))) {
      console.error(`${manifest.name}: ${target} is exported but was not built`);
      problems += 1;
    }
  }
  // The built entry points must load, both ways, and expose the same names.
  const root = manifest.exports?.['.'];
  if (root?.import?.default && root?.require?.default) {
    try {
      const esm = await import(pathToFileURL(join(directory, root.import.default)).href);
      const cjs = createRequire(import.meta.url)(join(directory, root.require.default));
      const esmNames = Object.keys(esm)
        .filter((key) => key !== 'default')
        .sort()
        .join(',');
      const cjsNames = Object.keys(cjs).sort().join(',');
      if (esmNames !== cjsNames || esmNames === '') {
        console.error(`${manifest.name}: ESM and CJS builds export different names`);
        problems += 1;
      }
    } catch (error) {
      console.error(`${manifest.name}: built entry does not load: ${error.message}`);
      problems += 1;
    }
  }
  const { messages } = await publint({ pkgDir: directory, level: 'warning', strict: true });
  for (const message of messages) {
    console.error(`${manifest.name}: publint ${message.type}: ${formatMessage(message, manifest)}`);
    problems += 1;
  }
  // attw packs the package as npm would and resolves every export the way Node 16+ and bundlers do.
  try {
    execFileSync('pnpm', ['exec', 'attw', '--pack', directory, '--profile', 'node16', '--format', 'ascii'], { stdio: 'pipe' });
  } catch (error) {
    console.error(`${manifest.name}: attw found problems\n${error.stdout?.toString() ?? error.message}`);
    problems += 1;
  }
  console.log(`${manifest.name}: exports ${problems === 0 ? 'ok' : 'checked'}`);
}
if (problems > 0) {
  console.error(`${problems} packaging problem(s)`);
  process.exit(1);
}
