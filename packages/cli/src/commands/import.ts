import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportColumnName, exportColumnOf, isBridgeSource, readAggregatorExportRecord, type BridgeSource } from '@wismo/bridges';
import { parse as parseCsv } from 'csv-parse/sync';
import { writeLine, type CliContext } from '../context';
import { describeFileError, EXIT_CODES, usageError, type ExitCode } from '../errors';
import { formatFromPath, readInputRows, type InputFormat } from '../reconcile/input';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';
import { checkWatchable, existingTracking } from './watch';

export interface ImportCommandOptions extends StoreCommandOptions {
  carrier?: string;
  inputFormat?: string;
  /** An aggregator's CSV export (`aftership`, `easypost`, `ship24`, `17track`), read by its own column names. */
  from?: string;
}

/** One row of an aggregator export, with the physical line it starts on. */
type ExportRow =
  { line: number; trackingNumber: string; carrier: string | null; orderId: string | null } | { line: number; problem: string };

/**
 * Reads an aggregator's CSV export whole (exports are small next to reconcile inputs). A record the CSV parser cannot
 * read is a row with its line number and the parser's reason, in its place; so is a row without a tracking number.
 */
function readAggregatorExport(source: BridgeSource, text: string, file: string): ExportRow[] {
  const rows: ExportRow[] = [];
  let header: string[] = [];
  const records = parseCsv(text, {
    bom: true,
    columns: (names: string[]) => (header = names.map(exportColumnName)),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { message: string; lines?: number } | undefined) => {
      if (error) rows.push({ line: error.lines ?? 0, problem: `unreadable CSV record: ${error.message}` });
    },
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  if (exportColumnOf(source, header, 'trackingNumber') === null)
    throw usageError(`${file} has no tracking number column for a ${source} export.`, `Its columns: ${header.join(', ') || '(none)'}.`);
  for (const { record, info } of records) {
    const row = readAggregatorExportRecord(source, record);
    rows.push(row.ok ? { line: info.lines, ...row } : { line: info.lines, problem: row.problem });
  }
  return rows.sort((left, right) => left.line - right.line);
}

/** Rows whose problem is printed one by one; after that only counted. */
const PROBLEMS_SHOWN = 20;

export interface ImportSummary {
  rows: number;
  watched: number;
  alreadyWatched: number;
  orders: number;
  notImported: number;
}

/** A `.json` file holding an array: full orders (as `wismo serve --orders` reads them), not tracking rows. */
async function readOrdersArray(path: string): Promise<unknown[] | null> {
  if (!path.toLowerCase().endsWith('.json')) return null;
  const text = await readFile(path, 'utf8');
  if (!text.trimStart().startsWith('[')) return null;
  try {
    return JSON.parse(text) as unknown[];
  } catch (error) {
    throw usageError(
      `${path} is not valid JSON: ${(error as Error).message}`,
      'An orders file is a JSON array of orders (see @wismo/order-view).',
    );
  }
}

/**
 * `wismo import <file>`: a CSV or JSONL file of `order_id, tracking_number[, carrier]` rows (read with
 * reconcile's reader), or a JSON array of full orders. Every tracking number is watched by the store,
 * linked to its order. Rows that cannot be imported are listed and counted, never dropped (exit 1).
 */
export async function runImport(file: string, options: ImportCommandOptions, context: CliContext): Promise<ExitCode> {
  const path = resolve(context.cwd, file);
  try {
    if (!(await stat(path)).isFile()) throw usageError(`${file} is not a file.`);
  } catch (error) {
    if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
    throw usageError(
      `Cannot read ${file}: ${describeFileError(error)}.`,
      'Give a CSV or JSONL file with order_id,tracking_number[,carrier], or a JSON array of orders.',
    );
  }
  const shopId = shopIdFrom(options.shop);
  if (options.from !== undefined && !isBridgeSource(options.from))
    throw usageError(`--from must be aftership, easypost, ship24 or 17track, not "${options.from}".`);
  const exportRows = options.from ? readAggregatorExport(options.from as BridgeSource, await readFile(path, 'utf8'), file) : null;
  if (options.inputFormat !== undefined && options.inputFormat !== 'csv' && options.inputFormat !== 'jsonl')
    throw usageError(`--input-format must be csv or jsonl, not "${options.inputFormat}".`);
  const orders = options.inputFormat || exportRows ? null : await readOrdersArray(path);
  const format: InputFormat | null = (options.inputFormat as InputFormat | undefined) ?? formatFromPath(path);
  if (!orders && !format && !exportRows)
    throw usageError(
      `Cannot tell the format of ${file} from its name.`,
      'Name it .csv, .jsonl or .json, or pass --input-format csv|jsonl.',
    );

  return withStore(options, context, async (store) => {
    const shop = store.shop(shopId);
    const summary: ImportSummary = { rows: 0, watched: 0, alreadyWatched: 0, orders: 0, notImported: 0 };
    const reportProblem = (where: string, message: string) => {
      summary.notImported += 1;
      if (summary.notImported <= PROBLEMS_SHOWN) writeLine(context.stderr, `${where}: ${message}`);
    };
    const orderIds = new Set<string>();
    /** Watches one tracking row, linked to its order; a row the store refuses is reported at `where`. */
    const watchRow = async (row: { trackingNumber: string; orderId?: string | null }, carrier: string | undefined, where: string) => {
      try {
        checkWatchable(row.trackingNumber, carrier);
        const known = await existingTracking(shop, row.trackingNumber, carrier);
        await shop.watch(row.trackingNumber, { ...(carrier ? { carrier } : {}), ...(row.orderId ? { orderId: row.orderId } : {}) });
        if (known) summary.alreadyWatched += 1;
        else summary.watched += 1;
        if (row.orderId) orderIds.add(row.orderId);
      } catch (error) {
        reportProblem(`${where} (${row.trackingNumber})`, (error as Error)?.message ?? String(error));
      }
    };

    if (exportRows) {
      for (const row of exportRows) {
        summary.rows += 1;
        if ('problem' in row) {
          reportProblem(`line ${row.line}`, row.problem);
          continue;
        }
        await watchRow(row, row.carrier ?? options.carrier?.toLowerCase(), `line ${row.line}`);
      }
      summary.orders = orderIds.size;
    } else if (orders) {
      for (const [index, order] of orders.entries()) {
        summary.rows += 1;
        try {
          const stored = await shop.upsertOrder(order as never);
          summary.orders += 1;
          summary.watched += stored.shipments.filter((parcel) => parcel.trackingNumber).length;
        } catch (error) {
          reportProblem(
            `order ${index + 1}${typeof (order as { id?: unknown })?.id === 'string' ? ` (${(order as { id: string }).id})` : ''}`,
            (error as Error)?.message ?? String(error),
          );
        }
      }
    } else {
      const defaultCarrier = options.carrier?.toLowerCase();
      for await (const row of readInputRows(path, { format: format! }).rows) {
        summary.rows += 1;
        if (row.problem) {
          reportProblem(`row ${row.index + 1}`, row.problem);
          continue;
        }
        await watchRow(row, row.carrier || defaultCarrier, `row ${row.index + 1}`);
      }
      summary.orders = orderIds.size;
    }

    if (summary.notImported > PROBLEMS_SHOWN) writeLine(context.stderr, `… and ${summary.notImported - PROBLEMS_SHOWN} more.`);
    const shopNote = shopId ? ` (shop ${shopId})` : '';
    writeLine(
      context.stdout,
      orders
        ? `Imported ${summary.orders} of ${summary.rows} orders${shopNote}; their ${summary.watched} tracking number(s) are watched.`
        : `Imported ${summary.rows} rows${shopNote}: ${summary.watched} now watched, ${summary.alreadyWatched} already watched, ${summary.orders} order(s).`,
    );
    if (summary.notImported > 0)
      writeLine(context.stderr, `${summary.notImported} ${orders ? 'order(s)' : 'row(s)'} not imported (listed above).`);
    return summary.notImported > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
  });
}
