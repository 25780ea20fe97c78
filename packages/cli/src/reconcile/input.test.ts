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
    const path = file(
      'order_id,tracking_number,carrier,expected_status,note\n"A,1","1Z 999",UPS,Delivered,\n"B ""x""",123,,,\nC,456,fedex,in_transit,"leave at\r\nthe back\n"\nD,789,,,\n',
      'csv',
    );
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => [row.index, row.line, row.orderId, row.trackingNumber, row.carrier, row.expectedStatus, row.problem])).toEqual(
      [
        [0, 2, 'A,1', '1Z 999', 'ups', 'delivered', null],
        [1, 3, 'B "x"', '123', '', '', null],
        [2, 4, 'C', '456', 'fedex', 'in_transit', null],
        [3, 7, 'D', '789', '', '', null],
      ],
    );
  });

  it('strips a BOM, skips blank lines and lines of empty cells, accepts CRLF and header spellings', async () => {
    const path = file(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Order ID,Tracking Number\r\n\r\nA,111\r\n,\r\n\r\nB,222\r\n')]),
      'csv',
    );
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => [row.index, row.orderId, row.trackingNumber])).toEqual([
      [0, 'A', '111'],
      [1, 'B', '222'],
    ]);
  });

  it('keeps bad rows in their place as rows with a problem instead of dropping them', async () => {
    const path = file(
      'order_id,tracking_number,expected_status\nA,111,\nB,,\nC,333,teleported\nD,444,delivered,extra\nE,"55"5,\nF, "666" ,\n"G,777,\nH,888,\n',
      'csv',
    );
    const rows = await rowsOf(path, 'csv');
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    // A stray quote is kept as text (the number will not track, and says so); the rows after it survive.
    expect(rows[4]).toMatchObject({ orderId: 'E', trackingNumber: '"55"5', problem: null });
    expect(rows[0]!.problem).toBeNull();
    expect(rows[1]!.problem).toMatch(/tracking_number is missing/);
    expect(rows[2]!.problem).toMatch(/expected_status "teleported" is not a wismo status/);
    expect(rows[3]!.problem).toBe('line 5 has 4 cells where the header has 3');
    expect(rows[5]).toMatchObject({ orderId: 'F', trackingNumber: '666', problem: null });
    // The unclosed quote costs its own line only: reading resumes at the next line.
    expect(rows[6]!.problem).toMatch(/^line 8: the quote opened on this line is never closed/);
    expect(rows[7]).toMatchObject({ orderId: 'H', trackingNumber: '888', problem: null });
  });

  it('a file without a tracking_number column is a usage error naming the columns found', async () => {
    const path = file('order,number\nA,1\n', 'csv');
    await expect(rowsOf(path, 'csv')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no tracking_number column \(columns found: order, number\)/),
    });
    await expect(rowsOf(file('', 'csv'), 'csv')).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/empty/) });
  });

  it('reads a large file as a stream: rows are handed out before the file is read to the end', async () => {
    const path = file(
      `order_id,tracking_number\n${Array.from({ length: 200_000 }, (_, index) => `O${index},N${index}`).join('\n')}\n`,
      'csv',
    );
    const source = readInputRows(path, { format: 'csv' });
    const iterator = source.rows[Symbol.asyncIterator]();
    await iterator.next();
    expect(source.bytesRead()).toBeLessThan(1_000_000);
    await iterator.return?.();
  });
});

describe('CSV reader: line endings, cell counts, huge cells and broken quotes', () => {
  it('reads CRLF, LF and CR in any mix: a CRLF header followed by LF lines loses no row', async () => {
    const lines = Array.from({ length: 2_197 }, (_, index) => `O${index},N${index}`);
    const path = file(`order_id,tracking_number\r\n${lines.join('\n')}\n`, 'csv');
    const rows = await rowsOf(path, 'csv');
    expect(rows).toHaveLength(2_197);
    expect(rows.every((row, index) => row.orderId === `O${index}` && row.trackingNumber === `N${index}` && row.problem === null)).toBe(
      true,
    );
    const mixed = await rowsOf(file('order_id,tracking_number\nA,1\r\nB,2\rC,3\r\rD,4\n\r\nE,5', 'csv'), 'csv');
    expect(mixed.map((row) => [row.orderId, row.trackingNumber, row.line, row.problem])).toEqual([
      ['A', '1', 2, null],
      ['B', '2', 3, null],
      ['C', '3', 4, null],
      ['D', '4', 6, null],
      ['E', '5', 8, null],
    ]);
  });

  it('a row with too many or too few cells is one bad_input row that says so, never merged with another', async () => {
    const rows = await rowsOf(file('order_id,tracking_number,carrier\r\nA,1,ups\nB,2\nC,3,ups,extra\nD,4,dhl\n', 'csv'), 'csv');
    expect(rows.map((row) => [row.orderId, row.problem])).toEqual([
      ['A', null],
      ['', 'line 3 has 2 cells where the header has 3'],
      ['', 'line 4 has 4 cells where the header has 3'],
      ['D', null],
    ]);
  });

  it('a record over the size limit is one bad_input row with its line number; the rows after it are read', async () => {
    const huge = 'x'.repeat(3_000);
    const path = file(`order_id,tracking_number\nA,1\nB,${huge}\nC,3\nD,"${huge}\n${huge}"\nE,5\n`, 'csv');
    const rows = await rowsOf(path, 'csv', 1_000);
    expect(rows.map((row) => [row.orderId, row.line, row.problem])).toEqual([
      ['A', 2, null],
      ['', 3, 'line 3 is longer than 1000 bytes'],
      ['C', 4, null],
      ['', 5, 'line 5 is longer than 1000 bytes'],
      ['', 6, 'line 6 is longer than 1000 bytes'],
      ['E', 7, null],
    ]);
  });

  it('an unclosed quote is one bad_input row with its line number, and reading resumes at the next line', async () => {
    const body = Array.from({ length: 60 }, (_, index) => (index === 9 ? `O${index},"N${index}` : `O${index},N${index}`));
    const rows = await rowsOf(file(`order_id,tracking_number\n${body.join('\n')}\n`, 'csv'), 'csv');
    expect(rows).toHaveLength(60);
    expect(rows[9]!.problem).toMatch(/^line 11: the quote opened on this line is never closed/);
    expect(rows.filter((row) => row.problem !== null)).toHaveLength(1);
    expect(rows[10]).toMatchObject({ orderId: 'O10', trackingNumber: 'N10', line: 12 });
    // A later stray quote does not close it into one record spanning the lines between.
    const closedLater = await rowsOf(file('order_id,tracking_number\nA,"1\nB,2\nC,3"\nD,4\n', 'csv'), 'csv');
    expect(closedLater.map((row) => [row.orderId, row.trackingNumber, row.line, row.problem === null])).toEqual([
      ['', '', 2, false],
      ['B', '2', 3, true],
      ['C', '3"', 4, true],
      ['D', '4', 5, true],
    ]);
  });
});

describe('CSV reader at the default 1 MiB limit', () => {
  it('one unclosed quote on line 11 of a 60,000-row file costs one row; a 2 MiB cell costs one row', async () => {
    const body = Array.from({ length: 60_000 }, (_, index) =>
      index === 9 ? `ORDER-${index},"1Z999AA1${index}` : `ORDER-${index},1Z999AA1${String(index).padStart(10, '0')}`,
    );
    body[30_000] = `ORDER-30000,${'x'.repeat(2 * 1024 * 1024)}`;
    const rows = await rowsOf(file(`order_id,tracking_number\n${body.join('\n')}\n`, 'csv'), 'csv');
    expect(rows).toHaveLength(60_000);
    expect(rows.filter((row) => row.problem !== null).map((row) => row.problem)).toEqual([
      'line 11: the quote opened on this line is not closed within 1048576 bytes',
      'line 30002 is longer than 1048576 bytes',
    ]);
    expect(rows[10]).toMatchObject({ orderId: 'ORDER-10', line: 12, problem: null });
    expect(rows[59_999]).toMatchObject({ orderId: 'ORDER-59999', line: 60_001, problem: null });
  });
});

describe('JSONL reader', () => {
  it('reads snake_case and camelCase keys, an order id given as a whole number, skips blank lines and a BOM', async () => {
    const path = file(
      '\uFEFF{"order_id":"A","tracking_number":"111","carrier":"DHL"}\n\n{"orderId":1002,"trackingNumber":"222","expectedStatus":"delivered"}\r\n',
      'jsonl',
    );
    const rows = await rowsOf(path, 'jsonl');
    expect(rows.map((row) => [row.index, row.line, row.orderId, row.trackingNumber, row.carrier, row.expectedStatus, row.problem])).toEqual(
      [
        [0, 1, 'A', '111', 'dhl', '', null],
        [1, 3, '1002', '222', '', 'delivered', null],
      ],
    );
  });

  it('refuses a tracking number given as a JSON number (digits and leading zeros would be lost), and an order id that is not an exact number', async () => {
    const path = file(
      '{"order_id":"A","tracking_number":12345678901234567890}\n{"order_id":"B","tracking_number":222}\n{"order_id":12345678901234567890,"tracking_number":"333"}\n{"order_id":"D","tracking_number":"12345678901234567890"}\n',
      'jsonl',
    );
    const rows = await rowsOf(path, 'jsonl');
    expect(rows[0]!.problem).toBe('tracking_number is a JSON number: write it as a string ("…") so that no digit or leading zero is lost');
    expect(rows[0]!.trackingNumber).not.toMatch(/567000$/);
    expect(rows[1]!.problem).toMatch(/^tracking_number is a JSON number/);
    expect(rows[2]!.problem).toBe('order_id 12345678901234567000 is a JSON number too large to keep exactly: write it as a string');
    expect(rows[3]).toMatchObject({ orderId: 'D', trackingNumber: '12345678901234567890', problem: null });
  });

  it('turns a bad line into a row with a problem, in its place', async () => {
    const path = file(
      '{"order_id":"A","tracking_number":"1"}\n{"order_id":"B",\n[1,2]\n{"order_id":"D"}\n{"order_id":"E","tracking_number":"5"}',
      'jsonl',
    );
    const rows = await rowsOf(path, 'jsonl');
    expect(rows.map((row) => row.problem?.replace(/ \(.*/, '') ?? null)).toEqual([
      null,
      'line 2 is not valid JSON',
      'line 3 is not a JSON object with order_id and tracking_number',
      'tracking_number is missing',
      null,
    ]);
    expect(rows[4]!.trackingNumber).toBe('5'); // last line without a newline
  });

  it('a line longer than the limit is a bad row, and the lines after it are still read', async () => {
    const path = file(
      `{"order_id":"A","tracking_number":"1"}\n{"order_id":"${'x'.repeat(5_000)}"}\n{"order_id":"C","tracking_number":"3"}\n`,
      'jsonl',
    );
    const rows = await rowsOf(path, 'jsonl', 1_000);
    expect(rows.map((row) => row.problem)).toEqual([null, 'line 2 is longer than 1000 bytes', null]);
    expect(rowFromJsonLine(0, 1, '{"tracking_number":"9"}').trackingNumber).toBe('9');
  });
});

describe('helpers', () => {
  it('recognises formats and column names', () => {
    expect([formatFromPath('a.CSV'), formatFromPath('a.ndjson'), formatFromPath('a.jsonl'), formatFromPath('a.xlsx')]).toEqual([
      'csv',
      'jsonl',
      'jsonl',
      null,
    ]);
    expect(['Tracking Number', 'tracking-number', 'TrackingNumber', ' order_id '].map(normaliseColumnName)).toEqual([
      'tracking_number',
      'tracking_number',
      'tracking_number',
      'order_id',
    ]);
  });
});
