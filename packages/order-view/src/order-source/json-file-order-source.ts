import { readFile, stat } from 'node:fs/promises';
import type { Order } from '../order-schema';
import { indexOrders, lookUpOrders, type OrderIndex } from './in-memory-order-source';
import { OrderSourceError, type OrderSource } from './order-source';

export interface JsonFileOrderSource extends OrderSource {
  /** Reads the file again now, whatever its modification time says. */
  reload(): Promise<void>;
  readonly filePath: string;
}

interface Loaded {
  /** mtime and size: a change in either triggers a reload on the next lookup. */
  signature: string;
  index: OrderIndex | null;
  error: OrderSourceError | null;
}

/**
 * Orders from a JSON file: either `{ "orders": [...] }` or a bare array. The file is read on first use and
 * read again on any later lookup after its modification time or size changed (one `stat` per lookup, no
 * watcher to leak). A broken file makes lookups reject with an `OrderSourceError` (`file_unreadable`,
 * `invalid_json`, `invalid_orders`, `duplicate_order`) until it is fixed: stale orders are never served
 * silently.
 */
export function createJsonFileOrderSource(filePath: string): JsonFileOrderSource {
  let loaded: Loaded | null = null;
  let loading: Promise<Loaded> | null = null;

  async function signatureOf(): Promise<string> {
    try {
      const info = await stat(filePath);
      return `${info.mtimeMs}:${info.size}`;
    } catch (error) {
      throw new OrderSourceError(
        'file_unreadable',
        `Cannot read order file ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        { filePath, cause: error },
      );
    }
  }

  async function load(signature: string): Promise<Loaded> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      return {
        signature,
        index: null,
        error: new OrderSourceError(
          'file_unreadable',
          `Cannot read order file ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          { filePath, cause: error },
        ),
      };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return {
        signature,
        index: null,
        error: new OrderSourceError('invalid_json', `Order file ${filePath} is not valid JSON: ${(error as Error).message}`, {
          filePath,
          cause: error,
        }),
      };
    }
    const wrapped = !Array.isArray(data);
    const orders = Array.isArray(data) ? data : (data as { orders?: unknown } | null)?.orders;
    if (!Array.isArray(orders)) {
      return {
        signature,
        index: null,
        error: new OrderSourceError('invalid_orders', `Order file ${filePath} must hold an array of orders or { "orders": [...] }`, {
          filePath,
          issues: [{ path: wrapped ? 'orders' : '', message: 'Expected an array of orders' }],
        }),
      };
    }
    try {
      return { signature, index: indexOrders(orders, filePath, wrapped ? ['orders'] : []), error: null };
    } catch (error) {
      if (error instanceof OrderSourceError) return { signature, index: null, error };
      throw error;
    }
  }

  async function current(force = false): Promise<OrderIndex> {
    const signature = await signatureOf();
    if (force || !loaded || loaded.signature !== signature) {
      // Concurrent lookups after a change share one read.
      loading ??= load(signature).finally(() => {
        loading = null;
      });
      loaded = await loading;
    }
    if (loaded.error) throw loaded.error;
    return loaded.index!;
  }

  const lookUp = async <T>(read: (source: OrderSource) => Promise<T>): Promise<T> => read(lookUpOrders(await current()));

  return {
    filePath,
    getOrderById: (id: string): Promise<Order | null> => lookUp((source) => source.getOrderById(id)),
    getOrderByNumber: (number: string): Promise<Order | null> => lookUp((source) => source.getOrderByNumber(number)),
    findOrdersByCustomerEmail: (email: string): Promise<Order[]> => lookUp((source) => source.findOrdersByCustomerEmail(email)),
    async reload() {
      await current(true);
    },
  };
}
