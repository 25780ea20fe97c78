#!/usr/bin/env node
// Refreshes packages/core/data/tracking-number-data from a newer copy of jkeen/tracking_number_data.
//
//   node packages/core/scripts/refresh-tracking-number-data.mjs <tracking_number_data checkout>
//        [--commit <sha>] [--dry-run] [--target <data directory>]
//
// The new copy is checked with the detector's own compiler before anything is written: every regex must
// compile, every checksum must be one wismo implements (an unknown one would reject the whole format), every
// valid test number must validate and every invalid one must not. Then it prints what changed and copies
// couriers/*.json and glossary.json verbatim. Nothing is written when a check fails or with --dry-run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDirectory = path.dirname(fileURLToPath(import.meta.url));
const defaultTarget = path.resolve(scriptDirectory, '../data/tracking-number-data');
const dataModule = path.resolve(scriptDirectory, '../src/detection/tracking-number-data.ts');

function parseArguments(argv) {
  const options = { source: null, commit: null, dryRun: false, target: defaultTarget };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--dry-run') options.dryRun = true;
    else if (argument === '--commit') options.commit = argv[(index += 1)];
    else if (argument === '--target') options.target = path.resolve(argv[(index += 1)]);
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (!options.source) options.source = path.resolve(argument);
    else throw new Error(`unexpected argument ${argument}`);
  }
  return options;
}

function readCourierFiles(directory) {
  const couriersDirectory = path.join(directory, 'couriers');
  if (!existsSync(couriersDirectory)) throw new Error(`${couriersDirectory} does not exist`);
  const files = new Map();
  for (const name of readdirSync(couriersDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    files.set(name, readFileSync(path.join(couriersDirectory, name), 'utf8'));
  }
  return files;
}

function formatKey(format) {
  return format.id ?? format.name;
}

/** Structural checks the compiler does not make: required keys and test numbers. */
function checkShape(fileName, courier, errors) {
  if (typeof courier?.name !== 'string' || typeof courier?.courier_code !== 'string' || !Array.isArray(courier?.tracking_numbers)) {
    errors.push(`${fileName}: needs name, courier_code and tracking_numbers[]`);
    return false;
  }
  for (const format of courier.tracking_numbers) {
    const label = `${fileName} ${formatKey(format) ?? '(no name)'}`;
    if (typeof format.name !== 'string') errors.push(`${label}: format without a name`);
    if (typeof format.regex !== 'string' && !Array.isArray(format.regex))
      errors.push(`${label}: regex must be a string or an array of strings`);
    if (!Array.isArray(format.test_numbers?.valid) || format.test_numbers.valid.length === 0)
      errors.push(`${label}: no valid test numbers`);
  }
  return true;
}

async function validate(courierFiles) {
  const { tsImport } = await import('tsx/esm/api');
  const { compileFormats, matchFormat } = await tsImport('../src/detection/compile-formats.ts', import.meta.url);
  const { normaliseTrackingNumber } = await tsImport('../src/detection/normalise-tracking-number.ts', import.meta.url);
  const errors = [];
  const couriers = [];
  for (const [fileName, text] of courierFiles) {
    let courier;
    try {
      courier = JSON.parse(text);
    } catch (error) {
      errors.push(`${fileName}: invalid JSON (${error.message})`);
      continue;
    }
    if (checkShape(fileName, courier, errors)) couriers.push({ fileName, courier });
  }
  for (const { fileName, courier } of couriers) {
    for (const format of compileFormats([courier])) {
      const label = `${fileName} ${formatKey(format.definition)}`;
      for (const problem of format.problems) errors.push(`${label}: ${problem}`);
      if (format.problems.length > 0) continue;
      for (const number of format.definition.test_numbers?.valid ?? []) {
        if (!matchFormat(format, normaliseTrackingNumber(number)))
          errors.push(`${label}: valid test number ${JSON.stringify(number)} does not validate`);
      }
      for (const number of format.definition.test_numbers?.invalid ?? []) {
        if (matchFormat(format, normaliseTrackingNumber(number)))
          errors.push(`${label}: invalid test number ${JSON.stringify(number)} validates`);
      }
    }
  }
  return errors;
}

function describeFormatChanges(before, after) {
  const lines = [];
  const old = new Map(before.tracking_numbers.map((format) => [formatKey(format), format]));
  const current = new Map(after.tracking_numbers.map((format) => [formatKey(format), format]));
  for (const [key] of current) if (!old.has(key)) lines.push(`    + format ${key}`);
  for (const [key] of old) if (!current.has(key)) lines.push(`    - format ${key}`);
  for (const [key, format] of current) {
    const previous = old.get(key);
    if (!previous) continue;
    const changed = ['name', 'regex', 'validation', 'additional', 'tracking_url'].filter(
      (field) => JSON.stringify(previous[field]) !== JSON.stringify(format[field]),
    );
    const testNumbers = (kind) => {
      const was = new Set(previous.test_numbers?.[kind] ?? []);
      const now = new Set(format.test_numbers?.[kind] ?? []);
      const added = [...now].filter((number) => !was.has(number)).length;
      const removed = [...was].filter((number) => !now.has(number)).length;
      return added || removed ? `${kind} test numbers +${added} -${removed}` : null;
    };
    const details = [...changed.map((field) => `${field} changed`), testNumbers('valid'), testNumbers('invalid')].filter(Boolean);
    if (details.length > 0) lines.push(`    ~ format ${key}: ${details.join(', ')}`);
  }
  return lines;
}

function describeChanges(oldFiles, newFiles, oldGlossary, newGlossary) {
  const lines = [];
  for (const [name, text] of newFiles) {
    if (!oldFiles.has(name)) {
      lines.push(`  + couriers/${name} (add an import to packages/core/src/detection/tracking-number-data.ts)`);
    } else if (oldFiles.get(name) !== text) {
      lines.push(`  ~ couriers/${name}`);
      try {
        lines.push(...describeFormatChanges(JSON.parse(oldFiles.get(name)), JSON.parse(text)));
      } catch {
        lines.push('    (the current copy does not parse)');
      }
    }
  }
  for (const name of oldFiles.keys()) {
    if (!newFiles.has(name))
      lines.push(`  - couriers/${name} (remove its import from packages/core/src/detection/tracking-number-data.ts)`);
  }
  if (oldGlossary !== newGlossary) lines.push('  ~ glossary.json');
  return lines;
}

function upstreamCommit(source, explicit) {
  if (explicit) return explicit;
  try {
    return execFileSync('git', ['-C', source, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.help || !options.source) {
    console.error('usage: refresh-tracking-number-data.mjs <tracking_number_data checkout> [--commit <sha>] [--dry-run] [--target <dir>]');
    return options.help ? 0 : 2;
  }
  const newFiles = readCourierFiles(options.source);
  const glossaryPath = path.join(options.source, 'glossary.json');
  if (!existsSync(glossaryPath)) throw new Error(`${glossaryPath} does not exist`);
  const newGlossary = readFileSync(glossaryPath, 'utf8');

  const errors = await validate(newFiles);
  try {
    JSON.parse(newGlossary);
  } catch (error) {
    errors.push(`glossary.json: invalid JSON (${error.message})`);
  }
  if (errors.length > 0) {
    console.error(`The new data does not pass (${errors.length} problems); nothing was written:`);
    for (const error of errors) console.error(`  ${error}`);
    return 1;
  }

  const oldFiles = existsSync(path.join(options.target, 'couriers')) ? readCourierFiles(options.target) : new Map();
  const oldGlossaryPath = path.join(options.target, 'glossary.json');
  const oldGlossary = existsSync(oldGlossaryPath) ? readFileSync(oldGlossaryPath, 'utf8') : '';
  const changes = describeChanges(oldFiles, newFiles, oldGlossary, newGlossary);
  const formats = [...newFiles.values()].reduce((count, text) => count + JSON.parse(text).tracking_numbers.length, 0);
  console.warn(`Checked ${newFiles.size} couriers, ${formats} formats: every regex compiles and every test number passes.`);
  console.warn(changes.length > 0 ? `Changes:\n${changes.join('\n')}` : 'No changes.');
  if (options.dryRun) return 0;

  for (const [name, text] of newFiles) writeFileSync(path.join(options.target, 'couriers', name), text);
  for (const name of oldFiles.keys()) if (!newFiles.has(name)) rmSync(path.join(options.target, 'couriers', name));
  writeFileSync(oldGlossaryPath, newGlossary);

  const commit = upstreamCommit(options.source, options.commit);
  const readmePath = path.join(options.target, 'README.md');
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    const marker = /^Upstream commit: `[^`]*`.*$/m;
    const line = `Upstream commit: \`${commit ?? 'unknown'}\` (refreshed ${new Date().toISOString().slice(0, 10)}).`;
    writeFileSync(readmePath, marker.test(readme) ? readme.replace(marker, line) : `${readme.trimEnd()}\n\n${line}\n`);
  }
  console.warn(`Wrote ${options.target}${commit ? ` from upstream commit ${commit}` : ' (upstream commit unknown: pass --commit)'}.`);
  if (changes.some((change) => change.includes('tracking-number-data.ts'))) console.warn(`Update the imports in ${dataModule}.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
