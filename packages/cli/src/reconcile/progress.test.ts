import { describe, expect, it } from 'vitest';
import type { ReconcileProgress } from './engine';
import { createProgressReporter, formatProgressLine } from './progress';
import { emptySummary } from './summary';

function progress(rowsDone: number, overrides: Partial<ReconcileProgress> = {}): ReconcileProgress {
  return {
    rowsDone,
    rowsThisRun: rowsDone,
    rowsRead: rowsDone + 10,
    resumedFrom: 0,
    inFlight: 10,
    inputBytes: 1000,
    bytesRead: 500,
    estimatedTotalRows: 1000,
    readingDone: false,
    elapsedMs: 0,
    summary: emptySummary(),
    ...overrides,
  };
}

function sink(isTTY = false) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progress', () => {
  it('prints a plain line every interval when not on a terminal, with rate and ETA', () => {
    let now = 0;
    const { stream, written } = sink();
    const reporter = createProgressReporter(stream, { mode: 'auto', intervalMs: 5_000, now: () => now });
    for (let second = 1; second <= 12; second += 1) {
      now = second * 1000;
      reporter.update(progress(second * 50));
    }
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^reconcile: 250 of ~1,000 rows \(25\.0%\) · 50 rows\/s · ETA 15\.0 s · 0 errors · 10 in flight\n$/);
    reporter.stop(progress(1000, { readingDone: true, estimatedTotalRows: 1000 }));
    expect(written[2]).toMatch(/^reconcile: 1,000 of 1,000 rows \(100\.0%\)/);
    expect(formatProgressLine(progress(0, { estimatedTotalRows: null }), 0)).toMatch(/ETA unknown/);
  });

  it('draws a bar on a terminal, and nothing when off', () => {
    const terminal = sink(true);
    const bar = createProgressReporter(terminal.stream, { mode: 'bar' });
    bar.update(progress(100));
    bar.stop(progress(1000, { readingDone: true }));
    expect(terminal.written.join('')).toMatch(/reconcile \|.*\| 100% · 1,000\/1,000 rows/);
    const off = sink();
    const silent = createProgressReporter(off.stream, { mode: 'off' });
    silent.update(progress(1));
    silent.stop();
    expect(off.written).toEqual([]);
  });
});
