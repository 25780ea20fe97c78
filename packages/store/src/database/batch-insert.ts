import { CompiledQuery, type Kysely } from 'kysely';
import type { StoreEngine } from '../store-types';
import type { Database } from './tables';

export interface BatchInsert<Row, Returned> {
  /** Inserts the rows in statements of at most `rowsPerStatement` rows; returns what the `returning` clause gives. */
  (executor: Kysely<Database>, rows: readonly Row[]): Promise<Returned[]>;
}

const quote = (identifier: string) => `"${identifier}"`;

/**
 * A multi-row INSERT on ingest's hot path, its SQL written once per row count instead of built through Kysely's
 * query builder for every batch (whose parse and compile of thousands of values cost as much as SQLite's run).
 * The text is the one Kysely would compile, so better-sqlite3's statement cache keeps reusing it; the schema and
 * every other query stay with Kysely. `tail` is the rest of the statement (conflict and returning clauses), SQL
 * without values.
 */
export function batchInsert<Row extends Record<string, unknown>, Returned = never>(
  engine: StoreEngine,
  table: keyof Database & string,
  columns: ReadonlyArray<keyof Row & string>,
  options: { tail?: string; rowsPerStatement: number },
): BatchInsert<Row, Returned> {
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
  return async (executor, rows) => {
    const returned: Returned[] = [];
    for (let start = 0; start < rows.length; start += options.rowsPerStatement) {
      const count = Math.min(options.rowsPerStatement, rows.length - start);
      const parameters: unknown[] = new Array(count * columns.length);
      let index = 0;
      for (let row = start; row < start + count; row++) {
        const values = rows[row]!;
        // undefined cannot be bound: a missing value is NULL, as the table's columns expect.
        for (const column of columns) parameters[index++] = values[column] ?? null;
      }
      const result = await executor.executeQuery<Returned>(CompiledQuery.raw(textFor(count), parameters));
      // Without a returning clause there are no rows.
      returned.push(...result.rows);
    }
    return returned;
  };
}
