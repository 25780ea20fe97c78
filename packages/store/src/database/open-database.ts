import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { StoreError } from '../store-error';
import { sqliteThreadDialect } from './sqlite-thread';
import type { StoreEngine } from '../store-types';
import type { Database } from './tables';

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: StoreEngine;
  /** Where the data is, without any password: for logs and errors. */
  description: string;
  /** PostgreSQL: the schema used (search_path). */
  schema: string | null;
}

export interface ParsedStoreUrl {
  engine: StoreEngine;
  /** SQLite: a file path or `:memory:`. PostgreSQL: the connection string without `schema`. */
  target: string;
  schema: string | null;
  description: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parseStoreUrl(url: string): ParsedStoreUrl {
  if (url === 'memory:' || url === 'sqlite::memory:')
    return { engine: 'sqlite', target: ':memory:', schema: null, description: 'sqlite in memory' };
  if (url.startsWith('sqlite:')) {
    let path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new StoreError('invalid_url', 'A sqlite: store URL needs a file path, e.g. sqlite:.wismo/wismo.db');
    return { engine: 'sqlite', target: path, schema: null, description: `sqlite file ${path}` };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (error) {
      throw new StoreError('invalid_url', 'The PostgreSQL URL cannot be parsed', { cause: error });
    }
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !SCHEMA_NAME.test(schema))
      throw new StoreError('invalid_url', `Invalid schema name "${schema}": lower-case letters, digits and _ only`);
    parsed.searchParams.delete('schema');
    const description = `postgres ${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host}${parsed.pathname}${schema ? ` schema ${schema}` : ''}`;
    return { engine: 'postgres', target: parsed.toString(), schema, description };
  }
  throw new StoreError(
    'invalid_url',
    'Unsupported store URL: use sqlite:<file>, memory:, or postgres://… (the URL is not repeated here because it may hold a password)',
  );
}

// bigint (int8) and count(*) come back from pg as strings; every such value here is an epoch or a count that fits a double.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function openDatabase(url: string, options: { poolSize?: number } = {}): OpenedDatabase {
  const parsed = parseStoreUrl(url);
  if (parsed.engine === 'sqlite') {
    if (parsed.target !== ':memory:') mkdirSync(dirname(resolve(parsed.target)), { recursive: true });
    const pragmas = [
      // 16 KB pages for a new file (an existing one keeps its own): a tracking row with its shipment (a few KB) fits
      // in its page instead of spilling into overflow pages, and a commit writes a quarter as many WAL frames, each
      // its own write call. Must come before WAL mode is set.
      'page_size = 16384',
      // WAL lets readers run beside the single writer; the busy timeout makes a second process wait instead of failing.
      'journal_mode = WAL',
      'busy_timeout = 10000',
      'synchronous = NORMAL',
      // 8 MB of page cache (the default is 2 MB): more of the B-trees stay in memory, the worker stays small.
      'cache_size = -8000',
      // The store's thread checkpoints between queries (see sqlite-thread.ts); SQLite's own checkpoint, inside the
      // commit that crosses 10,000 pages of WAL (160 MB with 16 KB pages, 40 MB in a file made with 4 KB pages), is
      // the backstop for writes that never pause. The limit truncates the WAL afterwards.
      'wal_autocheckpoint = 10000',
      'journal_size_limit = 67108864',
    ];
    const db = new Kysely<Database>({ dialect: sqliteThreadDialect(parsed.target, pragmas) });
    return { db, engine: 'sqlite', description: parsed.description, schema: null };
  }
  const pool = new pg.Pool({
    connectionString: parsed.target,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(parsed.schema ? { options: `-c search_path=${parsed.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', description: parsed.description, schema: parsed.schema };
}

/**
 * A write transaction. SQLite: `BEGIN IMMEDIATE` takes the write lock up front, so two processes never
 * deadlock upgrading a read lock (the busy timeout makes the second wait). PostgreSQL: an ordinary transaction.
 */
export async function withWriteTransaction<T>(
  db: Kysely<Database>,
  engine: StoreEngine,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (engine === 'postgres') return db.transaction().execute((trx) => work(trx));
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
