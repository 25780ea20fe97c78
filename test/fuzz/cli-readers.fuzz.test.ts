// Fuzzing the CLI's input readers: the CSV and JSONL readers of `wismo reconcile` and the config file
// parser. Every generated input must give rows or typed errors (a `CliError` with exit code 2), never a
// crash, never a lost row, and a config error never quotes a secret. `pnpm test` runs a few hundred inputs
// per reader; `pnpm fuzz` sets FUZZ_RUNS (10,000) and reads the counts printed at the end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/cli/src/config';
import { CliError } from '../../packages/cli/src/errors';
import { readInputRows, type InputFormat, type InputRow } from '../../packages/cli/src/reconcile/input';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const TIMEOUT_MS = Math.max(30_000, RUNS * 30);
const MAX_RECORD_BYTES = 256;
const directory = mkdtempSync(join(tmpdir(), 'wismo-fuzz-cli-'));
let fileCounter = 0;

interface Counts {
  inputs: number;
  rows: number;
  okRows: number;
  badInputRows: number;
  usageErrors: number;
  crashes: number;
}
const counts: Record<'csv' | 'jsonl' | 'config', Counts> = {
  csv: { inputs: 0, rows: 0, okRows: 0, badInputRows: 0, usageErrors: 0, crashes: 0 },
  jsonl: { inputs: 0, rows: 0, okRows: 0, badInputRows: 0, usageErrors: 0, crashes: 0 },
  config: { inputs: 0, rows: 0, okRows: 0, badInputRows: 0, usageErrors: 0, crashes: 0 },
};

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  const lines = Object.entries(counts).map(([reader, count]) =>
    reader === 'config'
      ? `  ${reader.padEnd(6)} inputs ${count.inputs}, loaded ${count.okRows}, usage errors ${count.usageErrors}, crashes ${count.crashes}`
      : `  ${reader.padEnd(6)} inputs ${count.inputs}, rows ${count.rows} (ok ${count.okRows}, bad_input ${count.badInputRows}), usage errors ${count.usageErrors}, crashes ${count.crashes}`,
  );
  process.stdout.write(`\ncli-readers fuzz (FUZZ_RUNS=${RUNS}):\n${lines.join('\n')}\n`);
});

function writeInput(text: string, extension: string): string {
  const path = join(directory, `input-${fileCounter++}.${extension}`);
  writeFileSync(path, text);
  return path;
}

type ReadOutcome = { rows: InputRow[]; usageError: null } | { rows: InputRow[]; usageError: CliError };

async function read(path: string, format: InputFormat, chunkBytes: number, count: Counts): Promise<ReadOutcome> {
  count.inputs += 1;
  const rows: InputRow[] = [];
  try {
    for await (const row of readInputRows(path, { format, maxRecordBytes: MAX_RECORD_BYTES, chunkBytes }).rows) rows.push(row);
  } catch (error) {
    if (CliError.isInstance(error) && error.exitCode === 2) {
      count.usageErrors += 1;
      return { rows, usageError: error };
    }
    count.crashes += 1;
    throw error;
  }
  count.rows += rows.length;
  for (const row of rows) {
    if (row.problem === null) count.okRows += 1;
    else count.badInputRows += 1;
  }
  return { rows, usageError: null };
}

/** Physical lines as the README defines them: CRLF, LF and CR each end one. */
function physicalLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function expectWellFormedRows(rows: readonly InputRow[]): void {
  rows.forEach((row, position) => {
    expect(row.index).toBe(position);
    if (position > 0) expect(row.line).toBeGreaterThan(rows[position - 1]!.line);
    if (row.problem === null) expect(row.trackingNumber).not.toBe('');
    else expect(row.problem.length).toBeGreaterThan(0);
  });
}

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const csvToken = fc.oneof(
  { arbitrary: fc.constantFrom(',', '"', '""', ' ', '\t', '\uFEFF', '=', 'é', '𝄞', '\u0000'), weight: 4 },
  { arbitrary: lineBreak, weight: 3 },
  { arbitrary: fc.constantFrom('ORD-1', '1Z999AA10123456784', 'ups', 'delivered', 'teleported'), weight: 4 },
  { arbitrary: fc.integer({ min: MAX_RECORD_BYTES - 10, max: MAX_RECORD_BYTES * 2 }).map((size) => 'x'.repeat(size)), weight: 1 },
  // Whole rows, so that the soup also holds readable ones between the broken ones.
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom('ORD-7,1Z999AA10123456784,ups', '"ORD, 8",9400100000000000000000,', 'A,"1Z ""9""",dhl'),
      )
      .map(([end, row]) => end + row),
    weight: 8,
  },
);
const csvFile = fc.record({
  header: fc.oneof(
    {
      arbitrary: fc.constantFrom(
        'order_id,tracking_number,carrier',
        'Order ID,Tracking Number,Carrier,Expected Status',
        '\uFEFForder_id,tracking_number',
      ),
      weight: 9,
    },
    { arbitrary: fc.array(csvToken, { maxLength: 6 }).map((tokens) => tokens.join('')), weight: 1 },
  ),
  headerEnd: lineBreak,
  body: fc.array(csvToken, { maxLength: 150 }).map((tokens) => tokens.join('')),
  chunkBytes: fc.integer({ min: 1, max: 512 }),
});

describe('fuzz: CSV reader', () => {
  it(
    'gives rows or a usage error about the header; quote-free files keep every non-blank line as a row; no row swallows more than the size limit',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvFile, async ({ header, headerEnd, body, chunkBytes }) => {
          const text = header + headerEnd + body;
          const outcome = await read(writeInput(text, 'csv'), 'csv', chunkBytes, counts.csv);
          if (outcome.usageError) {
            expect(outcome.usageError.message).toMatch(/header|tracking_number column|empty/);
            return;
          }
          const { rows } = outcome;
          expectWellFormedRows(rows);
          const lines = physicalLines(text);
          const headerLine = lines.findIndex((line) => line.trim() !== '') + 1;
          const isRowCandidate = (line: string) =>
            line.trim() !== '' && (Buffer.byteLength(line) > MAX_RECORD_BYTES || !line.split(',').every((cell) => cell.trim() === ''));
          if (!text.includes('"')) {
            // Without quotes every record is one line: the rows are exactly the non-blank data lines.
            const expected = lines.flatMap((line, position) => (position + 1 > headerLine && isRowCandidate(line) ? [position + 1] : []));
            expect(rows.map((row) => row.line)).toEqual(expected);
            return;
          }
          // With quotes: a data line that starts no row lies inside the quoted record of the row before it,
          // which was read (no problem), starts on a line with a quote, and is at most the size limit long.
          const rowAt = new Map(rows.map((row) => [row.line, row]));
          let current: InputRow | null = null;
          let spanBytes = 0;
          lines.forEach((line, position) => {
            const number = position + 1;
            if (number <= headerLine) return;
            const row = rowAt.get(number);
            if (row) {
              current = row;
              spanBytes = Buffer.byteLength(line);
              return;
            }
            spanBytes += Buffer.byteLength(line) + 1;
            // A line of quotes, delimiters and spaces only (`"",""`) can be a record of empty cells: not a row.
            if (!isRowCandidate(line) || /^[\s,"\uFEFF]*$/.test(line)) return;
            expect(current, `line ${number} belongs to no row`).not.toBeNull();
            expect(current!.problem).toBeNull();
            expect(lines[current!.line - 1]).toContain('"');
            expect(spanBytes).toBeLessThanOrEqual(MAX_RECORD_BYTES + 2 * (number - current!.line));
          });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

const jsonToken = fc.oneof(
  { arbitrary: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '\\', ' ', 'null', 'true', '\uFEFF', 'é'), weight: 4 },
  { arbitrary: lineBreak, weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '"tracking_number"',
      '"trackingNumber"',
      '"order_id"',
      '"carrier"',
      '"expected_status"',
      '"__proto__"',
      '"constructor"',
    ),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom('"1Z999AA10123456784"', '12345678901234567890', '222', '"ups"', '"delivered"', '""', '-1.5e400'),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(
      '\n{"order_id":"A","tracking_number":"1Z999AA10123456784"}',
      '\r\n{"orderId":7,"trackingNumber":"9400100000000000000000","carrier":"usps"}',
    ),
    weight: 8,
  },
  { arbitrary: fc.integer({ min: MAX_RECORD_BYTES - 10, max: MAX_RECORD_BYTES * 2 }).map((size) => `"${'x'.repeat(size)}"`), weight: 1 },
);

describe('fuzz: JSONL reader', () => {
  it(
    'gives exactly one row per non-blank line, and a row without a problem holds the line’s tracking number as written',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(jsonToken, { maxLength: 80 }), fc.integer({ min: 1, max: 512 }), async (tokens, chunkBytes) => {
          const text = tokens.join('');
          const outcome = await read(writeInput(text, 'jsonl'), 'jsonl', chunkBytes, counts.jsonl);
          expect(outcome.usageError).toBeNull();
          const { rows } = outcome;
          expectWellFormedRows(rows);
          const lines = physicalLines(text);
          const expected = lines.flatMap((line, position) => (line.trim() !== '' ? [position + 1] : []));
          expect(rows.map((row) => row.line)).toEqual(expected);
          for (const row of rows) {
            if (row.problem !== null) continue;
            const value = JSON.parse(lines[row.line - 1]!.trim()) as Record<string, unknown>;
            const written = Object.hasOwn(value, 'tracking_number') ? value.tracking_number : value.trackingNumber;
            expect(typeof written).toBe('string');
            expect(row.trackingNumber).toBe((written as string).trim());
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

const CANARY = 'Qz8vKp3mWx71Jf0LnT4r';
const validConfigs = [
  `{"carriers": {"dhl": {"apiKey": "${CANARY}", "service": "parcel-de"}}, "transport": {"timeoutMs": 5000}}`,
  `{\n  "carriers": {\n    "ups": { "clientId": "id-1", "clientSecret": "${CANARY}" },\n    "fedex": { "clientId": "id-2", "clientSecret": "${CANARY}", "baseUrl": "http://127.0.0.1:1" }\n  }\n}\n`,
  `\uFEFF{"$schema": "./schema.json", "carriers": {"usps": {"clientId": "u", "clientSecret": "${CANARY}"}}}`,
];
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate'),
  text: fc.constantFrom('"', "'", ',', ':', '{', '}', '[', ']', ' ', '\n', '\\', 'x', '/*', '0', 'null', '"__proto__":{}'),
});

function applyEdits(base: string, edits: ReadonlyArray<{ at: number; kind: string; text: string }>): string {
  let text = base;
  for (const { at, kind, text: inserted } of edits) {
    const position = text.length === 0 ? 0 : at % text.length;
    if (kind === 'delete') text = text.slice(0, position) + text.slice(position + 1);
    else if (kind === 'insert') text = text.slice(0, position) + inserted + text.slice(position);
    else text = text.slice(0, position) + text.slice(position, position + 8) + text.slice(position);
  }
  return text;
}

describe('fuzz: config file parser', () => {
  it(
    'gives a configuration or a usage error, and no message quotes any part of a secret',
    () => {
      const canaryPieces = Array.from({ length: CANARY.length - 5 }, (_, start) => CANARY.slice(start, start + 6));
      fc.assert(
        fc.property(fc.constantFrom(...validConfigs), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
          const path = writeInput(applyEdits(base, edits), 'json');
          counts.config.inputs += 1;
          try {
            const config = loadConfig({ configPath: path, env: {}, requireCarrier: false });
            counts.config.okRows += 1;
            expect(typeof config.carriers).toBe('object');
          } catch (error) {
            if (!CliError.isInstance(error) || error.exitCode !== 2) {
              counts.config.crashes += 1;
              throw error;
            }
            counts.config.usageErrors += 1;
            const said = `${error.message}\n${error.hint ?? ''}`;
            for (const piece of canaryPieces) expect(said).not.toContain(piece);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
