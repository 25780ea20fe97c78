import { sql } from 'kysely';
import { openDatabase } from '../database/open-database';

/** Benchmarks: leaves one tracking in `share` due now and moves the others' next check `laterMs` on. */
export async function deferAllButOneIn(url: string, share: number, laterMs: number): Promise<void> {
  const { db } = openDatabase(url);
  try {
    await sql`update trackings set next_check_at = next_check_at + ${laterMs} where rowid % ${share} <> 0`.execute(db);
  } finally {
    await db.destroy();
  }
}
