import type { CarrierAdapter, Tracker } from '@wismo/core';
import { createCliTracker, loadConfig } from '../config';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';
import { reconcile, type ReconcileOptions, type ReconcileResult } from '../reconcile/engine';
import type { InputFormat } from '../reconcile/input';
import { createProgressReporter, type ProgressMode } from '../reconcile/progress';
import type { OutputFormat } from '../reconcile/result-record';
import { formatSummaryTable } from '../reconcile/summary';
import { startSandboxTracker } from './sandbox-tracker';
import { describeStoreRecording, openReconcileStore } from '../store/reconcile-store-option';

export interface ReconcileCommandOptions {
  output?: string;
  outputFormat?: string;
  inputFormat?: string;
  config?: string;
  carrier?: string;
  concurrency?: string;
  window?: string;
  checkpoint?: string | boolean;
  restart?: boolean;
  overwrite?: boolean;
  failOnMismatch?: boolean;
  failOnError?: boolean;
  jsonSummary?: boolean;
  progress?: string;
  progressInterval?: string;
  checkpointInterval?: string;
  stalledAfter?: string;
  retries?: string;
  timeout?: string;
  /** Reconcile against the sandbox carriers on loopback instead of the real ones (no credentials). */
  sandbox?: boolean;
  /** `--store [url]`: also record every result in the store (`true`: the default store). */
  store?: string | boolean;
  shop?: string;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw usageError(`${name} must be a whole number of at least 1, not "${value}".`);
  return number;
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number > 0)) throw usageError(`${name} must be a positive number, not "${value}".`);
  return number;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}

/** Builds the engine options from the command line (exported for tests and `wismo demo`). */
export function reconcileOptionsFrom(file: string, options: ReconcileCommandOptions): Omit<ReconcileOptions, 'tracker' | 'carriers'> {
  const inputFormat = oneOf<InputFormat>('--input-format', options.inputFormat, ['csv', 'jsonl']);
  const outputFormat = oneOf<OutputFormat>('--output-format', options.outputFormat, ['csv', 'jsonl']);
  const window = positiveInteger('--window', options.window);
  const stalledAfterHours = positiveNumber('--stalled-after', options.stalledAfter);
  const checkpointSeconds = positiveNumber('--checkpoint-interval', options.checkpointInterval);
  const retries = options.retries === undefined ? undefined : Number(options.retries);
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0))
    throw usageError(`--retries must be a whole number (0 or more), not "${options.retries}".`);
  return {
    input: file,
    ...(inputFormat ? { inputFormat } : {}),
    ...(options.output ? { output: options.output } : {}),
    ...(outputFormat ? { outputFormat } : {}),
    ...(options.checkpoint === false
      ? { checkpoint: false as const }
      : typeof options.checkpoint === 'string'
        ? { checkpoint: options.checkpoint }
        : {}),
    ...(options.restart ? { restart: true } : {}),
    ...(options.overwrite ? { overwrite: true } : {}),
    ...(window ? { window } : {}),
    ...(checkpointSeconds ? { checkpointIntervalMs: checkpointSeconds * 1000 } : {}),
    ...(stalledAfterHours ? { stalledAfterHours } : {}),
    ...(retries !== undefined ? { rowRetries: retries } : {}),
    ...(options.carrier ? { defaultCarrier: options.carrier.toLowerCase() } : {}),
  };
}

export interface RunReconcileExtras {
  /** Use these instead of the configured carriers (the demo's sandbox adapters). */
  tracker?: Tracker;
  carriers?: readonly CarrierAdapter[];
  /** Called with the result before the summary is printed. */
  onResult?: (result: ReconcileResult) => void;
}

/** What `--fail-on-*` and an interruption make of a finished run. */
export function exitCodeFor(
  result: Pick<ReconcileResult, 'status' | 'summary'>,
  options: Pick<ReconcileCommandOptions, 'failOnMismatch' | 'failOnError'>,
): ExitCode {
  if (result.status === 'interrupted') return EXIT_CODES.interrupted;
  if (options.failOnMismatch && result.summary.mismatches > 0) return EXIT_CODES.findings;
  if (options.failOnError && result.summary.errors + result.summary.badInput > 0) return EXIT_CODES.findings;
  return EXIT_CODES.ok;
}

/** `wismo reconcile <file>`. */
export async function runReconcile(
  file: string,
  options: ReconcileCommandOptions,
  context: CliContext,
  extras: RunReconcileExtras = {},
): Promise<ExitCode> {
  const engineOptions = reconcileOptionsFrom(file, options);
  const concurrency = positiveInteger('--concurrency', options.concurrency);
  const progressMode = oneOf<ProgressMode>('--progress', options.progress, ['auto', 'bar', 'lines', 'off']) ?? 'auto';
  const intervalSeconds = positiveNumber('--progress-interval', options.progressInterval);
  const timeoutSeconds = positiveNumber('--timeout', options.timeout);
  let tracker = extras.tracker;
  const sandbox =
    !tracker && !extras.carriers && options.sandbox
      ? await startSandboxTracker(context, { cache: false, ...(timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {}) })
      : null;
  tracker ??= sandbox?.tracker;
  if (!tracker && !extras.carriers) {
    const config = loadConfig({ env: context.env, cwd: context.cwd, ...(options.config ? { configPath: options.config } : {}) });
    // No cache: duplicate numbers in flight together share one lookup anyway, and cached shipments living
    // on in the old generation would only raise the memory peak of a long run.
    tracker = createCliTracker(config, {
      cache: false,
      ...(concurrency ? { concurrency } : {}),
      transport: timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {},
    });
  }

  const stop = new AbortController();
  const abandon = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      writeLine(context.stderr, '\nStopping: finishing the rows in flight and saving the checkpoint (press Ctrl-C again to stop at once).');
      stop.abort();
    } else abandon.abort();
  };
  if (context.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  const onContextAbort = () => onSignal();
  context.signal?.addEventListener('abort', onContextAbort, { once: true });

  const reporter = createProgressReporter(context.stderr, {
    mode: progressMode,
    ...(intervalSeconds ? { intervalMs: intervalSeconds * 1000 } : {}),
  });
  let storeTarget: Awaited<ReturnType<typeof openReconcileStore>> | null = null;
  let result: ReconcileResult;
  try {
    // Opened in here, so that a store that cannot be opened still releases the sandbox and the signals.
    if (options.store) storeTarget = await openReconcileStore(options, context);
    result = await reconcile({
      ...(storeTarget ? { onOutcome: storeTarget.recorder.record } : {}),
      ...engineOptions,
      ...(tracker ? { tracker } : { carriers: extras.carriers ?? [] }),
      ...(concurrency ? { concurrency } : {}),
      signal: stop.signal,
      abandonSignal: abandon.signal,
      onProgress: (progress) => reporter.update(progress),
      onResume: (checkpoint) =>
        writeLine(
          context.stderr,
          `Resuming: ${checkpoint.rowsDone.toLocaleString('en-US')} rows already done (checkpoint of ${checkpoint.updatedAt}); --restart starts over.`,
        ),
    });
  } finally {
    reporter.stop();
    await sandbox?.close();
    await storeTarget?.store.close();
    if (context.handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    context.signal?.removeEventListener('abort', onContextAbort);
  }
  extras.onResult?.(result);

  const table = formatSummaryTable(result.summary, {
    elapsedMs: result.elapsedMs,
    rowsThisRun: result.rowsThisRun,
    resumedFrom: result.resumedFrom,
  });
  const tableStream = options.jsonSummary ? context.stderr : context.stdout;
  writeLine(tableStream, table);
  writeLine(tableStream, `Output: ${result.outputPath} (${result.outputFormat})`);
  if (storeTarget) writeLine(tableStream, describeStoreRecording(storeTarget.recorder.counts, storeTarget.url));
  if (result.status === 'interrupted') {
    writeLine(
      context.stderr,
      `Interrupted after ${result.rowsDone.toLocaleString('en-US')} rows${result.rowsAbandoned > 0 ? ` (${result.rowsAbandoned} rows in flight will be redone)` : ''}. ` +
        `Checkpoint: ${result.checkpointPath ?? 'none (--no-checkpoint)'}. Run the same command again to continue.`,
    );
  }
  if (options.jsonSummary) {
    writeLine(
      context.stdout,
      JSON.stringify(
        {
          status: result.status,
          output: result.outputPath,
          outputFormat: result.outputFormat,
          checkpoint: result.status === 'interrupted' ? result.checkpointPath : null,
          rowsThisRun: result.rowsThisRun,
          resumedFrom: result.resumedFrom,
          elapsedMs: Math.round(result.elapsedMs),
          summary: result.summary,
        },
        null,
        2,
      ),
    );
  }
  const code = exitCodeFor(result, options);
  if (code === EXIT_CODES.findings) {
    writeLine(
      context.stderr,
      `Exit code 1: ${options.failOnMismatch && result.summary.mismatches > 0 ? `${result.summary.mismatches} mismatch(es) against expected_status` : `${result.summary.errors + result.summary.badInput} row(s) with errors`} (see the output file).`,
    );
  }
  return code;
}
