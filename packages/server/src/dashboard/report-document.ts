import { html, raw } from 'hono/html';
import type { Language } from '@wismo/order-view';
import { AT_RISK_KINDS, REQUEST_ERROR_KINDS, type DashboardReport } from '@wismo/store';
import { dashboardWord, type DashboardWordKey } from './dashboard-words';

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-NL', fr: 'fr-FR', es: 'es-ES' };

// Inline styles only: mail clients drop <link> and most of <style>'s selectors.
const TABLE = 'border-collapse:collapse;margin:0 0 1.5em;font-size:14px';
const CELL = 'border:1px solid #8c959f;padding:4px 8px;text-align:left';
const NUMBER = `${CELL};text-align:right`;

/**
 * The dashboard's figures as one self-contained HTML document (inline styles, no script, no image): what
 * `wismo report --format html` writes for e-mail. Every figure is text in a table.
 */
export async function renderReportDocument(report: DashboardReport, language: Language = 'en'): Promise<string> {
  const word = (key: DashboardWordKey, values?: Readonly<Record<string, string | number>>) => dashboardWord(language, key, values);
  const numbers = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 });
  const rate = (value: number | null) => (value === null ? '–' : percents.format(value));
  const table = (caption: string, headers: readonly DashboardWordKey[], rows: ReadonlyArray<ReadonlyArray<string | number>>) =>
    rows.length === 0
      ? html`<p>${word('none')}</p>`
      : html`<table style="${TABLE}"><caption style="text-align:left;font-weight:700">${caption}</caption>
<thead><tr>${headers.map((key) => html`<th scope="col" style="${CELL}">${word(key)}</th>`)}</tr></thead>
<tbody>${rows.map(
          (row) =>
            html`<tr>${row.map((value) =>
              typeof value === 'number'
                ? html`<td style="${NUMBER}">${numbers.format(value)}</td>`
                : html`<td style="${CELL}">${value}</td>`,
            )}</tr>`,
        )}</tbody></table>`;
  const updates = report.updates;
  const document = html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${word('report.title')} · ${report.since.slice(0, 10)} – ${report.until.slice(0, 10)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1f2328;background:#fff;max-width:60em;margin:1em auto;padding:0 1em">
<h1>${word('report.title')}</h1>
<p>${report.shopId} · ${report.since.slice(0, 16).replace('T', ' ')} – ${report.until.slice(0, 16).replace('T', ' ')} UTC</p>
<h2>${word('counts.heading')}</h2>
${table(
  word('counts.heading'),
  ['filter.kind', 'col.count'],
  AT_RISK_KINDS.map((kind) => [word(`kind.${kind}`), report.atRisk[kind]]),
)}
<h2>${word('carriers.title')}</h2>
${table(
  word('carriers.title'),
  ['col.lane', 'col.sample', 'col.onTime', 'col.onTimeFirstEta', 'col.p50', 'col.p90', 'col.firstAttempt', 'col.exceptions'],
  report.carriers.map((lane) => [
    `${lane.carrier} · ${lane.service ?? word('noService')} · ${lane.originCountry} → ${lane.destinationCountry}`,
    lane.sampleSize,
    `${rate(lane.onTimeRate)} (${lane.promisedCount})`,
    `${rate(lane.onTimeFirstEtaRate)} (${lane.firstEtaCount})`,
    lane.transitDaysP50,
    lane.transitDaysP90,
    rate(lane.firstAttemptRate),
    rate(lane.exceptionRate),
  ]),
)}
<h2>${word('updates.title')}</h2>
<p>${word('proactive.text', {
    share: rate(updates.proactive.share),
    orders: updates.proactive.orders,
    contacted: updates.proactive.contactedFirst,
    without: updates.proactive.contactedWithoutUpdate,
  })}</p>
<p>${word('updates.rates', {
    sent: updates.totals.sent,
    failed: updates.totals.failed,
    delivery: rate(updates.totals.deliveryRate),
    failure: rate(updates.totals.failureRate),
  })}</p>
${table(
  word('updates.notifications'),
  ['col.milestone', 'col.channel', 'col.total', 'col.pending', 'col.sent', 'col.failed', 'col.dropped', 'col.confirmed'],
  updates.notifications.map((row) => [
    row.milestone,
    row.channel,
    row.total,
    row.pending,
    row.sent,
    row.failed,
    row.dropped,
    row.confirmedDelivered,
  ]),
)}
${table(
  word('updates.lookups'),
  ['col.source', 'col.count', 'lookups.perOrder'],
  [
    [
      word('lookups.pageViews'),
      updates.lookups.trackingPageViews,
      updates.lookups.trackingPageViewsPerOrder === null ? '–' : numbers.format(updates.lookups.trackingPageViewsPerOrder),
    ],
    [
      word('lookups.panel'),
      updates.lookups.helpdeskPanelLookups,
      updates.lookups.helpdeskPanelLookupsPerOrder === null ? '–' : numbers.format(updates.lookups.helpdeskPanelLookupsPerOrder),
    ],
    [word('lookups.orders'), updates.lookups.ordersPlaced, '–'],
  ],
)}
${table(
  word('updates.optOuts'),
  ['col.channel', 'col.source', 'col.count'],
  updates.optOuts.map((row) => [row.channel, row.source, row.count]),
)}
<h2>${word('health.title')}</h2>
<p>${word('health.scheduler', { due: report.health.scheduler.due, lag: `${report.health.scheduler.lagSeconds} s` })}</p>
${table(
  word('health.title'),
  ['col.carrier', 'col.watched', 'col.push', 'col.checkedHour', 'col.due', 'col.notFound', 'col.failing'],
  report.health.carriers.map((carrier) => [
    carrier.carrier ?? '–',
    carrier.watched,
    carrier.watchedByPush,
    carrier.checkedLastHour,
    carrier.due,
    carrier.notFound,
    carrier.failing,
  ]),
)}
<h2>${word('requests.heading')}</h2>
${table(
  word('requests.heading'),
  ['col.carrier', 'col.account', 'col.requestsHour', 'col.requestsPreviousHour', 'col.requestsToday', 'col.peakMinute', 'col.errorsToday'],
  report.health.carrierRequests.map((entry) => [
    entry.carrier,
    entry.account,
    entry.thisHour,
    entry.previousHour,
    entry.today,
    entry.peakPerMinuteToday,
    REQUEST_ERROR_KINDS.filter((kind) => entry.errorsToday[kind] > 0)
      .map((kind) => `${word(`requestError.${kind}`)} ${numbers.format(entry.errorsToday[kind])}`)
      .join(', ') || '–',
  ]),
)}
${raw('</body></html>')}`;
  return (await document).toString();
}
