import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Dialect } from 'kysely';
import { GenericSqliteWorkerDialect } from 'kysely-generic-sqlite/worker';
import { createNodeMitt } from 'kysely-generic-sqlite/worker-helper-node';
import { StoreError } from '../store-error';

const resolveModule = createRequire(import.meta.url).resolve;

/** Rows per message of a query's result; the last chunk comes with the answer itself. */
const ROWS_PER_CHUNK = 1_000;
/** The message carrying a chunk of rows (beside kysely-generic-sqlite's events "0" to "4"). */
const ROWS_EVENT = 'rows';

/** Least time between two checkpoints the thread runs on its own, between queries. */
const CHECKPOINT_EVERY_MS = 250;

/** Most prepared statements kept per SQLite connection. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The thread's code, plain CommonJS run with `eval`, so that it needs no file of its own beside the source or the
 * build: it opens the database, applies the pragmas, and answers Kysely's queries with kysely-generic-sqlite's
 * message protocol, a result's rows sent ahead in chunks (a large result is then never whole in the thread, and the
 * process reads one chunk while the thread reads the next). Kysely prepares every query anew; ingest runs the same
 * few batched statements over and over, whose parse (thousands of placeholders) costs more than some of their runs,
 * so prepared statements are kept by SQL text, oldest dropped first.
 */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const { createNodeOnMessageCallback } = require(workerData.protocol);
createNodeOnMessageCallback(() => {
  const database = new Database(workerData.path);
  for (const pragma of workerData.pragmas) database.pragma(pragma);
  // After a write, the WAL's new pages are copied into the database between queries (after the answer has gone), at
  // most every checkpointEveryMs: a query that arrives meanwhile waits for the copy instead of a commit waiting for
  // it. SQLite's own checkpoint inside a commit stays as the backstop for writes that never pause.
  let lastCheckpoint = -Infinity;
  let checkpointTimer = null;
  const checkpointWhenIdle = () => {
    if (checkpointTimer !== null || workerData.path === ':memory:') return;
    const wait = Math.max(0, lastCheckpoint + workerData.checkpointEveryMs - performance.now());
    checkpointTimer = setTimeout(() => {
      checkpointTimer = null;
      // A message read meanwhile may have opened a transaction: the write that ends it schedules the next one.
      if (database.inTransaction) return;
      lastCheckpoint = performance.now();
      try {
        // PASSIVE copies what no reader still needs and never waits for a lock.
        database.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Nothing is lost (the WAL keeps the pages); an I/O fault surfaces in the next query's own answer.
      }
    }, wait);
  };
  const statements = new Map();
  const prepare = (sql) => {
    let statement = statements.get(sql);
    if (statement) return statement;
    statement = database.prepare(sql);
    if (statements.size >= workerData.statementCacheSize) statements.delete(statements.keys().next().value);
    statements.set(sql, statement);
    return statement;
  };
  return {
    db: database,
    query(_isSelect, sql, parameters) {
      const statement = prepare(sql);
      if (statement.reader) {
        // Rows go out a chunk at a time, so that a large result is never whole in this thread.
        let chunk = [];
        for (const row of statement.iterate(parameters)) {
          chunk.push(row);
          if (chunk.length === workerData.rowsPerChunk) {
            parentPort.postMessage([workerData.rowsEvent, chunk]);
            chunk = [];
          }
        }
        return { rows: chunk };
      }
      const { changes, lastInsertRowid } = statement.run(parameters);
      // A transaction, or a write outside one, has ended: the WAL may have grown.
      if (!database.inTransaction) checkpointWhenIdle();
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    },
    close: () => {
      clearTimeout(checkpointTimer);
      database.close();
    },
  };
});
`;

/**
 * A Kysely dialect whose SQLite connection lives in its own thread: the writes, the commit's sync and the checkpoints
 * run beside the process's event loop instead of blocking it, so a worker tracks the next batch while SQLite writes
 * this one. The thread keeps the process alive only while a query is waiting for it (a store left open does not
 * hold the process at exit).
 */
export function sqliteThreadDialect(path: string, pragmas: readonly string[]): Dialect {
  return new GenericSqliteWorkerDialect(() => {
    const worker = new Worker(THREAD_CODE, {
      eval: true,
      // Rows leave the thread a chunk at a time and die young: a small young generation keeps its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
      workerData: {
        path,
        pragmas,
        statementCacheSize: STATEMENT_CACHE_SIZE,
        checkpointEveryMs: CHECKPOINT_EVERY_MS,
        rowsPerChunk: ROWS_PER_CHUNK,
        rowsEvent: ROWS_EVENT,
        betterSqlite3: resolveModule('better-sqlite3'),
        protocol: resolveModule('kysely-generic-sqlite/worker-helper-node'),
      },
    });
    const mitt = createNodeMitt();
    let waiting = 0;
    let stopped: StoreError | null = null;
    worker.unref();
    // Kysely sends one message per query (not streamed) and the thread answers each with one message, after the
    // chunks of its rows; a message's first item is its event: "0" start-up, "1" a query, "2" close.
    const postMessage = worker.postMessage.bind(worker);
    worker.postMessage = (message: [string, ...unknown[]]) => {
      // A dead thread would never answer: the query fails (once its caller listens, after this call).
      if (stopped) return void queueMicrotask(() => mitt.emit(message[0], undefined, stopped));
      if (waiting++ === 0) worker.ref();
      postMessage(message);
    };
    // A thread that dies (a crash in the native module, out of memory) fails the waiting query and every later one.
    const fail = (cause: unknown) => {
      stopped ??= new StoreError('unavailable', `The SQLite thread stopped: ${String((cause as Error)?.message ?? cause)}`, { cause });
      if (waiting === 0) return;
      waiting = 0;
      for (const event of ['0', '1', '2']) mitt.emit(event, undefined, stopped);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    return {
      worker,
      mitt,
      handle: (thread, deliver) => {
        // One query at a time (Kysely's connection mutex): the chunks before an answer are its first rows.
        let chunks: unknown[][] = [];
        thread.on('message', (message: [string, { rows?: unknown[] } | null, unknown]) => {
          if (message[0] === ROWS_EVENT) return void chunks.push(message[1] as unknown as unknown[]);
          if (chunks.length > 0) {
            if (message[1]?.rows) message[1].rows = chunks.flat().concat(message[1].rows);
            chunks = [];
          }
          if (--waiting === 0) thread.unref();
          deliver(message as Parameters<typeof deliver>[0]);
        });
      },
    };
  });
}
