import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { RESULT_COLUMNS, restoreFormula, type OutputFormat, type ResultRecord } from './result-record';

const BOOLEAN_COLUMNS = new Set<string>(['stalled', 'late']);
/** Always text in a record (empty when the input had nothing). */
const TEXT_COLUMNS = new Set<string>(['order_id', 'tracking_number']);

function fromCsv(cells: Record<string, string>): ResultRecord {
  const record: Record<string, unknown> = {};
  for (const column of RESULT_COLUMNS) {
    const value = restoreFormula(cells[column] ?? '');
    if (column === 'row') record[column] = Number(value);
    else if (BOOLEAN_COLUMNS.has(column)) record[column] = value === 'true';
    else if (column === 'mismatch') record[column] = value === '' ? null : value === 'true';
    else record[column] = value === '' && !TEXT_COLUMNS.has(column) ? null : value;
  }
  return record as unknown as ResultRecord;
}

/** Streams the rows of a `wismo reconcile` output file (CSV or JSONL) back as records, e.g. to list mismatches. */
export async function* readResultRecords(
  path: string,
  format: OutputFormat = /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv',
): AsyncGenerator<ResultRecord> {
  if (format === 'csv') {
    const parser = createReadStream(path).pipe(parse({ columns: true, bom: true }));
    for await (const cells of parser as AsyncIterable<Record<string, string>>) yield fromCsv(cells);
    return;
  }
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as ResultRecord;
  }
  if (rest.trim() !== '') yield JSON.parse(rest) as ResultRecord;
}
