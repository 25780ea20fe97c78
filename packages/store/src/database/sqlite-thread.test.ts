import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../create-store';
import { StoreError } from '../store-error';
import { sqliteThreadDialect } from './sqlite-thread';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childPath = fileURLToPath(new URL('../__fixtures__/open-store-child.ts', import.meta.url));

describe('SQLite in its own thread', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'wismo-sqlite-thread-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps the event loop running while a write waits for another writer, and writes once the lock is free', async () => {
    const path = join(directory, 'wismo.db');
    const store = await createStore({ url: `sqlite:${path}` });
    const other = new BetterSqlite3(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      let watched = false;
      const watching = store
        .shop()
        .watch('1Z999AA10123456784', { carrier: 'ups' })
        .then((tracking) => ((watched = true), tracking));
      // In the main thread, better-sqlite3 would wait for the lock synchronously: no timer would fire, and the
      // other writer could never commit.
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 10);
      await new Promise((resolve) => setTimeout(resolve, 300));
      clearInterval(timer);
      expect(ticks).toBeGreaterThanOrEqual(10);
      expect(watched).toBe(false);
      other.exec('COMMIT');
      const tracking = await watching;
      expect((await store.shop().getTracking(tracking.id))?.trackingNumber).toBe('1Z999AA10123456784');
    } finally {
      other.close();
      await store.close();
    }
  });

  it('does not keep the process alive once no query waits for it', async () => {
    const url = `sqlite:${join(directory, 'wismo.db')}`;
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', childPath, url], { cwd: repositoryRoot });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // A process held open by its store would never exit: fail well before vitest's own timeout.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the process did not exit by itself; stdout: ${stdout}`));
      }, 20_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('watched 1Z999AA10123456784\n');
    expect(result.code).toBe(0);
  }, 30_000);

  it('answers a result larger than one chunk whole and in order', async () => {
    const driver = sqliteThreadDialect(join(directory, 'wismo.db'), []).createDriver();
    await driver.init();
    const connection = await driver.acquireConnection();
    try {
      const count = (n: number) =>
        connection.executeQuery<{ i: number }>(
          CompiledQuery.raw(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n}) select i from n`),
        );
      const { rows } = await count(2_500);
      expect(rows.map((row) => row.i)).toEqual(Array.from({ length: 2_500 }, (_, index) => index + 1));
      // The next query's rows start afresh.
      expect((await count(3)).rows).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    } finally {
      await driver.releaseConnection(connection);
      await driver.destroy();
    }
  });

  it('copies committed writes into the database file once the thread is idle, not only inside a later commit', async () => {
    const path = join(directory, 'wismo.db');
    // SQLite's own checkpoint would wait for 10,000 pages of WAL: these writes stay far below.
    const driver = sqliteThreadDialect(path, ['journal_mode = WAL', 'wal_autocheckpoint = 10000']).createDriver();
    await driver.init();
    const connection = await driver.acquireConnection();
    const run = (text: string) => connection.executeQuery(CompiledQuery.raw(text));
    let copies = 0;
    const rowsInDatabaseFile = () => {
      // The database file alone, without its WAL: what has been checkpointed.
      const copy = join(directory, `copy-${copies++}.db`);
      copyFileSync(path, copy);
      let reader: BetterSqlite3.Database | undefined;
      try {
        reader = new BetterSqlite3(copy, { readonly: true });
        const table = reader.prepare(`select count(*) as n from sqlite_master where name = 'parcels'`).get() as { n: number };
        return table.n === 0 ? 0 : (reader.prepare('select count(*) as n from parcels').get() as { n: number }).n;
      } catch {
        return -1; // copied while a checkpoint was writing it: look again
      } finally {
        reader?.close();
      }
    };
    try {
      await run('create table parcels (number text)');
      // Two transactions in quick succession: the second lands within the interval and is copied after it.
      for (const batch of [0, 1]) {
        await run('begin immediate');
        await run(
          `with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) insert into parcels select '${batch}-' || i from n`,
        );
        await run('commit');
      }
      let copied = rowsInDatabaseFile();
      for (let attempt = 0; attempt < 100 && copied < 100; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        copied = rowsInDatabaseFile();
      }
      expect(copied).toBe(100);
    } finally {
      await driver.releaseConnection(connection);
      await driver.destroy();
    }
  });

  it('fails the waiting query with a StoreError when the thread dies', async () => {
    const driver = sqliteThreadDialect(join(directory, 'wismo.db'), ['journal_mode = WAL']).createDriver();
    await driver.init();
    const connection = await driver.acquireConnection();
    // A query that runs for a while, so the thread is ended while the query waits for its answer.
    const slow = connection.executeQuery(
      CompiledQuery.raw('with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) from n'),
    );
    await (driver as unknown as { worker: Worker }).worker.terminate();
    const error = await slow.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^The SQLite thread stopped: it exited with code 1/),
    });
    // A later query gets the same answer instead of waiting for a thread that is gone.
    await expect(connection.executeQuery(CompiledQuery.raw('select 1'))).rejects.toBe(error);
  });
});
