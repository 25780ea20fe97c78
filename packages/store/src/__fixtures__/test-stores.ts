import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createStore } from '../create-store';
import type { Store } from '../store-types';

/** Where a conformance run keeps its data, and how to remove it afterwards. */
export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

export const POSTGRES_URL =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;

/** A real SQLite file in a fresh temporary directory. */
export function sqliteTestDatabase(): TestDatabase {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-store-'));
  return {
    engine: 'sqlite',
    url: `sqlite:${join(directory, 'nested', 'wismo.db')}`,
    async drop() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A unique schema on the real PostgreSQL at DATABASE_URL, dropped afterwards (other helpers share the server). */
export function postgresTestDatabase(baseUrl: string): TestDatabase {
  const schema = `wismo_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  return {
    engine: 'postgres',
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The engines to run a suite on: SQLite always; PostgreSQL when DATABASE_URL is set (else a visible skip). */
export function testEngines(): Array<{ name: 'sqlite' | 'postgres'; available: boolean; create: () => TestDatabase }> {
  if (!POSTGRES_URL) console.warn('[store tests] DATABASE_URL is not set: the PostgreSQL runs of the store suites are SKIPPED.');
  return [
    { name: 'sqlite', available: true, create: sqliteTestDatabase },
    { name: 'postgres', available: POSTGRES_URL !== undefined, create: () => postgresTestDatabase(POSTGRES_URL!) },
  ];
}

/**
 * Gives the suite a store in a fresh test database of `engine`, its clock standing at `now`: opened in `beforeAll` and
 * handed to `opened` (to keep, and to seed), closed and its database dropped in `afterAll`. Nothing runs where the engine
 * is unavailable.
 */
export function useTestStore(
  engine: { available: boolean; create: () => TestDatabase },
  now: Date,
  opened: (store: Store) => unknown,
): void {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    if (!engine.available) return;
    database = engine.create();
    store = await createStore({ url: database.url, clock: () => now });
    await opened(store);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
}
