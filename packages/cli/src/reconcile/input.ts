import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { SHIPMENT_STATUSES } from '@wismo/core';
import { usageError } from '../errors';

export type InputFormat = 'csv' | 'jsonl';

/** One data row of the input, numbered from 0 in file order (header and blank lines are not rows). */
export interface InputRow {
  index: number;
  orderId: string;
  trackingNumber: string;
  /** As written in the file (lower-cased); empty when not given. */
  carrier: string;
  expectedStatus: string;
  /** Set when the row cannot be tracked: it is reported as a `bad_input` row error, never dropped. */
  problem: string | null;
}

export interface RowSource {
  /** Rows in file order. Pulling is what reads the file: stop pulling and reading pauses. */
  rows: AsyncIterable<InputRow>;
  /** Bytes of the input read from disk so far (ahead of the rows handed out by up to a buffer). */
  bytesRead(): number;
  /**
   * Records and the bytes they took, as parsed so far (both counted at the same point, so their ratio
   * estimates the rows of the whole file even while the parser runs ahead of the consumer).
   */
  parsed(): { records: number; bytes: number };
}

/** Values `expected_status` may take: a wismo status, or `not_found`. */
export const EXPECTED_STATUS_VALUES: readonly string[] = [...SHIPMENT_STATUSES, 'not_found'];

export function formatFromPath(path: string): InputFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl';
  return null;
}

/** `Tracking Number`, `tracking-number`, `TrackingNumber` → `tracking_number`. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const COLUMN_ALIASES: Record<string, keyof Omit<InputRow, 'index' | 'problem'>> = {
  order_id: 'orderId',
  order: 'orderId',
  order_number: 'orderId',
  tracking_number: 'trackingNumber',
  tracking: 'trackingNumber',
  tracking_no: 'trackingNumber',
  carrier: 'carrier',
  expected_status: 'expectedStatus',
};

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return '';
}

/** Builds a row from named fields and checks what the tracker needs. */
export function rowFromFields(index: number, fields: Partial<Record<keyof Omit<InputRow, 'index' | 'problem'>, unknown>>): InputRow {
  const row: InputRow = {
    index,
    orderId: textOf(fields.orderId),
    trackingNumber: textOf(fields.trackingNumber),
    carrier: textOf(fields.carrier).toLowerCase(),
    expectedStatus: textOf(fields.expectedStatus).toLowerCase(),
    problem: null,
  };
  if (row.trackingNumber === '') row.problem = 'tracking_number is missing';
  else if (row.expectedStatus !== '' && !EXPECTED_STATUS_VALUES.includes(row.expectedStatus)) {
    row.problem = `expected_status "${row.expectedStatus}" is not a wismo status (use one of ${EXPECTED_STATUS_VALUES.join(', ')}, or leave it empty)`;
  }
  return row;
}

function problemRow(index: number, problem: string): InputRow {
  return { index, orderId: '', trackingNumber: '', carrier: '', expectedStatus: '', problem };
}

export interface ReadRowsOptions {
  format: InputFormat;
  /** Largest CSV record or JSONL line accepted, so that a broken quote cannot swallow memory. Default 1 MiB. */
  maxRecordBytes?: number;
  /** Column delimiter for CSV (default: `,`, or a tab for `.tsv`). */
  delimiter?: string;
}

/**
 * Streams the rows of a CSV or JSONL file. Malformed records (an unclosed quote, a line that is not JSON,
 * a missing tracking number) come out as rows with a `problem`, in their place, so no row vanishes; a file
 * without a `tracking_number` column is a usage error (nothing could be tracked).
 */
export function readInputRows(path: string, options: ReadRowsOptions): RowSource {
  return options.format === 'csv' ? readCsvRows(path, options) : readJsonlRows(path, options);
}

/** A cell trimmed; a quoted value with spaces around the quotes (`, "B" ,`) is unwrapped as a spreadsheet would. */
export function csvCellValue(cell: string | undefined): string {
  if (cell === undefined) return '';
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"').trim() : trimmed;
}

interface SkipMarker {
  skipped: true;
  message: string;
}

function isSkipMarker(value: unknown): value is SkipMarker {
  return typeof value === 'object' && value !== null && (value as SkipMarker).skipped === true;
}

function readCsvRows(path: string, options: ReadRowsOptions): RowSource {
  const stream = createReadStream(path);
  const delimiter = options.delimiter ?? (path.toLowerCase().endsWith('.tsv') ? '\t' : ',');
  // `on_skip` refers to the parser it is an option of: it only runs once parsing has started.
  const parser: ReturnType<typeof parse> = parse({
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    // Lenient quoting: a stray quote inside a field is kept as text instead of derailing the rest of the
    // file (csv-parse cannot find the next record after a quoting error). No `trim`: with it, a space
    // after a closing quote is an error; cells are trimmed (and ` "x" ` unwrapped) below instead.
    relax_quotes: true,
    max_record_size: options.maxRecordBytes ?? 1024 * 1024,
    skip_records_with_error: true,
    // A skipped record becomes a marker pushed into the same stream, so it keeps its place among the rows.
    on_skip: (error: CsvError | undefined) => {
      parser.push({ skipped: true, message: error?.message ?? 'unreadable CSV record' } satisfies SkipMarker);
      return undefined;
    },
  });
  stream.on('error', (error) => parser.destroy(error));
  stream.pipe(parser);

  async function* rows(): AsyncGenerator<InputRow> {
    let columns: Array<keyof Omit<InputRow, 'index' | 'problem'> | null> | null = null;
    let index = 0;
    try {
      for await (const record of parser as AsyncIterable<string[] | SkipMarker>) {
        if (isSkipMarker(record)) {
          if (columns === null) throw usageError(`Cannot read the header of ${path}: ${record.message}.`, 'The first line must name the columns: order_id,tracking_number[,carrier][,expected_status].');
          yield problemRow(index++, `unreadable CSV record: ${record.message}`);
          continue;
        }
        if (columns === null) {
          const names = record.map((name) => normaliseColumnName(csvCellValue(name)));
          columns = names.map((name) => COLUMN_ALIASES[name] ?? null);
          if (!columns.includes('trackingNumber')) {
            throw usageError(
              `${path} has no tracking_number column (columns found: ${record.map((name) => name.trim()).join(', ') || 'none'}).`,
              'The first line must name the columns: order_id,tracking_number[,carrier][,expected_status].',
            );
          }
          continue;
        }
        // Lines of empty cells only (",,," from spreadsheets) are not rows.
        if (record.every((cell) => cell.trim() === '')) continue;
        const fields: Partial<Record<keyof Omit<InputRow, 'index' | 'problem'>, string>> = {};
        columns.forEach((column, position) => {
          if (column && fields[column] === undefined) fields[column] = csvCellValue(record[position]);
        });
        yield rowFromFields(index++, fields);
      }
      if (columns === null) throw usageError(`${path} is empty: no header line.`, 'The first line must name the columns: order_id,tracking_number[,carrier][,expected_status].');
    } finally {
      stream.destroy();
      parser.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => stream.bytesRead, parsed: () => ({ records: parser.info.records, bytes: parser.info.bytes }) };
}

const JSON_KEYS: Record<string, keyof Omit<InputRow, 'index' | 'problem'>> = {
  order_id: 'orderId',
  orderId: 'orderId',
  tracking_number: 'trackingNumber',
  trackingNumber: 'trackingNumber',
  carrier: 'carrier',
  expected_status: 'expectedStatus',
  expectedStatus: 'expectedStatus',
};

/** Parses one JSONL line into a row (or a row with a problem). Exported for tests. */
export function rowFromJsonLine(index: number, line: string, maxBytes = 1024 * 1024): InputRow {
  if (line.length > maxBytes) return problemRow(index, `line longer than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return problemRow(index, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problemRow(index, 'not a JSON object with order_id and tracking_number');
  const fields: Partial<Record<keyof Omit<InputRow, 'index' | 'problem'>, unknown>> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const name = JSON_KEYS[key];
    if (name && fields[name] === undefined) fields[name] = field;
  }
  return rowFromFields(index, fields);
}

function readJsonlRows(path: string, options: ReadRowsOptions): RowSource {
  const stream = createReadStream(path);
  const maxBytes = options.maxRecordBytes ?? 1024 * 1024;
  const counted = { records: 0, bytes: 0 };
  async function* lines(): AsyncGenerator<string | null> {
    // null stands for a line longer than `maxBytes`.
    // Pulls chunks only as lines are consumed: the stream pauses while the consumer does (backpressure).
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let oversized = false;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, newline);
        counted.records += 1;
        counted.bytes += pendingBytes + piece.length + 1;
        start = newline + 1;
        if (oversized || pendingBytes + piece.length > maxBytes) yield null;
        else yield (pending.length > 0 ? Buffer.concat([...pending, piece]) : piece).toString('utf8');
        pending = [];
        pendingBytes = 0;
        oversized = false;
      }
      const rest = chunk.subarray(start);
      if (rest.length > 0 && !oversized) {
        if (pendingBytes + rest.length > maxBytes) {
          // Keep counting the line but stop holding it: a line without newlines cannot fill the memory.
          oversized = true;
          pending = [];
          pendingBytes = 0;
        } else {
          pending.push(Buffer.from(rest));
          pendingBytes += rest.length;
        }
      }
    }
    if (oversized) yield null;
    else if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
  }
  async function* rows(): AsyncGenerator<InputRow> {
    let index = 0;
    let first = true;
    try {
      for await (const rawLine of lines()) {
        if (rawLine === null) {
          first = false;
          yield problemRow(index++, `line longer than ${maxBytes} bytes`);
          continue;
        }
        const line = (first ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
        first = false;
        if (line === '') continue;
        yield rowFromJsonLine(index++, line, maxBytes);
      }
    } finally {
      stream.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => stream.bytesRead, parsed: () => ({ ...counted }) };
}
