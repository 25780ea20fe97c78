import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { RefreshedShipment } from '../queue-worker';
import type { QueueWorkerChildSettings } from './queue-worker-child';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childPath = fileURLToPath(new URL('./queue-worker-child.ts', import.meta.url));

export const REDIS_URL = process.env.REDIS_URL && /^rediss?:\/\//.test(process.env.REDIS_URL) ? process.env.REDIS_URL : undefined;
export const POSTGRES_URL =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;

export interface WorkerProcess {
  readonly pid: number;
  /** Refreshes this process stored, in order. */
  readonly refreshed: RefreshedShipment[];
  /** The last count this process reported (`report: false`), or its refresh lines. */
  readonly refreshedCount: number;
  /** Shipments whose job started here and is not stored yet. */
  readonly inFlight: ReadonlySet<string>;
  readonly ready: Promise<void>;
  /** Resolves with what the process printed last (`stopped` carries its CPU time). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: { refreshed: number; cpuMs: number } | null }>;
  /** Called on every refresh line (to wait for a count, or to kill mid-run). */
  onRefreshed(listener: (item: RefreshedShipment) => void): void;
  /** Called whenever a job starts in this process. */
  onStarted(listener: () => void): void;
  /** This process's CPU time and event-loop idle time so far (ms), and when it measured them (its own clock). */
  usage(): Promise<WorkerUsage>;
  kill(signal: NodeJS.Signals): void;
}

export interface WorkerUsage {
  cpuMs: number;
  idleMs: number;
  atMs: number;
}

/** Starts one `queue-worker-child.ts` process (TypeScript through tsx, as the store's crash tests do). */
export function startWorkerProcess(settings: QueueWorkerChildSettings): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', childPath, JSON.stringify(settings)], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const refreshed: RefreshedShipment[] = [];
  const listeners: Array<(item: RefreshedShipment) => void> = [];
  const startListeners: Array<() => void> = [];
  const inFlight = new Set<string>();
  const usageWaiters: Array<(usage: WorkerUsage) => void> = [];
  let progress = 0;
  let stopped = null as { refreshed: number; cpuMs: number } | null;
  let stderr = '';
  let buffered = '';
  let markReady!: () => void;
  let failReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const message = JSON.parse(line) as { type: string } & Record<string, unknown>;
      if (message.type === 'ready') markReady();
      else if (message.type === 'stopped') stopped = message as unknown as { refreshed: number; cpuMs: number };
      else if (message.type === 'progress') progress = message.refreshed as number;
      else if (message.type === 'usage') usageWaiters.splice(0).forEach((resolve) => resolve(message as unknown as WorkerUsage));
      else if (message.type === 'started') {
        inFlight.add(message.trackingId as string);
        for (const listener of startListeners) listener();
      } else if (message.type === 'refreshed') {
        const item = message as unknown as RefreshedShipment;
        inFlight.delete(item.trackingId);
        refreshed.push(item);
        for (const listener of listeners) listener(item);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (process.env.WISMO_QUEUE_CHILD_LOG) process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: typeof stopped }>((resolve) =>
    child.on('exit', (code, signal) => {
      failReady(new Error(`worker ${child.pid} exited (${code ?? signal}) before it was ready: ${stderr}`));
      if (signal === null && code !== 0) process.stderr.write(`worker ${child.pid} exited ${code}: ${stderr}\n`);
      resolve({ code, signal, stopped });
    }),
  );
  return {
    pid: child.pid!,
    refreshed,
    ready,
    exited,
    inFlight,
    get refreshedCount() {
      return Math.max(progress, refreshed.length);
    },
    onRefreshed: (listener) => listeners.push(listener),
    onStarted: (listener) => startListeners.push(listener),
    kill: (signal) => child.kill(signal),
    usage: () =>
      new Promise<WorkerUsage>((resolve) => {
        usageWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
  };
}

/** Resolves once `count` distinct shipments were stored by any of `workers`; rejects after `timeoutMs`. */
export function waitForRefreshes(workers: readonly WorkerProcess[], count: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = new Set<string>();
    const check = () => seen.size >= count && (clearTimeout(timer), resolve());
    const timer = setTimeout(() => reject(new Error(`only ${seen.size} of ${count} shipments refreshed after ${timeoutMs} ms`)), timeoutMs);
    for (const worker of workers) {
      for (const item of worker.refreshed) seen.add(item.trackingId);
      worker.onRefreshed((item) => (seen.add(item.trackingId), check()));
    }
    check();
  });
}

/** A queue backend of this run's own: a Redis key prefix or a PostgreSQL schema, removed afterwards. */
export interface TestQueueBackend {
  url: string;
  namespace: string;
  drop(): Promise<void>;
}

export function redisTestBackend(url: string): TestQueueBackend {
  const namespace = `wismo_test_${randomBytes(6).toString('hex')}`;
  return {
    url,
    namespace,
    async drop() {
      const redis = new Redis(url);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

export function postgresTestBackend(url: string): TestQueueBackend {
  const namespace = `wismo_queue_test_${randomBytes(6).toString('hex')}`;
  return {
    url,
    namespace,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${namespace}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
