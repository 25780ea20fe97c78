import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DashboardReport } from '@wismo/store';
import { writeLine, type CliContext } from '../context';
import { describeFileError, EXIT_CODES, runtimeError, usageError, type ExitCode } from '../errors';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions extends StoreCommandOptions {
  since: string;
  format: ReportFormat;
  /** Write here instead of stdout. */
  output?: string;
  /** HTML only: en, de, nl, fr or es. */
  lang?: string;
}

const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Text a spreadsheet would run as a formula is neutralised, as in the dashboard's CSV.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as tidy CSV: one figure per line, `section,subject,metric,value`, so that a script or a
 * spreadsheet pivots it as it likes. Subjects: `carrier/service/origin>destination`, `milestone/channel`,
 * `carrier/account` (carrier requests), ….
 */
export function reportCsv(report: DashboardReport): string {
  const lines: Array<[string, string, string, string | number | null]> = [
    ['report', report.shopId, 'since', report.since],
    ['report', report.shopId, 'until', report.until],
  ];
  for (const [kind, count] of Object.entries(report.atRisk)) lines.push(['at_risk', kind, 'parcels', count]);
  for (const lane of report.carriers) {
    const subject = `${lane.carrier}/${lane.service ?? ''}/${lane.originCountry}>${lane.destinationCountry}`;
    const figures: Array<[string, number | null]> = [
      ['sample_size', lane.sampleSize],
      ['promised_count', lane.promisedCount],
      ['on_time_rate', lane.onTimeRate],
      ['first_eta_count', lane.firstEtaCount],
      ['on_time_first_eta_rate', lane.onTimeFirstEtaRate],
      ['transit_days_p50', lane.transitDaysP50],
      ['transit_days_p90', lane.transitDaysP90],
      ['first_attempt_rate', lane.firstAttemptRate],
      ['exception_rate', lane.exceptionRate],
    ];
    for (const [metric, value] of figures) lines.push(['carriers', subject, metric, value]);
  }
  const updates = report.updates;
  for (const row of updates.notifications)
    for (const metric of ['total', 'pending', 'sent', 'failed', 'dropped', 'confirmedDelivered'] as const)
      lines.push(['notifications', `${row.milestone}/${row.channel}`, metric, row[metric]]);
  for (const [metric, value] of Object.entries(updates.totals)) lines.push(['notifications', 'all', metric, value]);
  for (const row of updates.optOuts) lines.push(['opt_outs', `${row.channel}/${row.source}`, 'count', row.count]);
  for (const row of updates.skips) lines.push(['skips', row.reason, 'count', row.count]);
  for (const [metric, value] of Object.entries(updates.lookups)) lines.push(['lookups', 'all', metric, value]);
  for (const [metric, value] of Object.entries(updates.proactive)) lines.push(['proactive', 'all', metric, value]);
  for (const carrier of report.health.carriers)
    for (const metric of ['watched', 'watchedByPush', 'checkedLastHour', 'due', 'notFound', 'failing'] as const)
      lines.push(['health', carrier.carrier ?? '', metric, carrier[metric]]);
  lines.push(['health', 'scheduler', 'due', report.health.scheduler.due]);
  lines.push(['health', 'scheduler', 'lag_seconds', report.health.scheduler.lagSeconds]);
  lines.push(['health', 'all', 'failed_notifications', report.health.failedNotifications]);
  lines.push(['health', 'all', 'failed_webhook_deliveries', report.health.failedWebhookDeliveries]);
  for (const entry of report.health.carrierRequests) {
    const subject = `${entry.carrier}/${entry.account}`;
    for (const metric of ['thisHour', 'previousHour', 'today', 'peakPerMinuteToday'] as const)
      lines.push(['carrier_requests', subject, metric, entry[metric]]);
    for (const [kind, count] of Object.entries(entry.errorsToday)) lines.push(['carrier_requests', subject, `errorsToday.${kind}`, count]);
  }
  return ['section,subject,metric,value', ...lines.map((line) => line.map(csvField).join(','))].join('\r\n') + '\r\n';
}

/** `wismo report`: the dashboard's figures for a window (the same as `GET /v1/stats/report`), as JSON, CSV or HTML. */
export async function runReport(options: ReportCommandOptions, context: CliContext, now: () => Date = () => new Date()): Promise<ExitCode> {
  const shopId = shopIdFrom(options.shop) ?? 'default';
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
    throw usageError(`--format must be ${REPORT_FORMATS.join(', ')}, not "${options.format}".`);
  const language = (options.lang ?? 'en') as (typeof LANGUAGES)[number];
  if (!LANGUAGES.includes(language)) throw usageError(`--lang must be ${LANGUAGES.join(', ')}, not "${options.lang}".`);
  const { dashboardReport, parseWindow, StoreError } = await import('@wismo/store');
  let windowMs: number;
  try {
    windowMs = parseWindow(options.since);
  } catch (error) {
    if (error instanceof StoreError) throw usageError(`--since: ${error.message}`);
    throw error;
  }
  const text = await withStore(options, context, async (store) => {
    const until = now();
    const report = await dashboardReport(store, shopId, { since: new Date(until.getTime() - windowMs), now: until });
    if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
    if (options.format === 'csv') return reportCsv(report);
    const { renderReportDocument } = await import('@wismo/server');
    return `${await renderReportDocument(report, language)}\n`;
  });
  if (options.output) {
    const path = resolve(context.cwd, options.output);
    try {
      await writeFile(path, text);
    } catch (error) {
      throw runtimeError(`Cannot write ${options.output}: ${describeFileError(error)}`, undefined, error);
    }
    writeLine(context.stderr, `Report written to ${options.output}`);
  } else context.stdout.write(text);
  return EXIT_CODES.ok;
}
