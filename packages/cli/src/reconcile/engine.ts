import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { createTracker, type CarrierAdapter, type TrackManyOutcome, type Tracker } from '@wismo/core';
import { describeFileError, runtimeError, usageError } from '../errors';
import {
  defaultCheckpointPath,
  fileIdentity,
  readCheckpoint,
  removeCheckpoint,
  sameInput,
  writeCheckpointAtomically,
  CHECKPOINT_VERSION,
  type Checkpoint,
} from './checkpoint';
import { formatFromPath, readInputRows, type InputFormat, type InputRow } from './input';
import { ReorderBuffer } from './reorder-buffer';
import { badInputRecord, csvHeader, recordFromOutcome, serialiseRecord, type OutputFormat, type ResultRecord } from './result-record';
import { addToSummary, emptySummary, type ReconcileSummary } from './summary';

export interface ReconcileProgress {
  /** Rows written to the output (in input order), including rows of earlier runs. */
  rowsDone: number;
  /** Rows written by this run. */
  rowsThisRun: number;
  /** Rows read from the input so far (including those skipped because an earlier run did them). */
  rowsRead: number;
  resumedFrom: number;
  inFlight: number;
  inputBytes: number;
  bytesRead: number;
  /** Total rows: exact once the input is read to the end, else estimated from the bytes read so far. */
  estimatedTotalRows: number | null;
  readingDone: boolean;
  elapsedMs: number;
  summary: Readonly<ReconcileSummary>;
}

export interface ReconcileOptions {
  /** CSV or JSONL with `order_id`, `tracking_number`, optional `carrier`, optional `expected_status`. */
  input: string;
  /** Default: from the extension (`.csv`/`.tsv`/`.txt` → csv, `.jsonl`/`.ndjson`/`.json` → jsonl). */
  inputFormat?: InputFormat;
  /** Default: beside the input, `<name>.reconciled.<format>`. */
  output?: string;
  /** Default: from the output's extension, else csv. */
  outputFormat?: OutputFormat;
  /** Default `<output>.checkpoint.json`; `false` for no checkpoint (a run cannot then be resumed). */
  checkpoint?: string | false;
  /** Ignore an existing checkpoint and start over, rewriting the output. */
  restart?: boolean;
  /** Allow replacing an existing output file that has no checkpoint. */
  overwrite?: boolean;
  /** The tracker to use; or `carriers` to build one (without a cache: duplicates in flight are coalesced anyway). */
  tracker?: Tracker;
  carriers?: readonly CarrierAdapter[];
  /** Batch requests in flight per carrier when the tracker is built here (default 8). */
  concurrency?: number;
  /** Rows in flight at most (read, not yet written). Reading pauses while the window is full. Default 2,000. */
  window?: number;
  /**
   * Extra attempts for a row whose lookup failed with a retryable error or an unreadable answer
   * (`bad_response`), after the transport's own retries. Default 1.
   */
  rowRetries?: number;
  /** Wait before a row retry when the error gives no `retryAfterMs`. Default 1,000 ms. */
  rowRetryDelayMs?: number;
  /** Carrier for rows that name none (default: detect from the number). */
  defaultCarrier?: string;
  stalledAfterHours?: number;
  /** Clock for the stalled/late flags (epoch ms). */
  now?: () => number;
  /** Stops reading; rows in flight are finished and written, the checkpoint is saved. */
  signal?: AbortSignal;
  /** Stops waiting for rows in flight at once (a second Ctrl-C): what is written so far is checkpointed. */
  abandonSignal?: AbortSignal;
  /** After `signal`, wait at most this long for rows in flight. Default 30 s. */
  drainTimeoutMs?: number;
  /** Checkpoint at most this often while running (and always at the end). Default 1,000 ms. */
  checkpointIntervalMs?: number;
  onProgress?: (progress: ReconcileProgress) => void;
  /** Called before work starts when an earlier run's checkpoint is picked up. */
  onResume?: (checkpoint: Checkpoint) => void;
  /**
   * Called with each row's final outcome before its result is written (`reconcile --store` records it);
   * awaited, so a checkpoint never counts a row whose outcome was not handed over. A rejection fails the row.
   */
  onOutcome?: (row: InputRow, outcome: TrackManyOutcome) => Promise<void>;
}

export interface ReconcileResult {
  /** `completed`: every row is in the output; `interrupted`: the checkpoint says where to continue. */
  status: 'completed' | 'interrupted';
  summary: ReconcileSummary;
  rowsDone: number;
  rowsThisRun: number;
  resumedFrom: number;
  /** Rows that were in flight when the run stopped; they are redone by the next run. */
  rowsAbandoned: number;
  outputPath: string;
  outputFormat: OutputFormat;
  checkpointPath: string | null;
  elapsedMs: number;
}

const FLUSH_BYTES = 256 * 1024;
const DEFAULT_WINDOW = 2_000;

function defaultOutputPath(input: string, format: OutputFormat): string {
  const extension = extname(input);
  const base = extension ? input.slice(0, -extension.length) : input;
  return `${base}.reconciled.${format}`;
}

function outputFormatFromPath(path: string): OutputFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolvePromise) => {
    if (signal?.aborted) return resolvePromise();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolvePromise();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Reconciles a file of shipments: streams the rows, tracks them through the tracker (which batches per
 * carrier, coalesces duplicates and paces with each carrier's rate limiter), and writes one output row per
 * input row, in input order. Progress is checkpointed atomically after each flushed chunk, so a run stopped
 * by `signal`, Ctrl-C or a crash continues where it stopped when called again with the same output.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  const started = performance.now();
  const inputPath = resolve(options.input);
  let inputInfo;
  try {
    inputInfo = await stat(inputPath);
  } catch (error) {
    throw usageError(
      `Cannot read the input ${options.input}: ${describeFileError(error)}.`,
      'Give the path of a CSV or JSONL file with the columns order_id,tracking_number[,carrier][,expected_status].',
    );
  }
  if (!inputInfo.isFile()) throw usageError(`The input ${options.input} is not a file.`);
  const detectedFormat = options.inputFormat ?? formatFromPath(inputPath);
  if (!detectedFormat)
    throw usageError(
      `Cannot tell the format of ${options.input} from its name.`,
      'Name it .csv or .jsonl, or pass --input-format csv|jsonl.',
    );
  const inputFormat: InputFormat = detectedFormat;
  const outputFormat = options.outputFormat ?? (options.output ? outputFormatFromPath(options.output) : null) ?? 'csv';
  const outputPath = resolve(options.output ?? defaultOutputPath(inputPath, outputFormat));
  if (outputPath === inputPath) throw usageError('The output would overwrite the input.', 'Choose another --output.');
  const checkpointPath = options.checkpoint === false ? null : resolve(options.checkpoint ?? defaultCheckpointPath(outputPath));
  if (!(await exists(dirname(outputPath))))
    throw usageError(`The output directory ${dirname(outputPath)} does not exist.`, 'Create it, or choose another --output.');

  if (!options.tracker && (!options.carriers || options.carriers.length === 0))
    throw usageError('reconcile needs a tracker or at least one carrier adapter.');
  const tracker =
    options.tracker ??
    createTracker({ carriers: options.carriers ?? [], cache: false, ...(options.concurrency ? { concurrency: options.concurrency } : {}) });

  // Pick up an earlier run, or make sure we do not silently replace someone's file.
  const identity = await fileIdentity(inputPath);
  const checkpoint = checkpointPath && !options.restart ? await readCheckpoint(checkpointPath) : null;
  if (checkpoint) {
    if (!sameInput(checkpoint.input, identity)) {
      throw usageError(
        `The checkpoint ${checkpointPath} belongs to another version of the input (${checkpoint.input.path}, ${checkpoint.input.size} bytes; now ${identity.size} bytes).`,
        'The input changed since the interrupted run. Run with --restart to start over, or restore the original input to continue.',
      );
    }
    if (checkpoint.output.format !== outputFormat) {
      throw usageError(
        `The checkpoint ${checkpointPath} was written for ${checkpoint.output.format} output, not ${outputFormat}.`,
        `Run with --output-format ${checkpoint.output.format} to continue, or --restart to start over.`,
      );
    }
    let outputSize = -1;
    try {
      outputSize = (await stat(outputPath)).size;
    } catch {
      // handled below
    }
    if (outputSize < checkpoint.outputBytes) {
      throw usageError(
        `The output ${outputPath} is ${outputSize < 0 ? 'missing' : `shorter (${outputSize} bytes) than the checkpoint says (${checkpoint.outputBytes})`}, so the interrupted run cannot continue.`,
        'Run with --restart to start over (or delete the checkpoint file).',
      );
    }
    options.onResume?.(checkpoint);
  } else if (!options.restart && !options.overwrite && (await exists(outputPath))) {
    throw usageError(
      `The output ${outputPath} already exists and there is no checkpoint to continue from.`,
      'Pass --overwrite to replace it, or choose another --output.',
    );
  }

  // Read up to the first row before touching the output: a file without a tracking_number column (a usage
  // error) must not leave an output and a checkpoint behind.
  const source = readInputRows(inputPath, { format: inputFormat });
  const rowIterator = source.rows[Symbol.asyncIterator]();
  const firstRow = await rowIterator.next();
  async function* allRows(): AsyncGenerator<InputRow> {
    if (firstRow.done) return;
    yield firstRow.value;
    for (let next = await rowIterator.next(); !next.done; next = await rowIterator.next()) yield next.value;
  }

  let handle: FileHandle;
  let outputBytes: number;
  try {
    if (checkpoint) {
      handle = await open(outputPath, 'r+');
      // Anything after the checkpointed offset was written by rows the checkpoint does not count: drop it.
      await handle.truncate(checkpoint.outputBytes);
      outputBytes = checkpoint.outputBytes;
    } else {
      handle = await open(outputPath, 'w');
      outputBytes = 0;
    }
  } catch (error) {
    await rowIterator.return?.();
    throw runtimeError(
      `Cannot open the output ${outputPath}: ${describeFileError(error)}.`,
      'Check that the directory is writable, or choose another --output.',
      error,
    );
  }

  const resumedFrom = checkpoint?.rowsDone ?? 0;
  const summary: ReconcileSummary = checkpoint ? checkpoint.summary : emptySummary();
  const startedAt = checkpoint?.startedAt ?? new Date().toISOString();
  const runs = (checkpoint?.runs ?? 0) + 1;
  const reorder = new ReorderBuffer<ResultRecord>(resumedFrom);
  const window = Math.max(1, options.window ?? DEFAULT_WINDOW);
  const refillChunk = Math.max(1, Math.floor(window / 8));
  const rowRetries = Math.max(0, options.rowRetries ?? 1);
  const rowRetryDelayMs = options.rowRetryDelayMs ?? 1_000;
  const now = options.now ?? Date.now;
  const delayOptions = options.stalledAfterHours !== undefined ? { stalledAfterHours: options.stalledAfterHours } : {};
  const checkpointIntervalMs = options.checkpointIntervalMs ?? 1_000;

  let pending: string[] = checkpoint || outputFormat !== 'csv' ? [] : [csvHeader()];
  let pendingBytes = pending.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  let lastCheckpointAt = performance.now();
  let inFlight = 0;
  let rowsRead = resumedFrom;
  let readingDone = false;
  let closed = false;
  let failure: unknown = null;
  // Aborted when the run closes or is abandoned: ends the waits of row retries.
  const closing = new AbortController();
  const onAbandon = () => closing.abort();
  options.abandonSignal?.addEventListener('abort', onAbandon, { once: true });
  if (options.abandonSignal?.aborted) closing.abort();

  // Wakes the reader when the window has room, and the drain when rows complete.
  let wake: (() => void) | null = null;
  function notify() {
    const resolveWake = wake;
    wake = null;
    resolveWake?.();
  }
  function nextChange(): Promise<void> {
    return new Promise((resolvePromise) => {
      const previous = wake;
      wake = () => {
        previous?.();
        resolvePromise();
      };
    });
  }

  function progress(): ReconcileProgress {
    const bytesRead = source.bytesRead();
    const parsed = source.parsed();
    const estimatedTotalRows = readingDone
      ? rowsRead
      : parsed.bytes > 0 && parsed.records > 0
        ? Math.max(rowsRead, Math.round((parsed.records / parsed.bytes) * identity.size))
        : null;
    return {
      rowsDone: reorder.next,
      rowsThisRun: reorder.next - resumedFrom,
      rowsRead,
      resumedFrom,
      inFlight,
      inputBytes: identity.size,
      bytesRead,
      estimatedTotalRows,
      readingDone,
      elapsedMs: performance.now() - started,
      summary,
    };
  }

  async function flushPending(): Promise<void> {
    if (pending.length === 0) return;
    const buffer = Buffer.from(pending.join(''));
    pending = [];
    pendingBytes = 0;
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, outputBytes);
      offset += bytesWritten;
      outputBytes += bytesWritten;
    }
  }

  async function saveCheckpoint(): Promise<void> {
    await flushPending();
    if (!checkpointPath) return;
    // The rows must be on disk before the checkpoint says they are.
    await handle.datasync();
    const state: Checkpoint = {
      version: CHECKPOINT_VERSION,
      input: identity,
      inputFormat,
      output: { path: outputPath, format: outputFormat },
      rowsDone: reorder.next,
      outputBytes,
      summary: structuredClone(summary),
      startedAt,
      updatedAt: new Date().toISOString(),
      runs,
    };
    await writeCheckpointAtomically(checkpointPath, state);
    lastCheckpointAt = performance.now();
  }

  // The single writer: takes the rows that are next in order, serialises them, flushes and checkpoints.
  let pumping: Promise<void> | null = null;
  let pumpAgain = false;
  function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    const run = (async () => {
      do {
        pumpAgain = false;
        const ready = reorder.takeReady();
        if (ready.length > 0) {
          for (const record of ready) {
            addToSummary(summary, record);
            const text = serialiseRecord(record, outputFormat);
            pending.push(text);
            pendingBytes += text.length;
          }
          notify();
          options.onProgress?.(progress());
        }
        if (pendingBytes >= FLUSH_BYTES) await flushPending();
        if (performance.now() - lastCheckpointAt >= checkpointIntervalMs) await saveCheckpoint();
      } while (pumpAgain);
    })()
      .catch((error: unknown) => {
        failure ??= error;
        notify();
      })
      .finally(() => {
        // Cleared asynchronously, after the assignment below; a request that came in meanwhile runs now.
        pumping = null;
        if (pumpAgain && failure === null) void pump();
      });
    pumping = run;
    return run;
  }

  async function track(row: InputRow): Promise<ResultRecord> {
    if (row.problem) return badInputRecord(row);
    const item = {
      trackingNumber: row.trackingNumber,
      ...(row.carrier || options.defaultCarrier ? { carrier: row.carrier || options.defaultCarrier } : {}),
    };
    let outcome: TrackManyOutcome | undefined;
    for (let attempt = 0; attempt <= rowRetries; attempt += 1) {
      [outcome] = await tracker.trackMany([item]);
      // Retry what a later attempt may fix: retryable errors, and an unreadable answer (a proxy's error page).
      if (!outcome || outcome.ok || !(outcome.error.retryable || outcome.error.code === 'bad_response') || attempt === rowRetries || closed)
        break;
      const wait = Math.min(30_000, outcome.error.retryAfterMs ?? rowRetryDelayMs * 2 ** attempt);
      await sleep(wait, closing.signal);
      if (closing.signal.aborted) break;
    }
    if (options.onOutcome) await options.onOutcome(row, outcome!);
    return recordFromOutcome(row, outcome!, now(), delayOptions);
  }

  function dispatch(row: InputRow): void {
    inFlight += 1;
    // Never rejects: a failure becomes the row's record, and the continuation only queues it.
    void track(row)
      .catch((error: unknown) => ({
        ...badInputRecord(row),
        error_code: 'internal_error',
        error_message: `wismo failed on this row: ${(error as Error)?.message ?? String(error)}`,
      }))
      .then((record) => {
        inFlight -= 1;
        if (closed) return;
        reorder.put(row.index, record);
        void pump();
        notify();
      });
  }

  const stopped = () => options.signal?.aborted === true || options.abandonSignal?.aborted === true;
  const onStop = () => notify();
  options.signal?.addEventListener('abort', onStop);
  options.abandonSignal?.addEventListener('abort', onStop);

  let status: ReconcileResult['status'] = 'completed';
  let rowsAbandoned = 0;
  try {
    // The first checkpoint covers the header: a crash from here on resumes cleanly.
    await saveCheckpoint();
    let reachedEnd = false;
    if (!stopped()) {
      for await (const row of allRows()) {
        rowsRead = row.index + 1;
        if (row.index < resumedFrom) continue;
        // A full window is refilled in chunks (an eighth of it): rows read together reach the tracker in the
        // same tick, so carriers that take many numbers per request get full batches.
        if (row.index - reorder.next >= window) {
          while (!stopped() && failure === null && row.index - reorder.next > window - refillChunk) await nextChange();
        }
        if (stopped() || failure !== null) break;
        dispatch(row);
      }
      reachedEnd = !stopped() && failure === null;
    }
    readingDone = reachedEnd;

    // Drain: wait for the rows in flight (at most `drainTimeoutMs` once stopping), then write what is contiguous.
    let drainDeadline = Infinity;
    let deadlineTimer: NodeJS.Timeout | undefined;
    while (inFlight > 0 && failure === null && !options.abandonSignal?.aborted) {
      if (stopped() && drainDeadline === Infinity) {
        const drainMs = options.drainTimeoutMs ?? 30_000;
        drainDeadline = performance.now() + drainMs;
        deadlineTimer = setTimeout(notify, drainMs);
      }
      if (performance.now() >= drainDeadline) break;
      await nextChange();
    }
    clearTimeout(deadlineTimer);
    // From here on, rows still in flight are dropped: the next run does them again.
    closed = true;
    closing.abort();
    await pump();
    // Read through a function: the pump reassigns `pumping` while we wait, which narrowing cannot see.
    const currentPump = (): Promise<void> | null => pumping;
    for (let running = currentPump(); running !== null; running = currentPump()) await running;
    if (failure !== null) throw failure;
    rowsAbandoned = inFlight + reorder.size;
    status = reachedEnd && rowsAbandoned === 0 ? 'completed' : 'interrupted';
    await saveCheckpoint();
    await handle.sync();
  } catch (error) {
    closed = true;
    closing.abort();
    await handle.close().catch(() => undefined);
    if (error && typeof error === 'object' && 'exitCode' in error) throw error;
    throw runtimeError(
      `Reconciliation failed while writing ${outputPath}: ${describeFileError(error)}.`,
      'Fix the problem and run the same command again: it continues from the last checkpoint.',
      error,
    );
  } finally {
    options.signal?.removeEventListener('abort', onStop);
    options.abandonSignal?.removeEventListener('abort', onStop);
    options.abandonSignal?.removeEventListener('abort', onAbandon);
    await rowIterator.return?.();
  }
  await handle.close();
  if (status === 'completed' && checkpointPath) await removeCheckpoint(checkpointPath);
  options.onProgress?.(progress());
  return {
    status,
    summary,
    rowsDone: reorder.next,
    rowsThisRun: reorder.next - resumedFrom,
    resumedFrom,
    rowsAbandoned,
    outputPath,
    outputFormat,
    checkpointPath,
    elapsedMs: performance.now() - started,
  };
}
