import { setFlagsFromString } from 'node:v8';
import type { EstimatedDelivery, PushSubscriber, RateLimit, Tracker } from '@wismo/core';
import type { Dispatcher, DispatchReport } from '@wismo/notify';
import type { OutboxEvent, RoundReport } from '@wismo/store';
import { createCliTracker, createConfiguredAdapters, credentialsHelp, loadConfig } from '../config';
import { writeLine, type CliContext, type OutputStream } from '../context';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';
import { createWorkerNotifications, describeDispatchReport, dispatchReportIsBusy } from '../notify/worker-notifications';
import { describeStoreUrl, withStore, type StoreCommandOptions } from '../store/open-store';
import { PUBLIC_URL_ENV, hasPushSubscriberVariables, readPublicUrl, readServePushSubscribers } from '../store/serve-push';
import { startSandboxTracker } from './sandbox-tracker';

export interface WorkerCommandOptions extends Pick<StoreCommandOptions, 'store'> {
  config?: string;
  batchSize?: string;
  idle?: string;
  once?: boolean;
  events?: boolean;
  /** Check against the sandbox carriers on loopback (no credentials). */
  sandbox?: boolean;
  /** `false` with `--no-notify`: do not run the notification dispatcher. */
  notify?: boolean;
  /** `redis://…` or `postgres://…`: run as one of several BullMQ workers (`WISMO_QUEUE_URL` when not given). */
  queue?: string;
  /** `--public-url`: the origin of `wismo serve`, where carriers push (default $WISMO_PUBLIC_URL); turns on push subscriptions. */
  publicUrl?: string;
}

export interface RunWorkerExtras {
  /** Use this tracker instead of the configured carriers (tests, the demo). */
  tracker?: Tracker;
  /** The scheduler's clock (tests, the demo's sandbox clock). */
  clock?: () => Date;
}

/** The line a worker starts with when it makes and renews carrier push subscriptions (the URL is public, no secret). */
export function describePushSubscriptions(subscribers: readonly PushSubscriber[], publicUrl: string): string {
  const carriers = subscribers.map((subscriber) => subscriber.carrier).join(', ');
  return `Push subscriptions (${carriers}) made and renewed, pushing to ${publicUrl.replace(/\/+$/, '')}/webhooks/carriers/…`;
}

/** Pause of the notification dispatcher between rounds that found nothing due (a held message waits at most this long). */
const DISPATCH_IDLE_MS = 1_000;

/** An estimate as the carrier gave it: a window `from/to`, and a wall time marked local (its offset is unknown). */
function etaText(eta: EstimatedDelivery | null): string {
  if (!eta) return 'none';
  const value = eta.from && eta.to && eta.from !== eta.to ? `${eta.from}/${eta.to}` : (eta.to ?? eta.from ?? 'none');
  return eta.timeKind === 'local' ? `${value} (local time)` : value;
}

/** One outbox event in a line: which parcel, what changed. */
export function describeOutboxEvent(event: OutboxEvent): string {
  const payload = event.payload as Record<string, unknown>;
  let what: string;
  switch (event.type) {
    case 'status_changed': {
      const change = event.payload as OutboxEvent<'status_changed'>['payload'];
      what = `${change.from.status} → ${change.to.status}${change.to.substatus ? ` (${change.to.substatus})` : ''}`;
      break;
    }
    case 'event_added': {
      const added = event.payload as OutboxEvent<'event_added'>['payload'];
      what = `“${added.event.description}”${added.event.location?.city ? `, ${added.event.location.city}` : ''}`;
      break;
    }
    case 'eta_changed': {
      const eta = event.payload as OutboxEvent<'eta_changed'>['payload'];
      what = `${etaText(eta.from)} → ${etaText(eta.to)}`;
      break;
    }
    case 'delay_detected':
      what = `${String(payload.kind)}: ${String(payload.reason)}`;
      break;
    case 'exception':
      what = String(payload.description ?? payload.substatus ?? '');
      break;
    case 'delivered':
      what = payload.signedBy ? `signed by ${String(payload.signedBy)}` : '';
      break;
    case 'tracking_number_changed':
      what = `${String(payload.from ?? 'none')} → ${String(payload.to)}`;
      break;
    case 'order_stage_changed':
      what = `${String(payload.from ?? 'none')} → ${String(payload.to)}`;
      break;
    default:
      what = '';
  }
  const subject = event.orderId ? `order ${event.orderId}` : (event.trackingId ?? '');
  return `${event.type.padEnd(16)} ${subject}${what ? `  ${what}` : ''}`;
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number)) throw usageError(`${name} must be a positive number, not "${value}".`);
  return number;
}

/** A live line on a terminal (rewritten in place), plain lines elsewhere (logs, CI, systemd). */
export function createRoundPrinter(stream: OutputStream, options: { live: boolean; events: boolean }) {
  let rounds = 0;
  const totals = { checked: 0, changed: 0, errors: 0, events: 0 };
  const sent = { messages: 0, failed: 0, webhooks: 0 };
  let notifying = false;
  let lineShown = false;
  let lastLine = '';
  const clearLine = () => {
    if (lineShown) stream.write('\r\x1b[2K');
    lineShown = false;
  };
  const notificationTotals = () =>
    notifying ? ` · notifications: sent ${sent.messages}, failed ${sent.failed}, webhooks ${sent.webhooks}` : '';
  const showLive = (line: string) => {
    lastLine = line;
    stream.write(`${line}${notificationTotals()}`);
    lineShown = true;
  };
  return {
    /** What the notification dispatcher did in one of its rounds (its totals join the live line). */
    notifications(report: DispatchReport) {
      notifying = true;
      sent.messages += report.sent;
      sent.failed += report.failed;
      sent.webhooks += report.webhooksDelivered;
      if (!dispatchReportIsBusy(report)) return;
      if (options.live) {
        clearLine();
        showLive(lastLine);
        return;
      }
      writeLine(stream, `notifications: ${describeDispatchReport(report)}`);
    },
    round(report: RoundReport) {
      rounds += 1;
      totals.checked += report.checked;
      totals.changed += report.changed;
      totals.errors += report.errors;
      // The report keeps only a sample of the events; its counts are exact.
      totals.events += report.eventCount;
      const carriers = Object.entries(report.byCarrier)
        .map(([carrier, counts]) => `${carrier} ${counts.claimed}`)
        .join(', ');
      const summary = `round ${rounds} at ${report.startedAt}: checked ${report.checked}${carriers ? ` (${carriers})` : ''}, changed ${report.changed}, errors ${report.errors}, events ${report.eventCount}`;
      if (options.live) {
        clearLine();
        if (options.events) {
          for (const event of report.events) writeLine(stream, `  ${describeOutboxEvent(event)}`);
          if (report.eventCount > report.events.length)
            writeLine(stream, `  … and ${report.eventCount - report.events.length} more event(s)`);
        }
        showLive(`${summary} · since start: checked ${totals.checked}, changed ${totals.changed}, errors ${totals.errors}`);
        return;
      }
      // Plain output: only rounds that did something, so an idle worker does not fill the log.
      if (report.claimed === 0 && report.eventCount === 0) return;
      writeLine(stream, summary);
      if (options.events) {
        for (const event of report.events) writeLine(stream, `  ${describeOutboxEvent(event)}`);
        if (report.eventCount > report.events.length)
          writeLine(stream, `  … and ${report.eventCount - report.events.length} more event(s)`);
      }
    },
    finish(): string {
      clearLine();
      const notified = notifying
        ? ` Notifications: sent ${sent.messages}, failed ${sent.failed}, webhooks delivered ${sent.webhooks}.`
        : '';
      return `${rounds} round(s): checked ${totals.checked}, changed ${totals.changed}, errors ${totals.errors}, events ${totals.events}.${notified}`;
    },
  };
}

/** How far V8 may grow the worker's heap past what survived its last full collection: 1.5× instead of up to 4×. */
const WORKER_HEAP_GROWING_PERCENT = 50;
const HEAP_SIZE_FLAG = /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)\b/;

/**
 * On a machine with a few GB, V8 lets the heap grow to four times what survived the last full collection before
 * collecting again. A round's batches die soon but outlive a few young collections, so they pile up in the old
 * generation: with 1,000,000 watched shipments a ~40 MB live heap reached ~200 MB. Growing it by half instead costs
 * a few more full collections of that small live heap and keeps the worker's memory near what it uses. Only in the
 * real `wismo` process (never in an embedding one), and never over a heap setting the user gave node.
 */
function boundWorkerHeapGrowth(context: CliContext): void {
  if (!context.handleSignals) return;
  const nodeOptions = [...process.execArgv, ...(context.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (nodeOptions.some((option) => HEAP_SIZE_FLAG.test(option))) return;
  setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`);
}

/**
 * `wismo worker`: runs the store's refresh scheduler until stopped (Ctrl-C / SIGTERM end it after the
 * round in progress is stored), over the configured carriers. `--once` runs one round (for cron).
 */
export async function runWorker(options: WorkerCommandOptions, context: CliContext, extras: RunWorkerExtras = {}): Promise<ExitCode> {
  boundWorkerHeapGrowth(context);
  const batchSize = positiveNumber('--batch-size', options.batchSize);
  if (batchSize !== undefined && !Number.isInteger(batchSize))
    throw usageError(`--batch-size must be a whole number, not "${options.batchSize}".`);
  const idleSeconds = positiveNumber('--idle', options.idle);
  const queueUrl = options.queue ?? context.env.WISMO_QUEUE_URL;
  const { checkQueueUrl, runQueueWorker } = await import('./worker-queue');
  if (queueUrl !== undefined) {
    checkQueueUrl(queueUrl);
    if (options.once) throw usageError('--once runs one round of the built-in scheduler; with --queue the workers run until stopped.');
  }
  const publicUrl = readPublicUrl(options.publicUrl, context.env);
  // The notifications' links use the same origin, whether it came from the option or the variable.
  const env = publicUrl ? { ...context.env, [PUBLIC_URL_ENV]: publicUrl } : context.env;
  // Parcels watched by push on UPS or USPS are subscribed to `wismo serve`'s receivers, as `wismo serve --worker` does.
  let pushSubscribers: PushSubscriber[] = [];
  let rateLimits: Record<string, RateLimit> = {};
  const { createCarrierRequestCounter } = await import('@wismo/store');
  const requestCounter = createCarrierRequestCounter();
  let tracker = extras.tracker;
  const sandbox =
    !tracker && options.sandbox ? await startSandboxTracker(context, { cache: false, requestObserver: requestCounter.observer() }) : null;
  tracker ??= sandbox?.tracker;
  if (!tracker) {
    const config = loadConfig({ env: context.env, cwd: context.cwd, ...(options.config ? { configPath: options.config } : {}) });
    if (createConfiguredAdapters(config).length === 0)
      throw usageError('No carrier is configured, so the worker has nothing to ask.', credentialsHelp());
    // No cache: every check must reach the carrier. On a queue, no retry inside the adapter either: a
    // retry would be a request the account's queue limiter never counted (BullMQ retries the job instead).
    tracker = createCliTracker(config, {
      cache: false,
      // Every request counted per carrier for the dashboard's health page (one account per carrier here).
      transport: { requestObserver: requestCounter.observer(), ...(queueUrl !== undefined ? { retries: 0 } : {}) },
    });
    pushSubscribers = readServePushSubscribers({ config, env: context.env, publicUrl });
    rateLimits = Object.fromEntries(
      Object.entries(config.carriers).flatMap(([carrier, settings]) => {
        const limit = (settings as { rateLimit?: unknown }).rateLimit;
        return limit && typeof limit === 'object' ? [[carrier, limit as RateLimit]] : [];
      }),
    );
  }
  if (!publicUrl && !sandbox && hasPushSubscriberVariables(context.env))
    writeLine(context.stderr, `Carrier push variables are set but no --public-url or $${PUBLIC_URL_ENV}: no push subscriptions are made.`);
  const { createScheduler } = await import('@wismo/store');
  try {
    return await runScheduler();
  } finally {
    await sandbox?.close();
  }

  function runScheduler(): Promise<ExitCode> {
    if (queueUrl !== undefined)
      return withStore(options, context, (store, storeUrl) =>
        runQueueWorker(
          {
            store,
            storeUrl,
            queueUrl: queueUrl.trim(),
            tracker: tracker!,
            rateLimits,
            requestCounter,
            pushSubscribers,
            ...(publicUrl ? { publicUrl } : {}),
            notify: options.notify !== false,
            events: options.events ?? false,
            ...(extras.clock ? { clock: extras.clock } : {}),
          },
          { ...context, env },
        ),
      );
    return withStore(options, context, async (store, url) => {
      const scheduler = createScheduler({
        store,
        tracker: tracker!,
        ...(extras.clock ? { clock: extras.clock } : {}),
        ...(batchSize ? { batchSize } : {}),
        ...(idleSeconds ? { idleDelayMs: idleSeconds * 1000 } : {}),
        requestCounter,
        ...(pushSubscribers.length > 0 ? { pushSubscribers } : {}),
      });
      const live = Boolean(context.stderr.isTTY) && !options.once;
      const printer = createRoundPrinter(live ? context.stderr : context.stdout, { live, events: options.events ?? false });
      writeLine(
        context.stderr,
        `wismo worker ${scheduler.workerId} on ${describeStoreUrl(url)} (${store.engine}) — carriers: ${[...tracker!.carriers.keys()].join(', ')}`,
      );
      if (pushSubscribers.length > 0) writeLine(context.stderr, describePushSubscriptions(pushSubscribers, publicUrl!));
      const notifications =
        options.notify === false ? null : await createWorkerNotifications(store, env, extras.clock ? { clock: extras.clock } : {});
      if (notifications?.kind === 'on')
        writeLine(context.stderr, `Notifications on: ${notifications.channels.join(', ')} and shop webhooks.`);
      else if (notifications?.kind === 'off')
        writeLine(
          context.stderr,
          `Notifications are off: ${notifications.reason} (set SMTP_URL or Twilio's variables, or pass --no-notify).`,
        );
      try {
        return await runRounds(notifications?.kind === 'on' ? notifications.dispatcher : null);
      } finally {
        if (notifications?.kind === 'on') await notifications.close();
      }

      async function runRounds(dispatcher: Dispatcher | null): Promise<ExitCode> {
        if (options.once) {
          printer.round(await scheduler.runOnce());
          if (dispatcher) printer.notifications(await dispatcher.runOnce());
          writeLine(context.stdout, printer.finish());
          return EXIT_CODES.ok;
        }
        return runUntilStopped(dispatcher);
      }

      async function runUntilStopped(dispatcher: Dispatcher | null): Promise<ExitCode> {
        const stop = new AbortController();
        const onSignal = () => {
          if (!stop.signal.aborted) writeLine(context.stderr, '\nStopping after the round in progress is stored…');
          stop.abort();
        };
        if (context.handleSignals) {
          process.on('SIGINT', onSignal);
          process.on('SIGTERM', onSignal);
        }
        context.signal?.addEventListener('abort', onSignal, { once: true });
        if (context.signal?.aborted) stop.abort();
        if (!live) writeLine(context.stderr, 'Running until stopped (Ctrl-C or SIGTERM); rounds that checked nothing are not printed.');
        // The dispatcher runs beside the scheduler; a stop ends both after their rounds in progress.
        const dispatching = dispatcher ? dispatchUntilStopped(dispatcher, stop.signal) : null;
        try {
          await scheduler.run(stop.signal, (report) => printer.round(report));
        } finally {
          stop.abort();
          await dispatching;
          if (context.handleSignals) {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          }
          context.signal?.removeEventListener('abort', onSignal);
        }
        writeLine(live ? context.stderr : context.stdout, `Stopped. ${printer.finish()}`);
        return EXIT_CODES.ok;
      }

      async function dispatchUntilStopped(dispatcher: Dispatcher, signal: AbortSignal): Promise<void> {
        const idleMs = Math.min(DISPATCH_IDLE_MS, idleSeconds ? idleSeconds * 1000 : DISPATCH_IDLE_MS);
        while (!signal.aborted) {
          let busy = false;
          try {
            const report = await dispatcher.runOnce();
            printer.notifications(report);
            busy = dispatchReportIsBusy(report);
          } catch (error) {
            writeLine(context.stderr, `\nnotifications: the round failed (${(error as Error)?.message ?? String(error)}); trying again.`);
          }
          if (!busy && !signal.aborted)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, idleMs);
              signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
            });
        }
      }
    });
  }
}
