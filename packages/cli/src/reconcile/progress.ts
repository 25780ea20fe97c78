import cliProgress from 'cli-progress';
import type { ReconcileProgress } from './engine';
import { formatDuration } from './summary';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  update(progress: ReconcileProgress): void;
  /** Final state; removes the bar (a TTY) or prints the last line. */
  stop(progress?: ReconcileProgress): void;
}

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'off';

export interface ProgressReporterOptions {
  mode?: ProgressMode;
  /** Plain lines at most this often (not a TTY). Default 5 s. */
  intervalMs?: number;
  /** Clock (ms), for tests. */
  now?: () => number;
}

/** Rows per second over roughly the last ten seconds (the whole run until then). */
class RateMeter {
  private samples: Array<{ at: number; rows: number }> = [];

  add(at: number, rows: number): void {
    this.samples.push({ at, rows });
    while (this.samples.length > 2 && at - this.samples[1]!.at > 10_000) this.samples.shift();
  }

  perSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 200) return 0;
    return ((last.rows - first.rows) / (last.at - first.at)) * 1000;
  }
}

function number(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export interface ProgressFigures {
  done: number;
  total: number | null;
  percent: number | null;
  rate: number;
  etaMs: number | null;
  problems: number;
}

function figures(progress: ReconcileProgress, rate: number): ProgressFigures {
  const total = progress.estimatedTotalRows;
  const percent = total ? Math.min(100, (progress.rowsDone / total) * 100) : null;
  const remaining = total === null ? null : Math.max(0, total - progress.rowsDone);
  const etaMs = remaining === null || rate <= 0 ? null : (remaining / rate) * 1000;
  const problems = progress.summary.errors + progress.summary.badInput;
  return { done: progress.rowsDone, total, percent, rate, etaMs, problems };
}

/** One plain progress line, as printed when stderr is not a terminal. */
export function formatProgressLine(progress: ReconcileProgress, rate: number): string {
  const figure = figures(progress, rate);
  const total = figure.total === null ? '' : ` of ${progress.readingDone ? '' : '~'}${number(figure.total)}`;
  const percent = figure.percent === null ? '' : ` (${figure.percent.toFixed(1)}%)`;
  const eta = figure.etaMs === null ? 'ETA unknown' : `ETA ${formatDuration(figure.etaMs)}`;
  return `reconcile: ${number(figure.done)}${total} rows${percent} · ${number(figure.rate)} rows/s · ${eta} · ${number(figure.problems)} errors · ${number(progress.inFlight)} in flight`;
}

/**
 * A progress bar with rate and ETA on a terminal (cli-progress, on stderr), plain lines every few seconds
 * otherwise (logs, CI). Totals are estimated from the bytes read until the input has been read to the end.
 */
export function createProgressReporter(stream: ProgressStream, options: ProgressReporterOptions = {}): ProgressReporter {
  const mode = options.mode === 'auto' || options.mode === undefined ? (stream.isTTY ? 'bar' : 'lines') : options.mode;
  const now = options.now ?? (() => performance.now());
  const meter = new RateMeter();
  if (mode === 'off') return { update: () => undefined, stop: () => undefined };

  if (mode === 'lines') {
    const intervalMs = options.intervalMs ?? 5_000;
    let lastLineAt = now();
    let last: ReconcileProgress | null = null;
    return {
      update(progress) {
        last = progress;
        const at = now();
        meter.add(at, progress.rowsThisRun);
        if (at - lastLineAt >= intervalMs) {
          lastLineAt = at;
          stream.write(`${formatProgressLine(progress, meter.perSecond())}\n`);
        }
      },
      stop(progress) {
        const final = progress ?? last;
        if (final) stream.write(`${formatProgressLine(final, meter.perSecond())}\n`);
      },
    };
  }

  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'reconcile |{bar}| {percentage}% · {rows} rows · {rate} rows/s · ETA {etaText} · {problems} errors',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      // cli-progress only draws on a TTY unless told otherwise; `mode: 'bar'` on a non-TTY is for tests.
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 1_000,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let lastDrawAt = 0;
  const payload = (progress: ReconcileProgress) => {
    const figure = figures(progress, meter.perSecond());
    return {
      rows: `${number(figure.done)}${figure.total === null ? '' : `/${progress.readingDone ? '' : '~'}${number(figure.total)}`}`,
      rate: number(figure.rate),
      etaText: figure.etaMs === null ? '?' : formatDuration(figure.etaMs),
      problems: number(figure.problems),
    };
  };
  return {
    update(progress) {
      const at = now();
      meter.add(at, progress.rowsThisRun);
      if (started && at - lastDrawAt < 100) return;
      lastDrawAt = at;
      const total = Math.max(1, progress.estimatedTotalRows ?? progress.rowsDone + 1);
      if (!started) {
        bar.start(total, progress.rowsDone, payload(progress));
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(progress.rowsDone, payload(progress));
      }
    },
    stop(progress) {
      if (!started) return;
      if (progress) {
        bar.setTotal(Math.max(1, progress.estimatedTotalRows ?? progress.rowsDone));
        bar.update(progress.rowsDone, payload(progress));
      }
      bar.stop();
    },
  };
}
