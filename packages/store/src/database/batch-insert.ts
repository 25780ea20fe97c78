import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { StoreEngine } from '../store-types';
import type { Database } from './tables';

export interface BatchInsert<Row> {
  /** Inserts the rows in statements of at most `rowsPerStatement` rows. */
  (executor: Kysely<Database>, rows: readonly Row[]): Promise<void>;
}

const quote = (identifier: string) => `"${identifier}"`;

/**
 * A multi-row INSERT on ingest's hot path, its SQL written once per row count instead of built through Kysely's
 * query builder for every batch (whose parse and compile of thousands of values cost as much as SQLite's run).
 * The text is the one Kysely would compile, so better-sqlite3's statement cache keeps reusing it; the schema and
 * every other query stay with Kysely. `tail` is the rest of the statement (a conflict clause), SQL without values;
 * for the ids of the rows written, see `batchInsertWithIds`.
 */
export function batchInsert<Row extends Record<string, unknown>>(
  engine: StoreEngine,
  table: keyof Database & string,
  columns: ReadonlyArray<keyof Row & string>,
  options: { tail?: string; rowsPerStatement: number },
): BatchInsert<Row> {
  const run = statementRunner(engine, table, columns, options);
  return (executor, rows) => run(executor, rows, () => undefined);
}

export interface InsertedRow {
  id: number;
  key: string;
}

/**
 * A multi-row INSERT into a table with an AUTOINCREMENT `id` and a unique text key, skipping rows whose key is
 * already there; returns the id of each row written. PostgreSQL: through `returning`. SQLite: its `returning`
 * costs about as much as the insert itself (the rows go through a temporary table), so the ids are worked out
 * instead. Under the write transaction's lock every id above the sequence read just before the statement is one
 * of its rows, given in row order: when none was skipped they are the next `count` ids; when some were, the
 * written ones are read back by that id range.
 */
export function batchInsertWithIds<Row extends Record<string, unknown>>(
  engine: StoreEngine,
  table: keyof Database & string,
  columns: ReadonlyArray<keyof Row & string>,
  options: { idColumn: string; keyColumn: keyof Row & string; rowsPerStatement: number },
): (executor: Kysely<Database>, rows: readonly Row[]) => Promise<InsertedRow[]> {
  const { idColumn, keyColumn } = options;
  const conflict = `on conflict (${quote(keyColumn)}) do nothing`;
  const returning = `${conflict} returning ${quote(idColumn)} as "id", ${quote(keyColumn)} as "key"`;
  const run = statementRunner(engine, table, columns, { ...options, tail: engine === 'postgres' ? returning : conflict });
  const sequence = CompiledQuery.raw(`select "seq" from "sqlite_sequence" where "name" = ?`, [table]);
  const readBack = `select ${quote(idColumn)} as "id", ${quote(keyColumn)} as "key" from ${quote(table)} where ${quote(idColumn)} > ? and ${quote(idColumn)} <= ? order by ${quote(idColumn)}`;
  return async (executor, rows) => {
    const inserted: InsertedRow[] = [];
    if (engine === 'postgres') {
      await run(executor, rows, (result) => {
        for (const row of result.rows as Array<{ id: number | string; key: string }>) inserted.push({ id: Number(row.id), key: row.key });
      });
      return inserted;
    }
    const lastAssigned = async () => Number((await executor.executeQuery<{ seq: number }>(sequence)).rows[0]?.seq ?? 0);
    let before = await lastAssigned();
    const skipping: Array<{ after: number; last: number }> = [];
    await run(executor, rows, (result, start, count) => {
      const written = Number(result.numAffectedRows ?? 0);
      const last = written === 0 ? before : Number(result.insertId);
      if (written === count && last === before + count) {
        for (let offset = 0; offset < count; offset++)
          inserted.push({ id: before + 1 + offset, key: rows[start + offset]![keyColumn] as string });
      } else if (written > 0) skipping.push({ after: before, last });
      before = last;
    });
    // Rare (a key already written): the statement's rows read back. Its ids start after the previous statement's
    // last id, or later when skipped rows used some up (then the check above fails and reads back too).
    for (const { after, last } of skipping) {
      const result = await executor.executeQuery<InsertedRow>(CompiledQuery.raw(readBack, [after, last]));
      for (const row of result.rows) inserted.push({ id: Number(row.id), key: row.key });
    }
    return inserted;
  };
}

type StatementResult = QueryResult<unknown>;

/** Runs the rows in statements of at most `rowsPerStatement` rows, the SQL text of each row count written once. */
function statementRunner<Row extends Record<string, unknown>>(
  engine: StoreEngine,
  table: keyof Database & string,
  columns: ReadonlyArray<keyof Row & string>,
  options: { tail?: string; rowsPerStatement: number },
): (
  executor: Kysely<Database>,
  rows: readonly Row[],
  onResult: (result: StatementResult, start: number, count: number) => void,
) => Promise<void> {
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  const tail = options.tail ? ` ${options.tail}` : '';
  const texts = new Map<number, string>();
  const textFor = (count: number) => {
    let text = texts.get(count);
    if (text !== undefined) return text;
    const tuples: string[] = [];
    for (let row = 0; row < count; row++) {
      const placeholders: string[] = [];
      for (let column = 0; column < columns.length; column++)
        placeholders.push(engine === 'postgres' ? `$${row * columns.length + column + 1}` : '?');
      tuples.push(`(${placeholders.join(', ')})`);
    }
    texts.set(count, (text = `${head}${tuples.join(', ')}${tail}`));
    return text;
  };
  return async (executor, rows, onResult) => {
    for (let start = 0; start < rows.length; start += options.rowsPerStatement) {
      const count = Math.min(options.rowsPerStatement, rows.length - start);
      const parameters: unknown[] = new Array(count * columns.length);
      let index = 0;
      for (let row = start; row < start + count; row++) {
        const values = rows[row]!;
        // undefined cannot be bound: a missing value is NULL, as the table's columns expect.
        for (const column of columns) parameters[index++] = values[column] ?? null;
      }
      onResult(await executor.executeQuery(CompiledQuery.raw(textFor(count), parameters)), start, count);
    }
  };
}
