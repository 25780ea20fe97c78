import type { EstimatedDelivery, Tracker } from '@wismo/core';
import type { OutboxEvent, RoundReport } from '@wismo/store';
import { createCliTracker, createConfiguredAdapters, credentialsHelp, loadConfig } from '../config';
import { writeLine, type CliContext, type OutputStream } from '../context';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';
import { describeStoreUrl, withStore, type StoreCommandOptions } from '../store/open-store';
import { startSandboxTracker } from './sandbox-tracker';

export interface WorkerCommandOptions extends Pick<StoreCommandOptions, 'store'> {
  config?: string;
  batchSize?: string;
  idle?: string;
  once?: boolean;
  events?: boolean;
  /** Check against the sandbox carriers on loopback (no credentials). */
  sandbox?: boolean;
}

export interface RunWorkerExtras {
  /** Use this tracker instead of the configured carriers (tests, the demo). */
  tracker?: Tracker;
  /** The scheduler's clock (tests, the demo's sandbox clock). */
  clock?: () => Date;
}

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
  let lineShown = false;
  const clearLine = () => {
    if (lineShown) stream.write('\r\x1b[2K');
    lineShown = false;
  };
  return {
    round(report: RoundReport) {
      rounds += 1;
      totals.checked += report.checked;
      totals.changed += report.changed;
      totals.errors += report.errors;
      totals.events += report.events.length;
      const carriers = Object.entries(report.byCarrier)
        .map(([carrier, counts]) => `${carrier} ${counts.claimed}`)
        .join(', ');
      const summary = `round ${rounds} at ${report.startedAt}: checked ${report.checked}${carriers ? ` (${carriers})` : ''}, changed ${report.changed}, errors ${report.errors}, events ${report.events.length}`;
      if (options.live) {
        clearLine();
        if (options.events) for (const event of report.events) writeLine(stream, `  ${describeOutboxEvent(event)}`);
        stream.write(`${summary} · since start: checked ${totals.checked}, changed ${totals.changed}, errors ${totals.errors}`);
        lineShown = true;
        return;
      }
      // Plain output: only rounds that did something, so an idle worker does not fill the log.
      if (report.claimed === 0 && report.events.length === 0) return;
      writeLine(stream, summary);
      if (options.events) for (const event of report.events) writeLine(stream, `  ${describeOutboxEvent(event)}`);
    },
    finish(): string {
      clearLine();
      return `${rounds} round(s): checked ${totals.checked}, changed ${totals.changed}, errors ${totals.errors}, events ${totals.events}.`;
    },
  };
}

/**
 * `wismo worker`: runs the store's refresh scheduler until stopped (Ctrl-C / SIGTERM end it after the
 * round in progress is stored), over the configured carriers. `--once` runs one round (for cron).
 */
export async function runWorker(options: WorkerCommandOptions, context: CliContext, extras: RunWorkerExtras = {}): Promise<ExitCode> {
  const batchSize = positiveNumber('--batch-size', options.batchSize);
  if (batchSize !== undefined && !Number.isInteger(batchSize))
    throw usageError(`--batch-size must be a whole number, not "${options.batchSize}".`);
  const idleSeconds = positiveNumber('--idle', options.idle);
  let tracker = extras.tracker;
  const sandbox = !tracker && options.sandbox ? await startSandboxTracker(context, { cache: false }) : null;
  tracker ??= sandbox?.tracker;
  if (!tracker) {
    const config = loadConfig({ env: context.env, cwd: context.cwd, ...(options.config ? { configPath: options.config } : {}) });
    if (createConfiguredAdapters(config).length === 0)
      throw usageError('No carrier is configured, so the worker has nothing to ask.', credentialsHelp());
    // No cache: every check must reach the carrier.
    tracker = createCliTracker(config, { cache: false });
  }
  const { createScheduler } = await import('@wismo/store');
  try {
    return await runScheduler();
  } finally {
    await sandbox?.close();
  }

  function runScheduler(): Promise<ExitCode> {
    return withStore(options, context, async (store, url) => {
      const scheduler = createScheduler({
        store,
        tracker: tracker!,
        ...(extras.clock ? { clock: extras.clock } : {}),
        ...(batchSize ? { batchSize } : {}),
        ...(idleSeconds ? { idleDelayMs: idleSeconds * 1000 } : {}),
      });
      const live = Boolean(context.stderr.isTTY) && !options.once;
      const printer = createRoundPrinter(live ? context.stderr : context.stdout, { live, events: options.events ?? false });
      writeLine(
        context.stderr,
        `wismo worker ${scheduler.workerId} on ${describeStoreUrl(url)} (${store.engine}) — carriers: ${[...tracker!.carriers.keys()].join(', ')}`,
      );

      if (options.once) {
        printer.round(await scheduler.runOnce());
        writeLine(context.stdout, printer.finish());
        return EXIT_CODES.ok;
      }

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
      try {
        await scheduler.run(stop.signal, (report) => printer.round(report));
      } finally {
        if (context.handleSignals) {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        context.signal?.removeEventListener('abort', onSignal);
      }
      writeLine(live ? context.stderr : context.stdout, `Stopped. ${printer.finish()}`);
      return EXIT_CODES.ok;
    });
  }
}
