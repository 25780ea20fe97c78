import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromPath, normaliseColumnName, readInputRows, rowFromJsonLine, type InputRow } from './input';

const directory = mkdtempSync(join(tmpdir(), 'wismo-input-'));
let fileCounter = 0;

function file(content: string | Buffer, extension: string): string {
  const path = join(directory, `input-${fileCounter++}.${extension}`);
  writeFileSync(path, content);
  return path;
}

async function rowsOf(path: string, format: 'csv' | 'jsonl', maxRecordBytes?: number): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of readInputRows(path, { format, ...(maxRecordBytes ? { maxRecordBytes } : {}) }).rows) rows.push(row);
  return rows;
}

describe('CSV reader', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers rows from 0 in file order', async () => {
    const path = file('order_id,tracking_number,carrier,expected_status\n"A,1","1Z 999",UPS,Delivered\n"B ""x""",123,,\n"C\nD",456,fedex,in_transit\n', 'csv');
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => [row.index, row.orderId, row.trackingNumber, row.carrier, row.expectedStatus, row.problem])).toEqual([
      [0, 'A,1', '1Z 999', 'ups', 'delivered', null],
      [1, 'B "x"', '123', '', '', null],
      [2, 'C\nD', '456', 'fedex', 'in_transit', null],
    ]);
  });

  it('strips a BOM, skips blank lines and lines of empty cells, accepts CRLF and header spellings', async () => {
    const path = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Order ID,Tracking Number\r\n\r\nA,111\r\n,\r\n\r\nB,222\r\n')]), 'csv');
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => [row.index, row.orderId, row.trackingNumber])).toEqual([
      [0, 'A', '111'],
      [1, 'B', '222'],
    ]);
  });

  it('keeps bad rows in their place as rows with a problem instead of dropping them', async () => {
    const path = file('order_id,tracking_number,expected_status\nA,111,\nB,,\nC,333,teleported\nD,444,delivered,extra\nE,"55"5,\nF, "666" \n"G,777\n', 'csv');
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // A stray quote is kept as text (the number will not track, and says so); the rows after it survive.
    expect(rows[4]).toMatchObject({ orderId: 'E', trackingNumber: '"55"5', problem: null });
    expect(rows[0]!.problem).toBeNull();
    expect(rows[1]!.problem).toMatch(/tracking_number is missing/);
    expect(rows[2]!.problem).toMatch(/expected_status "teleported" is not a wismo status/);
    expect(rows[3]!.problem).toBeNull(); // extra cells are ignored
    expect(rows[5]).toMatchObject({ orderId: 'F', trackingNumber: '666', problem: null });
    // The unclosed quote swallows the rest of the file: one bad row, reported, not a crash.
    expect(rows[6]!.problem).toMatch(/unreadable CSV record: Quote Not Closed/);
  });

  it('a file without a tracking_number column is a usage error naming the columns found', async () => {
    const path = file('order,number\nA,1\n', 'csv');
    await expect(rowsOf(path, 'csv')).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/no tracking_number column \(columns found: order, number\)/) });
    await expect(rowsOf(file('', 'csv'), 'csv')).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/empty/) });
  });

  it('reads a large file as a stream: rows are handed out before the file is read to the end', async () => {
    const path = file(`order_id,tracking_number\n${Array.from({ length: 200_000 }, (_, index) => `O${index},N${index}`).join('\n')}\n`, 'csv');
    const source = readInputRows(path, { format: 'csv' });
    const iterator = source.rows[Symbol.asyncIterator]();
    await iterator.next();
    expect(source.bytesRead()).toBeLessThan(1_000_000);
    await iterator.return?.();
  });
});

describe('JSONL reader', () => {
  it('reads snake_case and camelCase keys, numbers as text, skips blank lines and a BOM', async () => {
    const path = file('\uFEFF{"order_id":"A","tracking_number":"111","carrier":"DHL"}\n\n{"orderId":"B","trackingNumber":222,"expectedStatus":"delivered"}\r\n', 'jsonl');
    const rows = await rowsOf(path, 'jsonl');
    expect(rows.map((row) => [row.index, row.orderId, row.trackingNumber, row.carrier, row.expectedStatus, row.problem])).toEqual([
      [0, 'A', '111', 'dhl', '', null],
      [1, 'B', '222', '', 'delivered', null],
    ]);
  });

  it('turns a bad line into a row with a problem, in its place', async () => {
    const path = file('{"order_id":"A","tracking_number":"1"}\n{"order_id":"B",\n[1,2]\n{"order_id":"D"}\n{"order_id":"E","tracking_number":"5"}', 'jsonl');
    const rows = await rowsOf(path, 'jsonl');
    expect(rows.map((row) => row.problem?.replace(/ \(.*/, '') ?? null)).toEqual([null, 'not valid JSON', 'not a JSON object with order_id and tracking_number', 'tracking_number is missing', null]);
    expect(rows[4]!.trackingNumber).toBe('5'); // last line without a newline
  });

  it('a line longer than the limit is a bad row, and the lines after it are still read', async () => {
    const path = file(`{"order_id":"A","tracking_number":"1"}\n{"order_id":"${'x'.repeat(5_000)}"}\n{"order_id":"C","tracking_number":"3"}\n`, 'jsonl');
    const rows = await rowsOf(path, 'jsonl', 1_000);
    expect(rows.map((row) => row.problem)).toEqual([null, 'line longer than 1000 bytes', null]);
    expect(rowFromJsonLine(0, '{"tracking_number":"9"}').trackingNumber).toBe('9');
  });
});

describe('helpers', () => {
  it('recognises formats and column names', () => {
    expect([formatFromPath('a.CSV'), formatFromPath('a.ndjson'), formatFromPath('a.jsonl'), formatFromPath('a.xlsx')]).toEqual(['csv', 'jsonl', 'jsonl', null]);
    expect(['Tracking Number', 'tracking-number', 'TrackingNumber', ' order_id '].map(normaliseColumnName)).toEqual(['tracking_number', 'tracking_number', 'tracking_number', 'order_id']);
  });
});
