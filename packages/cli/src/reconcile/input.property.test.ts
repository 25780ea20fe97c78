// The reader's promise, checked on generated files: one output row per input row, in order, each at the line
// where it starts. "Input row" is defined in the package README ("What is a row"); in short, a non-blank
// physical line (CRLF, LF or CR), or a quoted record spanning lines that closes cleanly within the size limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInputRows, type InputRow } from './input';

const directory = mkdtempSync(join(tmpdir(), 'wismo-input-property-'));
let fileCounter = 0;
const MAX_RECORD_BYTES = 400;
// `FUZZ_RUNS` lengthens the run (`pnpm fuzz`); the default keeps `pnpm test` quick.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

type Expected = { ok: true; orderId: string; trackingNumber: string } | { ok: false; problem: RegExp };

/** A piece of the file: its text without the final line break, and the rows it must produce. */
interface Piece {
  text: string;
  rows: Expected[];
}

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A row wismo can read; the order id and the note may be quoted, the note may span lines. */
const goodRow = fc
  .record({
    orderId: fc.oneof(word, fc.constantFrom('A,1', 'B "x"', 'C, "quoted" and, commas')),
    trackingNumber: fc.stringMatching(/^[A-Z0-9]{4,20}$/),
    carrier: fc.constantFrom('', 'ups', 'DHL', 'fedex'),
    note: fc.oneof(
      fc.constant(''),
      word,
      fc.array(fc.tuple(word, lineBreak), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([text, end]) => text + end).join('')),
      fc.constantFrom('say "hi", please', 'a,b'),
    ),
    quoteOrderId: fc.boolean(),
  })
  .map(({ orderId, trackingNumber, carrier, note, quoteOrderId }): Piece => {
    const needsQuotes = /[",\r\n]/;
    const orderCell = quoteOrderId || needsQuotes.test(orderId) ? quoted(orderId) : orderId;
    const noteCell = needsQuotes.test(note) ? quoted(note) : note;
    return { text: `${orderCell},${trackingNumber},${carrier},${noteCell}`, rows: [{ ok: true, orderId, trackingNumber }] };
  });

const blankLine = fc.constantFrom('', '   ', ',,,', ' , , ,').map((text): Piece => ({ text, rows: [] }));

const wrongCellCount = fc.tuple(word, fc.constantFrom(2, 3, 5, 6)).map(([orderId, cells]): Piece => ({
  text: [orderId, 'N1', 'ups', 'note', 'x', 'y'].slice(0, cells).join(','),
  rows: [{ ok: false, problem: new RegExp(`has ${cells} cells where the header has 4$`) }],
}));

const oversizedLine = fc.integer({ min: MAX_RECORD_BYTES + 1, max: MAX_RECORD_BYTES * 3 }).map((size): Piece => ({
  text: `O,N,ups,${'x'.repeat(size)}`,
  rows: [{ ok: false, problem: new RegExp(`is longer than ${MAX_RECORD_BYTES} bytes$`) }],
}));

/** A quote opened in tracking_number and never closed on its line: that line alone is the bad row. */
const unclosedQuote = word.map((orderId): Piece => ({
  text: `${orderId},"N123,ups,note`,
  rows: [{ ok: false, problem: /the quote opened on this line/ }],
}));

/** A quoted note that spans more than the size limit: the first line is bad, each following line is a row. */
const oversizedQuotedNote = fc.array(word, { minLength: 3, maxLength: 5 }).chain((words) =>
  fc.tuple(fc.constant(words), fc.array(lineBreak, { minLength: words.length, maxLength: words.length })).map(([parts, ends]): Piece => {
    // No line is over the limit alone; three of them are.
    const filler = 'y'.repeat(MAX_RECORD_BYTES / 2 - 20);
    const lines = parts.map((part) => `${part}${filler}`);
    const body = lines.map((line, index) => (index === 0 ? line : ends[index - 1] + line)).join('');
    return {
      text: `O,N,ups,"${body}"`,
      rows: [
        { ok: false, problem: /the quote opened on this line is not closed within/ },
        // The lines after the first are read again as rows of their own: one cell each.
        ...lines.slice(1).map((): Expected => ({ ok: false, problem: /has 1 cells where the header has 4$/ })),
      ],
    };
  }),
);

/** A quote inside an unquoted cell stays text. */
const strayQuote = word.map((orderId): Piece => ({ text: `${orderId},N"7,ups,`, rows: [{ ok: true, orderId, trackingNumber: 'N"7' }] }));

const piece = fc.oneof(
  { arbitrary: goodRow, weight: 6 },
  { arbitrary: blankLine, weight: 2 },
  { arbitrary: wrongCellCount, weight: 1 },
  { arbitrary: oversizedLine, weight: 1 },
  { arbitrary: unclosedQuote, weight: 1 },
  { arbitrary: oversizedQuotedNote, weight: 1 },
  { arbitrary: strayQuote, weight: 1 },
);

export const csvFile = fc
  .record({
    bom: fc.boolean(),
    headerEnd: lineBreak,
    pieces: fc.array(fc.tuple(piece, lineBreak), { maxLength: 30 }),
    finalLineBreak: fc.boolean(),
    chunkBytes: fc.integer({ min: 1, max: 100 }),
  })
  .map(({ bom, headerEnd, pieces, finalLineBreak, chunkBytes }) => {
    let text = `${bom ? '\uFEFF' : ''}Order ID,tracking_number,carrier,note${headerEnd}`;
    const expected: Array<Expected & { line: number }> = [];
    pieces.forEach(([{ text: pieceText, rows }, end], position) => {
      // The line where this piece starts: line breaks so far, counted as the reader counts them.
      const line = 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
      let offset = 0;
      rows.forEach((row, rowPosition) => {
        expected.push({ ...row, line: line + offset });
        if (rowPosition === 0) offset = 1;
        else offset += 1;
      });
      text += pieceText + (position < pieces.length - 1 || finalLineBreak ? end : '');
    });
    return { text, expected, chunkBytes };
  });

async function rowsOf(text: string, chunkBytes: number): Promise<InputRow[]> {
  const path = join(directory, `generated-${fileCounter++}.csv`);
  writeFileSync(path, text);
  const rows: InputRow[] = [];
  for await (const row of readInputRows(path, { format: 'csv', maxRecordBytes: MAX_RECORD_BYTES, chunkBytes }).rows) rows.push(row);
  return rows;
}

describe('CSV reader property: one output row per input row, in order', () => {
  it(
    'holds for random line endings, quotes, BOMs, blank lines, oversized cells and broken quoting',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvFile, async ({ text, expected, chunkBytes }) => {
          const rows = await rowsOf(text, chunkBytes);
          expect(rows.map((row) => row.index)).toEqual(expected.map((_, index) => index));
          expect(rows.map((row) => row.line)).toEqual(expected.map((row) => row.line));
          rows.forEach((row, index) => {
            const want = expected[index]!;
            if (want.ok)
              expect({ orderId: row.orderId, trackingNumber: row.trackingNumber, problem: row.problem }).toEqual({
                orderId: want.orderId,
                trackingNumber: want.trackingNumber,
                problem: null,
              });
            else {
              expect(row.problem).toMatch(want.problem);
              expect(row.problem).toContain(`line ${row.line}`);
            }
          });
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(20_000, RUNS * 20),
  );
});
