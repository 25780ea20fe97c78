import { isAbsolute, resolve } from 'node:path';
import type { Store } from '@wismo/store';
import type { CliContext } from '../context';
import { runtimeError, usageError } from '../errors';

/** The store every command uses when `--store` is not given and `DATABASE_URL` is not set. */
export const DEFAULT_STORE_URL = 'sqlite:.wismo/wismo.db';

export const STORE_OPTION_HELP = `where wismo keeps what it watches: sqlite:<file> or postgres://… (default: $DATABASE_URL, else ${DEFAULT_STORE_URL})`;
export const SHOP_OPTION_HELP = 'the shop the command works on (several shops can share one store)';

export interface StoreCommandOptions {
  store?: string;
  shop?: string;
}

/**
 * `--store`, else `DATABASE_URL`, else the embedded SQLite file. A relative SQLite path is taken from the
 * command's working directory (not the process's), so `sqlite:.wismo/wismo.db` means the same file as the
 * user's shell says.
 */
export function resolveStoreUrl(option: string | undefined, context: Pick<CliContext, 'env' | 'cwd'>): string {
  const url = (option ?? context.env.DATABASE_URL ?? DEFAULT_STORE_URL).trim();
  if (url === '') throw usageError('--store is empty.', `Give sqlite:<file> or postgres://…, or leave it out for ${DEFAULT_STORE_URL}.`);
  const sqlite = /^sqlite:(.*)$/i.exec(url);
  if (sqlite) {
    const path = sqlite[1]!;
    if (path === '') throw usageError('--store sqlite: needs a file, e.g. sqlite:.wismo/wismo.db.');
    if (path === ':memory:' || isAbsolute(path)) return url;
    return `sqlite:${resolve(context.cwd, path)}`;
  }
  if (/^(postgres|postgresql):\/\//i.test(url) || /^memory:/i.test(url)) return url;
  throw usageError(`--store must be sqlite:<file> or postgres://…, not "${describeStoreUrl(url)}".`);
}

/** The URL as it may be printed: a PostgreSQL password is replaced (secrets never reach the terminal or logs). */
export function describeStoreUrl(url: string): string {
  try {
    if (/^(postgres|postgresql):\/\//i.test(url)) {
      const parsed = new URL(url);
      if (parsed.password) parsed.password = '***';
      return parsed.toString();
    }
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
  return url;
}

/** The shop id from `--shop`: letters, digits, `_` and `-`. */
export function shopIdFrom(option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(option))
    throw usageError(`--shop must be a shop id (letters, digits, _ and -), not "${option}".`);
  return option;
}

/** Opens (and migrates) the store; a failure says which store, without its password. */
export async function openStore(
  options: StoreCommandOptions,
  context: Pick<CliContext, 'env' | 'cwd'>,
  extras: { clock?: () => Date } = {},
): Promise<{ store: Store; url: string }> {
  const url = resolveStoreUrl(options.store, context);
  const { createStore } = await import('@wismo/store');
  try {
    const store = await createStore({ url, ...(extras.clock ? { clock: extras.clock } : {}) });
    return { store, url };
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    throw runtimeError(
      `Cannot open the store ${describeStoreUrl(url)}: ${message}`,
      'Check --store (or DATABASE_URL): the directory of a SQLite file must be writable; a PostgreSQL server must be reachable.',
      error,
    );
  }
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(
  options: StoreCommandOptions,
  context: Pick<CliContext, 'env' | 'cwd'>,
  work: (store: Store, url: string) => Promise<T>,
  extras: { clock?: () => Date } = {},
): Promise<T> {
  const { store, url } = await openStore(options, context, extras);
  try {
    return await work(store, url);
  } finally {
    await store.close();
  }
}
