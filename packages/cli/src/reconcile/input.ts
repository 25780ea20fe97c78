import { createReadStream } from 'node:fs';
import { parse as parseCsvRecord } from 'csv-parse/sync';
import { SHIPMENT_STATUSES } from '@wismo/core';
import { usageError } from '../errors';

export type InputFormat = 'csv' | 'jsonl';

/**
 * One data row of the input, numbered from 0 in file order (header and blank lines are not rows). What counts
 * as one row is defined in the package README ("What is a row"): a physical line, or a well-formed quoted
 * record spanning several lines.
 */
export interface InputRow {
  index: number;
  /** The 1-based physical line of the file where the row starts (CRLF, LF and CR each end a line). */
  line: number;
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

/** The columns wismo reads from a row. */
type RowField = 'orderId' | 'trackingNumber' | 'carrier' | 'expectedStatus';

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

const COLUMN_ALIASES: Record<string, RowField> = {
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
export function rowFromFields(index: number, line: number, fields: Partial<Record<RowField, unknown>>): InputRow {
  const row: InputRow = {
    index,
    line,
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

function problemRow(index: number, line: number, problem: string): InputRow {
  return { index, line, orderId: '', trackingNumber: '', carrier: '', expectedStatus: '', problem };
}

export interface ReadRowsOptions {
  format: InputFormat;
  /** Largest CSV record or JSONL line accepted, so that a broken quote cannot swallow memory. Default 1 MiB. */
  maxRecordBytes?: number;
  /** Column delimiter for CSV (default: `,`, or a tab for `.tsv`). */
  delimiter?: string;
  /** Bytes read from the file at a time (default 64 KiB). */
  chunkBytes?: number;
}

/**
 * Streams the rows of a CSV or JSONL file (CRLF, LF and CR line breaks in any mix). Each malformed record (an
 * unclosed quote, a wrong cell count, a line over `maxRecordBytes`, a line that is not JSON, a missing
 * tracking number) comes out as one row with a `problem` and its line number, in its place, and reading
 * resumes at the next line: no row vanishes or merges with another (README, "What is a row"). A file without
 * a `tracking_number` column is a usage error (nothing could be tracked).
 */
export function readInputRows(path: string, options: ReadRowsOptions): RowSource {
  return options.format === 'csv' ? readCsvRows(path, options) : readJsonlRows(path, options);
}

/** A cell trimmed; a quoted value with spaces around the quotes (`, "B" ,`) is unwrapped as a spreadsheet would. */
export function csvCellValue(cell: string | undefined): string {
  if (cell === undefined) return '';
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/""/g, '"').trim()
    : trimmed;
}

const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** One physical line: CRLF, LF and CR each end one, in any mix. */
interface PhysicalLine {
  /** 1-based. */
  number: number;
  /** Without its line break; null when the line is longer than the limit (its bytes were counted, not kept). */
  text: string | null;
  /** The line break that ended it (`''` at the end of the file). */
  terminator: '\r\n' | '\n' | '\r' | '';
  /** Bytes of the line, line break included. */
  bytes: number;
}

interface LineCounts {
  lines: number;
  bytes: number;
}

/**
 * Splits a byte stream into physical lines, holding at most `maxBytes` of one line: a longer line is handed
 * out as `text: null` and its bytes are only counted. Pulling is what reads the stream (backpressure).
 */
async function* physicalLines(chunks: AsyncIterable<Buffer>, maxBytes: number, counts: LineCounts): AsyncGenerator<PhysicalLine> {
  let pieces: Buffer[] = [];
  let lineBytes = 0;
  let oversized = false;
  let number = 1;
  // A chunk that ends in CR: the next chunk tells whether it was CRLF.
  let carriageReturnPending = false;

  function append(piece: Buffer): void {
    lineBytes += piece.length;
    if (oversized || piece.length === 0) return;
    if (lineBytes > maxBytes) {
      oversized = true;
      pieces = [];
    } else pieces.push(piece);
  }
  function finish(terminator: PhysicalLine['terminator']): PhysicalLine {
    const text = oversized ? null : pieces.length === 1 ? pieces[0]!.toString('utf8') : Buffer.concat(pieces).toString('utf8');
    const line: PhysicalLine = {
      number,
      text: number === 1 && text !== null ? text.replace(/^\uFEFF/, '') : text,
      terminator,
      bytes: lineBytes + terminator.length,
    };
    counts.lines += 1;
    counts.bytes += line.bytes;
    number += 1;
    pieces = [];
    lineBytes = 0;
    oversized = false;
    return line;
  }

  for await (const chunk of chunks) {
    let position = 0;
    if (carriageReturnPending) {
      carriageReturnPending = false;
      const crlf = chunk.length > 0 && chunk[0] === LF;
      yield finish(crlf ? '\r\n' : '\r');
      if (crlf) position = 1;
    }
    let segmentStart = position;
    while (position < chunk.length) {
      const byte = chunk[position]!;
      if (byte !== LF && byte !== CR) {
        position += 1;
        continue;
      }
      append(chunk.subarray(segmentStart, position));
      if (byte === LF) {
        position += 1;
        yield finish('\n');
      } else if (position + 1 === chunk.length) {
        position += 1;
        carriageReturnPending = true;
      } else if (chunk[position + 1] === LF) {
        position += 2;
        yield finish('\r\n');
      } else {
        position += 1;
        yield finish('\r');
      }
      segmentStart = position;
    }
    append(chunk.subarray(segmentStart));
  }
  if (carriageReturnPending) yield finish('\r');
  else if (lineBytes > 0) yield finish('');
}

/** Quote state while scanning a record: RFC 4180 quoting, with a quote inside an unquoted cell kept as text. */
interface QuoteState {
  inQuotes: boolean;
  atCellStart: boolean;
  /** A closing quote followed by something else than the delimiter or the end of the line. */
  malformed: boolean;
}

function scanQuotes(text: string, delimiter: number, state: QuoteState): QuoteState {
  let { inQuotes, atCellStart, malformed } = state;
  for (let position = 0; position < text.length; position += 1) {
    const code = text.charCodeAt(position);
    if (inQuotes) {
      if (code !== QUOTE) continue;
      if (text.charCodeAt(position + 1) === QUOTE) {
        position += 1;
        continue;
      }
      inQuotes = false;
      atCellStart = false;
      const after = position + 1 < text.length ? text.charCodeAt(position + 1) : -1;
      if (after !== -1 && after !== delimiter) malformed = true;
    } else if (code === delimiter) atCellStart = true;
    else if (code === QUOTE && atCellStart) {
      inQuotes = true;
      atCellStart = false;
    } else atCellStart = false;
  }
  return { inQuotes, atCellStart, malformed };
}

/** A record of the file: its cells, or why it could not be read (one problem per record, never more). */
type CsvRecord = { line: number; cells: string[]; problem: null } | { line: number; cells: null; problem: string };

const FIELD_NAMES: Record<RowField, string> = {
  orderId: 'order_id',
  trackingNumber: 'tracking_number',
  carrier: 'carrier',
  expectedStatus: 'expected_status',
};

interface RecordOptions {
  delimiter: string;
  maxRecordBytes: number;
  /** Cells that must not hold a line break (the columns wismo reads); known once the header is read. */
  singleLineCells: () => ReadonlyArray<{ position: number; name: string }>;
}

function cellsOf(text: string, options: RecordOptions): string[] | string {
  if (!text.includes('"')) return text.split(options.delimiter);
  try {
    const records = parseCsvRecord(text, {
      delimiter: options.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      bom: false,
    }) as string[][];
    return records.length === 1 ? records[0]! : 'the quoting does not make one record';
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Groups physical lines into records. A record is one line, unless a quoted cell is still open at its end:
 * then the following lines belong to it up to the closing quote, provided that the quote closes within
 * `maxRecordBytes`, cleanly (followed by the delimiter or the line end), and leaves no line break in a column
 * wismo reads. Otherwise the opening line alone is one bad record and reading resumes at the next line: a
 * broken quote costs one row, never the rest of the file.
 */
async function* csvRecords(lines: AsyncIterator<PhysicalLine>, options: RecordOptions): AsyncGenerator<CsvRecord> {
  const delimiter = options.delimiter.charCodeAt(0);
  // Lines read ahead while looking for a closing quote that did not make a record: read again from here.
  const replay: PhysicalLine[] = [];
  async function next(): Promise<PhysicalLine | null> {
    if (replay.length > 0) return replay.shift()!;
    const result = await lines.next();
    return result.done ? null : result.value;
  }

  for (let line = await next(); line !== null; line = await next()) {
    if (line.text === null) {
      yield { line: line.number, cells: null, problem: `line ${line.number} is longer than ${options.maxRecordBytes} bytes` };
      continue;
    }
    if (line.text.trim() === '') continue;
    let state: QuoteState = { inQuotes: false, atCellStart: true, malformed: false };
    if (line.text.includes('"')) state = scanQuotes(line.text, delimiter, state);
    if (!state.inQuotes) {
      const cells = cellsOf(line.text, options);
      yield typeof cells === 'string'
        ? { line: line.number, cells: null, problem: `line ${line.number}: ${cells}` }
        : { line: line.number, cells, problem: null };
      continue;
    }

    // A quoted cell runs past the end of the line: collect lines until it closes.
    const following: PhysicalLine[] = [];
    let bytes = line.bytes;
    let failure: string | null = null;
    let text = line.text + line.terminator;
    for (;;) {
      const continuation = await next();
      if (continuation === null) {
        failure = 'the quote opened on this line is never closed';
        break;
      }
      following.push(continuation);
      bytes += continuation.bytes;
      if (continuation.text === null || bytes > options.maxRecordBytes) {
        failure = `the quote opened on this line is not closed within ${options.maxRecordBytes} bytes`;
        break;
      }
      state = scanQuotes(continuation.text, delimiter, state);
      if (state.inQuotes) {
        text += continuation.text + continuation.terminator;
        continue;
      }
      text += continuation.text;
      const closedOn = `closing it on line ${continuation.number}`;
      if (state.malformed) {
        failure = `the quote opened on this line is not closed on it, and ${closedOn} does not make a well-formed record`;
        break;
      }
      const cells = cellsOf(text, options);
      if (typeof cells === 'string') {
        failure = `the quote opened on this line is not closed on it, and ${closedOn} does not make a well-formed record (${cells})`;
        break;
      }
      const broken = options.singleLineCells().find(({ position }) => /[\r\n]/.test(cells[position] ?? ''));
      if (broken) {
        failure = `the quote opened on this line is not closed on it (${closedOn} would put a line break in ${broken.name})`;
        break;
      }
      yield { line: line.number, cells, problem: null };
      break;
    }
    if (failure !== null) {
      yield { line: line.number, cells: null, problem: `line ${line.number}: ${failure}` };
      // The lines read ahead are records of their own: read them again (the replay is at most a record long).
      replay.unshift(...following);
    }
  }
}

function readCsvRows(path: string, options: ReadRowsOptions): RowSource {
  const stream = createReadStream(path, options.chunkBytes ? { highWaterMark: options.chunkBytes } : {});
  const delimiter = options.delimiter ?? (path.toLowerCase().endsWith('.tsv') ? '\t' : ',');
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n')
    throw usageError(`The CSV delimiter must be one character other than a quote or a line break, not ${JSON.stringify(delimiter)}.`);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const counts: LineCounts = { lines: 0, bytes: 0 };
  let columns: Array<RowField | null> | null = null;
  const singleLineCells: Array<{ position: number; name: string }> = [];
  const headerHint = 'The first line must name the columns: order_id,tracking_number[,carrier][,expected_status].';

  async function* rows(): AsyncGenerator<InputRow> {
    const lines = physicalLines(stream as AsyncIterable<Buffer>, maxRecordBytes, counts);
    let index = 0;
    try {
      for await (const record of csvRecords(lines, { delimiter, maxRecordBytes, singleLineCells: () => singleLineCells })) {
        if (columns === null) {
          if (record.problem !== null) throw usageError(`Cannot read the header of ${path}: ${record.problem}.`, headerHint);
          const names = record.cells.map((name) => normaliseColumnName(csvCellValue(name)));
          columns = names.map((name) => (Object.hasOwn(COLUMN_ALIASES, name) ? COLUMN_ALIASES[name]! : null));
          if (!columns.includes('trackingNumber')) {
            throw usageError(
              `${path} has no tracking_number column (columns found: ${record.cells.map((name) => name.trim()).join(', ') || 'none'}).`,
              headerHint,
            );
          }
          columns.forEach((column, position) => {
            if (column) singleLineCells.push({ position, name: FIELD_NAMES[column] });
          });
          continue;
        }
        if (record.problem !== null) {
          yield problemRow(index++, record.line, record.problem);
          continue;
        }
        const { cells } = record;
        // Lines of empty cells only (",,," from spreadsheets) are not rows.
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (cells.length !== columns.length) {
          yield problemRow(index++, record.line, `line ${record.line} has ${cells.length} cells where the header has ${columns.length}`);
          continue;
        }
        const fields: Partial<Record<RowField, string>> = {};
        columns.forEach((column, position) => {
          if (column && fields[column] === undefined) fields[column] = csvCellValue(cells[position]);
        });
        yield rowFromFields(index++, record.line, fields);
      }
      if (columns === null) throw usageError(`${path} is empty: no header line.`, headerHint);
    } finally {
      stream.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => stream.bytesRead, parsed: () => ({ records: counts.lines, bytes: counts.bytes }) };
}

const JSON_KEYS: Record<string, RowField> = {
  order_id: 'orderId',
  orderId: 'orderId',
  tracking_number: 'trackingNumber',
  trackingNumber: 'trackingNumber',
  carrier: 'carrier',
  expected_status: 'expectedStatus',
  expectedStatus: 'expectedStatus',
};

/** Parses one JSONL line into a row (or a row with a problem). */
export function rowFromJsonLine(index: number, line: number, text: string): InputRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problemRow(index, line, `line ${line} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return problemRow(index, line, `line ${line} is not a JSON object with order_id and tracking_number`);
  const fields: Partial<Record<RowField, unknown>> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const name = Object.hasOwn(JSON_KEYS, key) ? JSON_KEYS[key] : undefined;
    if (name && fields[name] === undefined) fields[name] = field;
  }
  const problem = jsonFieldProblem(fields);
  if (problem === null) return rowFromFields(index, line, fields);
  // Keep what can be shown exactly (the order id, say) beside the problem; never a rounded number.
  const exact = Object.fromEntries(
    Object.entries(fields).filter(([, field]) => typeof field === 'string' || (typeof field === 'number' && Number.isSafeInteger(field))),
  );
  return {
    ...rowFromFields(index, line, exact),
    trackingNumber: typeof fields.trackingNumber === 'string' ? fields.trackingNumber.trim() : '',
    problem,
  };
}

function jsonKind(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * JSON numbers are doubles: `12345678901234567890` reads as `12345678901234567000`, and `00340…` has no
 * leading zeros. A tracking number must therefore be a string; an order id may be a whole number that is exact.
 */
function jsonFieldProblem(fields: Partial<Record<RowField, unknown>>): string | null {
  for (const field of ['trackingNumber', 'orderId', 'carrier', 'expectedStatus'] as const) {
    const value = fields[field];
    if (value === undefined || value === null || typeof value === 'string') continue;
    const name = FIELD_NAMES[field];
    if (field === 'trackingNumber' && typeof value === 'number')
      return `${name} is a JSON number: write it as a string ("…") so that no digit or leading zero is lost`;
    if (field === 'orderId' && typeof value === 'number') {
      if (Number.isSafeInteger(value)) continue;
      return `${name} ${String(value)} is a JSON number too large to keep exactly: write it as a string`;
    }
    return `${name} must be a string, not ${jsonKind(value)}`;
  }
  return null;
}

function readJsonlRows(path: string, options: ReadRowsOptions): RowSource {
  const stream = createReadStream(path, options.chunkBytes ? { highWaterMark: options.chunkBytes } : {});
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const counts: LineCounts = { lines: 0, bytes: 0 };
  async function* rows(): AsyncGenerator<InputRow> {
    let index = 0;
    try {
      // JSON strings cannot hold a raw CR or LF, so every line break ends a record.
      for await (const line of physicalLines(stream as AsyncIterable<Buffer>, maxBytes, counts)) {
        if (line.text === null) {
          yield problemRow(index++, line.number, `line ${line.number} is longer than ${maxBytes} bytes`);
          continue;
        }
        const text = line.text.trim();
        if (text === '') continue;
        yield rowFromJsonLine(index++, line.number, text);
      }
    } finally {
      stream.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => stream.bytesRead, parsed: () => ({ records: counts.lines, bytes: counts.bytes }) };
}
