import { POSTGRES_URL, postgresTestDatabase, sqliteTestDatabase } from '../../packages/store/src/__fixtures__/test-stores';

/**
 * Runs a store bench on a fresh SQLite file, then on a PostgreSQL schema of its own when `DATABASE_URL` is set
 * (other work shares that server); each database is dropped afterwards. Results in engine order.
 */
export async function onEachEngine<T>(runOn: (engine: 'sqlite' | 'postgres', url: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const create of [sqliteTestDatabase, ...(POSTGRES_URL ? [() => postgresTestDatabase(POSTGRES_URL!)] : [])]) {
    const database = create();
    try {
      results.push(await runOn(database.engine, database.url));
    } finally {
      await database.drop();
    }
  }
  if (!POSTGRES_URL) console.log('postgres: SKIPPED (DATABASE_URL is not set)');
  return results;
}
