// Runs every test/bench/*.bench.ts (or those whose name contains an argument): `pnpm bench [filter...]`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const directory = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

console.log(`wismo benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n=== ${file}`);
  const module = (await import(pathToFileURL(`${directory}${file}`).href)) as { default: () => Promise<void> };
  await module.default();
}
