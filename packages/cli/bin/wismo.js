#!/usr/bin/env node
// The `wismo` command. This launcher is committed so that the `bin` entry exists before a build (pnpm links
// bins at install time); the program is the built `dist/bin.js`.
import { existsSync } from 'node:fs';

const program = new URL('../dist/bin.js', import.meta.url);
if (existsSync(program)) {
  await import(program.href);
} else {
  console.error('wismo: @wismo/cli is not built yet (dist/bin.js is missing).');
  console.error('In the repository, run `pnpm build` first, or run the sources with `pnpm wismo <command>`.');
  process.exitCode = 3;
}
