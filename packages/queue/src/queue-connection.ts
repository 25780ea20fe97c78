import {
  Queue,
  Worker,
  createPostgresBackend,
  runMigrations,
  type IQueueBackend,
  type Processor,
  type QueueOptions,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Where the jobs live: Redis, or BullMQ's PostgreSQL backend (its own schema, beside or inside the store's database). */
export type QueueBackendKind = 'redis' | 'postgres';

/** A queue on either backend (the high-level API is the same). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BackendQueue<Data> = Queue<Data, unknown, string, Data, unknown, string, IQueueBackend, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BackendWorker<Data, Result> = Worker<Data, Result, string, IQueueBackend, any, any>;

/** An open connection to the queue backend, shared by every queue and worker of one process. */
export interface QueueConnection {
  readonly kind: QueueBackendKind;
  /** The URL as it may be printed (no password). */
  readonly description: string;
  /** Redis key prefix or PostgreSQL schema that namespaces every wismo queue of this deployment. */
  readonly namespace: string;
  createQueue<Data>(name: string, options?: Omit<QueueOptions, 'connection'>): BackendQueue<Data>;
  createWorker<Data, Result>(
    name: string,
    processor: Processor<Data, Result>,
    options?: Omit<WorkerOptions, 'connection'>,
  ): BackendWorker<Data, Result>;
  close(): Promise<void>;
}

export interface OpenQueueConnectionOptions {
  /**
   * Redis key prefix (default: the URL's `?prefix=`, else `wismo`) or PostgreSQL schema (default: the URL's
   * `?schema=`, else `bullmq`). Deployments sharing one Redis or one database use different ones.
   */
  namespace?: string;
  /** PostgreSQL connections of each queue's and worker's own pool (a worker adds one for LISTEN). Default 1. */
  poolSize?: number;
}

/** The scheme decides the backend: `redis://`, `rediss://` (TLS), `postgres://`, `postgresql://`. */
export function queueBackendKind(url: string): QueueBackendKind | null {
  if (/^rediss?:\/\//i.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  return null;
}

/** The URL without its password, for logs and the terminal. */
export function describeQueueUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

const NAMESPACE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Connects to Redis or PostgreSQL and, for PostgreSQL, brings BullMQ's schema up to date (`runMigrations`
 * runs under an advisory lock, so workers starting together migrate once).
 */
export async function openQueueConnection(url: string, options: OpenQueueConnectionOptions = {}): Promise<QueueConnection> {
  const kind = queueBackendKind(url);
  if (!kind) throw new TypeError(`A queue URL is redis://… or postgres://…, not "${describeQueueUrl(url)}".`);
  const parsed = new URL(url);
  const description = describeQueueUrl(url);
  if (kind === 'redis') {
    const namespace = options.namespace ?? parsed.searchParams.get('prefix') ?? 'wismo';
    if (!NAMESPACE_PATTERN.test(namespace)) throw new TypeError(`The queue prefix "${namespace}" must be letters, digits and _.`);
    parsed.searchParams.delete('prefix');
    // BullMQ's workers block on Redis: ioredis must retry commands for ever rather than fail them.
    const redis = new Redis(parsed.toString(), { maxRetriesPerRequest: null, lazyConnect: true });
    await redis.connect();
    return {
      kind,
      description,
      namespace,
      createQueue: <Data>(name: string, queueOptions?: Omit<QueueOptions, 'connection'>) =>
        new Queue<Data>(name, { ...queueOptions, connection: redis, prefix: namespace }) as unknown as BackendQueue<Data>,
      createWorker: <Data, Result>(name: string, processor: Processor<Data, Result>, workerOptions?: Omit<WorkerOptions, 'connection'>) =>
        new Worker<Data, Result>(name, processor, { ...workerOptions, connection: redis, prefix: namespace }) as unknown as BackendWorker<
          Data,
          Result
        >,
      async close() {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const namespace = options.namespace ?? parsed.searchParams.get('schema') ?? 'bullmq';
  if (!NAMESPACE_PATTERN.test(namespace)) throw new TypeError(`The queue schema "${namespace}" must be letters, digits and _.`);
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  const migrator = new pg.Client({ connectionString });
  await migrator.connect();
  try {
    await runMigrations(migrator, namespace);
  } finally {
    await migrator.end();
  }
  // Each queue and worker owns a one-connection pool (plus, for a worker, its LISTEN client): BullMQ only
  // honours the schema for pools it builds itself, and small pools keep three workers well inside max_connections.
  const connection = { connectionString, schema: namespace, max: options.poolSize ?? 1 };
  return {
    kind,
    description,
    namespace,
    createQueue: <Data>(name: string, queueOptions?: Omit<QueueOptions, 'connection'>) =>
      new Queue<Data>(name, { ...queueOptions, connection } as never, createPostgresBackend as never) as unknown as BackendQueue<Data>,
    createWorker: <Data, Result>(name: string, processor: Processor<Data, Result>, workerOptions?: Omit<WorkerOptions, 'connection'>) =>
      new Worker<Data, Result>(
        name,
        processor,
        { ...workerOptions, connection } as never,
        createPostgresBackend as never,
      ) as unknown as BackendWorker<Data, Result>,
    async close() {
      // Every queue and worker closes its own pool.
    },
  };
}
