import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeLine, type CliContext } from '../context';
import { describeFileError, EXIT_CODES, usageError, type ExitCode } from '../errors';
import { formatFromPath, readInputRows, type InputFormat } from '../reconcile/input';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';
import { checkWatchable, existingTracking } from './watch';

export interface ImportCommandOptions extends StoreCommandOptions {
  carrier?: string;
  inputFormat?: string;
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
  if (options.inputFormat !== undefined && options.inputFormat !== 'csv' && options.inputFormat !== 'jsonl')
    throw usageError(`--input-format must be csv or jsonl, not "${options.inputFormat}".`);
  const orders = options.inputFormat ? null : await readOrdersArray(path);
  const format: InputFormat | null = (options.inputFormat as InputFormat | undefined) ?? formatFromPath(path);
  if (!orders && !format)
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

    if (orders) {
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
      const orderIds = new Set<string>();
      for await (const row of readInputRows(path, { format: format! }).rows) {
        summary.rows += 1;
        if (row.problem) {
          reportProblem(`row ${row.index + 1}`, row.problem);
          continue;
        }
        const carrier = row.carrier || defaultCarrier;
        try {
          checkWatchable(row.trackingNumber, carrier);
          const known = await existingTracking(shop, row.trackingNumber, carrier);
          await shop.watch(row.trackingNumber, { ...(carrier ? { carrier } : {}), ...(row.orderId ? { orderId: row.orderId } : {}) });
          if (known) summary.alreadyWatched += 1;
          else summary.watched += 1;
          if (row.orderId) orderIds.add(row.orderId);
        } catch (error) {
          reportProblem(`row ${row.index + 1} (${row.trackingNumber})`, (error as Error)?.message ?? String(error));
        }
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
