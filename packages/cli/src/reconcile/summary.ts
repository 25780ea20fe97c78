import { SHIPMENT_STATUSES } from '@wismo/core';
import type { ResultRecord } from './result-record';

/**
 * Counters only (no per-row data), so a run of any size keeps a constant-size summary.
 * Every row lands in exactly one of: a status, `notFound`, `errors`, `badInput`; they add up to `rows`.
 */
export interface ReconcileSummary {
  rows: number;
  byStatus: Record<string, number>;
  notFound: number;
  /** Rows whose lookup failed for another reason than not found (after retries). */
  errors: number;
  errorsByCode: Record<string, number>;
  /** Rows that could not be read (no tracking number, bad JSON, broken CSV quoting, unknown expected_status). */
  badInput: number;
  stalled: number;
  late: number;
  /** Rows with an `expected_status`. */
  withExpectedStatus: number;
  matches: number;
  mismatches: number;
  byCarrier: Record<string, number>;
}

export function emptySummary(): ReconcileSummary {
  return {
    rows: 0,
    byStatus: {},
    notFound: 0,
    errors: 0,
    errorsByCode: {},
    badInput: 0,
    stalled: 0,
    late: 0,
    withExpectedStatus: 0,
    matches: 0,
    mismatches: 0,
    byCarrier: {},
  };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function addToSummary(summary: ReconcileSummary, record: ResultRecord): void {
  summary.rows += 1;
  if (record.status) increment(summary.byStatus, record.status);
  else if (record.error_code === 'not_found') summary.notFound += 1;
  else if (record.error_code === 'bad_input') summary.badInput += 1;
  else {
    summary.errors += 1;
    increment(summary.errorsByCode, record.error_code ?? 'unknown');
  }
  if (record.carrier && record.error_code !== 'bad_input') increment(summary.byCarrier, record.carrier);
  if (record.stalled) summary.stalled += 1;
  if (record.late) summary.late += 1;
  if (record.expected_status) {
    summary.withExpectedStatus += 1;
    if (record.mismatch === true) summary.mismatches += 1;
    else if (record.mismatch === false) summary.matches += 1;
  }
}

/** Sum of the disjoint categories; equals `rows` by construction (tests check it). */
export function categorisedRows(summary: ReconcileSummary): number {
  return Object.values(summary.byStatus).reduce((sum, count) => sum + count, 0) + summary.notFound + summary.errors + summary.badInput;
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${Math.round(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function formatDuration(ms: number): string {
  return duration(ms);
}

/** The summary as a plain-text table (what `wismo reconcile` prints at the end). */
export function formatSummaryTable(
  summary: ReconcileSummary,
  details: { elapsedMs?: number; rowsThisRun?: number; resumedFrom?: number } = {},
): string {
  const rows: Array<[string, string]> = [];
  const statusOrder = [
    ...SHIPMENT_STATUSES,
    ...Object.keys(summary.byStatus).filter((status) => !(SHIPMENT_STATUSES as readonly string[]).includes(status)),
  ];
  for (const status of statusOrder) {
    const count = summary.byStatus[status];
    if (count) rows.push([status, number(count)]);
  }
  rows.push(['not found', number(summary.notFound)]);
  const errorDetail = Object.entries(summary.errorsByCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} ${number(count)}`)
    .join(', ');
  rows.push(['errors', `${number(summary.errors)}${errorDetail ? `  (${errorDetail})` : ''}`]);
  rows.push(['bad input rows', number(summary.badInput)]);
  const width = Math.max(24, ...rows.map(([label]) => label.length + 2));
  const valueWidth = Math.max(...rows.map(([, value]) => value.split('  ')[0]!.length), number(summary.rows).length);
  const line = (label: string, value: string) => {
    const [count = '', rest] = value.split(/ {2}(.*)/s);
    return `  ${label.padEnd(width)}${count.padStart(valueWidth)}${rest ? `  ${rest}` : ''}`;
  };
  const out: string[] = [];
  const timing =
    details.elapsedMs !== undefined
      ? ` in ${duration(details.elapsedMs)}${details.rowsThisRun !== undefined && details.elapsedMs > 0 ? ` (${number(Math.round((details.rowsThisRun / details.elapsedMs) * 1000))} rows/s this run)` : ''}`
      : '';
  out.push(
    `Reconciled ${number(summary.rows)} rows${timing}${details.resumedFrom ? `, resumed after row ${number(details.resumedFrom)}` : ''}`,
  );
  out.push(line('status', 'rows'));
  for (const [label, value] of rows) out.push(line(label, value));
  out.push(`  ${'─'.repeat(width + valueWidth)}`);
  out.push(line('total', number(summary.rows)));
  out.push(line('stalled', number(summary.stalled)));
  out.push(line('late', number(summary.late)));
  out.push(
    line(
      'expected_status given',
      `${number(summary.withExpectedStatus)}  (${number(summary.matches)} match, ${number(summary.mismatches)} mismatch)`,
    ),
  );
  out.push(line('mismatches', number(summary.mismatches)));
  const carriers = Object.entries(summary.byCarrier).sort((a, b) => b[1] - a[1]);
  if (carriers.length > 0) out.push(`  by carrier: ${carriers.map(([carrier, count]) => `${carrier} ${number(count)}`).join(', ')}`);
  return out.join('\n');
}
