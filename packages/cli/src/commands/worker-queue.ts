import type { PushSubscriber, RateLimit, Tracker } from '@wismo/core';
import type { CarrierRequestCounter, Store } from '@wismo/store';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, runtimeError, usageError, type ExitCode } from '../errors';
import { createWorkerNotifications } from '../notify/worker-notifications';
import { describeStoreUrl } from '../store/open-store';
import { describeOutboxEvent, describePushSubscriptions } from './worker';

export interface QueueWorkerRun {
  store: Store;
  storeUrl: string;
  queueUrl: string;
  tracker: Tracker;
  /** The configured accounts' own limits (a raised quota), per carrier. */
  rateLimits: Record<string, RateLimit>;
  /** The counter whose observers the tracker's adapters were given: flushed by the queue worker every tick. */
  requestCounter?: CarrierRequestCounter;
  /** Carrier push accounts whose subscriptions the maintenance queue makes and renews (serve-push.ts). */
  pushSubscribers?: readonly PushSubscriber[];
  /** Where the carriers push (`--public-url`): given with `pushSubscribers`. */
  publicUrl?: string;
  notify: boolean;
  events: boolean;
  clock?: () => Date;
}

/** `--queue redis://…|postgres://…`: checked before anything is opened. */
export function checkQueueUrl(url: string): string {
  const trimmed = url.trim();
  if (!/^(rediss?|postgres|postgresql):\/\/./i.test(trimmed))
    throw usageError(
      `--queue must be redis://… or postgres://…, not "${trimmed.replace(/\/\/[^@/]*@/, '//***@')}".`,
      'Give the Redis or PostgreSQL that every worker of this deployment shares; leave --queue out to run the built-in scheduler.',
    );
  return trimmed;
}

/**
 * One of any number of worker processes sharing a BullMQ backend: the refresh tick, one rate-limited queue
 * per carrier account, and the notification dispatcher, until Ctrl-C / SIGTERM (jobs in progress are stored first).
 */
export async function runQueueWorker(run: QueueWorkerRun, context: CliContext): Promise<ExitCode> {
  const { openQueueConnection, startQueueWorker, describeQueueUrl } = await import('@wismo/queue');
  let connection;
  try {
    connection = await openQueueConnection(run.queueUrl);
  } catch (error) {
    throw runtimeError(
      `Cannot open the queue ${describeQueueUrl(run.queueUrl)}: ${(error as Error)?.message ?? String(error)}`,
      'Check --queue: the Redis or PostgreSQL server must be reachable from this machine.',
      error,
    );
  }
  const notifications = run.notify ? await createWorkerNotifications(run.store, context.env, run.clock ? { clock: run.clock } : {}) : null;
  if (notifications?.kind === 'off')
    writeLine(context.stderr, `Notifications are off: ${notifications.reason} (set SMTP_URL or Twilio's variables, or pass --no-notify).`);
  let refreshed = 0;
  let changed = 0;
  let errors = 0;
  const worker = await startQueueWorker({
    connection,
    store: run.store,
    tracker: run.tracker,
    rateLimits: run.rateLimits,
    ...(run.requestCounter ? { requestCounter: run.requestCounter } : {}),
    ...(run.pushSubscribers?.length ? { pushSubscribers: run.pushSubscribers } : {}),
    ...(run.clock ? { clock: run.clock } : {}),
    ...(notifications?.kind === 'on' ? { dispatcher: notifications.dispatcher } : {}),
    onRefreshed(item) {
      refreshed += 1;
      if (item.changed) changed += 1;
      if (!item.ok) errors += 1;
    },
    ...(run.events
      ? { onEvents: (events) => events.forEach((event) => writeLine(context.stdout, `  ${describeOutboxEvent(event)}`)) }
      : {}),
  });
  const limits = [...worker.carrierQueues]
    .map(([carrier, { limit }]) => `${carrier} (${limit.max} request${limit.max === 1 ? '' : 's'} / ${limit.duration} ms)`)
    .join(', ');
  writeLine(
    context.stderr,
    `wismo worker ${worker.workerId} on ${describeStoreUrl(run.storeUrl)} (${run.store.engine}) with the ${connection.kind} queue ${connection.description} — carriers: ${limits}`,
  );
  if (run.pushSubscribers?.length && run.publicUrl)
    writeLine(context.stderr, describePushSubscriptions(run.pushSubscribers, run.publicUrl));
  if (notifications?.kind === 'on') writeLine(context.stderr, `Notifications on: ${notifications.channels.join(', ')} and shop webhooks.`);
  writeLine(
    context.stderr,
    'Running until stopped (Ctrl-C or SIGTERM); start as many workers as you like on the same --queue and --store.',
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      if (context.handleSignals) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      writeLine(context.stderr, '\nStopping after the jobs in progress are stored…');
      resolve();
    };
    if (context.handleSignals) {
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }
    if (context.signal?.aborted) stop();
    else context.signal?.addEventListener('abort', stop, { once: true });
  });
  try {
    await worker.close();
  } finally {
    if (notifications?.kind === 'on') await notifications.close();
  }
  writeLine(context.stdout, `Stopped. Refreshed ${refreshed}, changed ${changed}, errors ${errors}.`);
  return EXIT_CODES.ok;
}
