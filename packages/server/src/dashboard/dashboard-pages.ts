import { html, raw } from 'hono/html';
import { ACTORS, type CarrierCapabilities } from '@wismo/core';
import type { Language } from '@wismo/order-view';
import {
  AT_RISK_KINDS,
  REQUEST_ERROR_KINDS,
  type AtRiskKind,
  type AtRiskPage,
  type CarrierAccountRequests,
  type DashboardHealth,
  type LanePerformance,
  type OnTimeTrend,
  type PushSubscriptionCarrierSummary,
  type UpdateEffects,
} from '@wismo/store';
import type { ResolvedBrand } from '../page/brand';
import { pageShell, type Html } from '../page/layout';
import { catalogueWord } from '../page/words';
import { CHART_CSS, histogramChart, horizontalBarChart, lineChart } from './charts';
import { dashboardWord, type DashboardWordKey } from './dashboard-words';

export interface DashboardRenderContext {
  brand: ResolvedBrand;
  css: string;
  language: Language;
  locale: string;
  basePath: string;
  carriers: ReadonlyArray<{ id: string; name: string }>;
  /** The current page's path under `/dashboard` and its filters (without `lang`). */
  path: string;
  params: Readonly<Record<string, string>>;
}

const DASHBOARD_CSS = `main{max-width:76rem}
.dash-nav ul{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.dash-nav a[aria-current]{font-weight:700;text-decoration:none;box-shadow:inset 0 -3px 0 currentColor}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.filters .field{margin:0;min-width:11rem;flex:1 1 11rem}
.filters .actions{display:flex;gap:1rem;align-items:center;margin:0 0 .25rem}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border-bottom:1px solid var(--border);padding:.4rem .5rem;text-align:left;vertical-align:top}
td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
.counts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.counts a{display:inline-block;padding:.35rem .75rem;border:1px solid var(--border);border-radius:.375rem;text-decoration:none}
.counts a[aria-current]{box-shadow:inset 0 0 0 2px var(--link)}
.counts strong{font-size:1.2rem;margin-right:.25rem}
.paging ul{list-style:none;padding:0;display:flex;gap:1.5rem}
.chart-and-table{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start}
.chart-and-table>*{flex:1 1 30rem;min-width:0}
.chart-and-table.stacked{display:block}
${CHART_CSS}`;

export function word(context: DashboardRenderContext, key: DashboardWordKey, values?: Readonly<Record<string, string | number>>): string {
  return dashboardWord(context.language, key, values);
}

/** `/base/dashboard/<path>?…&lang=…` with the given parameters (empty ones left out). */
export function dashboardHref(
  context: Pick<DashboardRenderContext, 'basePath' | 'language'>,
  path: string,
  params: Readonly<Record<string, string | undefined>> = {},
  language: Language = context.language,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, value);
  search.set('lang', language);
  return `${context.basePath}/dashboard/${path}?${search.toString()}`;
}

function carrierName(context: DashboardRenderContext, id: string | null): string {
  if (!id) return '–';
  return context.carriers.find((carrier) => carrier.id === id)?.name ?? id.toUpperCase();
}

function percent(context: DashboardRenderContext, value: number): string {
  return new Intl.NumberFormat(context.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function shell(context: DashboardRenderContext, title: string, body: Html): Html {
  const nav = (path: string, key: DashboardWordKey) =>
    html`<li><a href="${dashboardHref(context, path)}"${context.path === path ? raw(' aria-current="page"') : ''}>${word(context, key)}</a></li>`;
  return pageShell({
    brand: context.brand,
    css: `${context.css}\n${DASHBOARD_CSS}`,
    language: context.language,
    title,
    languageHref: (language) => dashboardHref(context, context.path, context.params, language),
    homeHref: dashboardHref(context, 'at-risk'),
    body: html`<nav class="dash-nav" aria-label="${word(context, 'nav.label')}"><ul>${nav('at-risk', 'nav.atRisk')}${nav('carriers', 'nav.carriers')}${nav('updates', 'nav.updates')}${nav('health', 'nav.health')}</ul></nav>
${body}`,
  });
}

function select(
  name: string,
  label: string,
  current: string | undefined,
  options: ReadonlyArray<{ value: string; label: string }>,
  anyLabel: string,
): Html {
  return html`<div class="field"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">${anyLabel}</option>${options.map(
    (option) => html`<option value="${option.value}"${option.value === current ? raw(' selected') : ''}>${option.label}</option>`,
  )}</select></div>`;
}

function input(name: string, label: string, current: string | undefined, attributes: string): Html {
  return html`<div class="field"><label for="filter-${name}">${label}</label><input id="filter-${name}" name="${name}" value="${current ?? ''}" ${raw(attributes)}></div>`;
}

function filterForm(context: DashboardRenderContext, fields: Html): Html {
  return html`<form method="get" action="${context.basePath}/dashboard/${context.path}" aria-labelledby="filters-heading">
<h2 id="filters-heading">${word(context, 'filters.heading')}</h2>
<input type="hidden" name="lang" value="${context.language}">
<div class="filters">${fields}
<p class="actions"><button type="submit">${word(context, 'filter.apply')}</button> <a href="${dashboardHref(context, context.path)}">${word(context, 'filter.reset')}</a></p>
</div>
</form>`;
}

/** An error page body for filters the queries refused (status 400). */
export function renderDashboardError(context: DashboardRenderContext, messages: readonly string[]): Html {
  return shell(
    context,
    word(context, 'error.title'),
    html`<div class="error-summary" role="alert"><h2>${word(context, 'error.title')}</h2><ul>${messages.map((message) => html`<li>${message}</li>`)}</ul></div>
<p><a href="${dashboardHref(context, context.path)}">${word(context, 'filter.reset')}</a></p>`,
  );
}

export function renderSignIn(context: DashboardRenderContext): Html {
  return shell(context, word(context, 'auth.title'), html`<h1>${word(context, 'auth.title')}</h1><p>${word(context, 'auth.text')}</p>`);
}

export function renderMessage(context: DashboardRenderContext, title: string, text: string): Html {
  return shell(context, title, html`<h1>${title}</h1><p>${text}</p>`);
}

export function renderAtRiskPage(context: DashboardRenderContext, page: AtRiskPage, counts: Readonly<Record<AtRiskKind, number>>): Html {
  const p = context.params;
  const summary = html`<section aria-labelledby="counts-heading"><h2 id="counts-heading">${word(context, 'counts.heading')}</h2><ul class="counts" id="at-risk-counts">${AT_RISK_KINDS.map(
    (kind) =>
      html`<li><a href="${dashboardHref(context, 'at-risk', { kind })}"${p.kind === kind ? raw(' aria-current="true"') : ''}><strong data-kind="${kind}">${counts[kind]}</strong> ${word(context, `kind.${kind}`)}</a></li>`,
  )}</ul></section>`;
  const fields = html`${select(
    'kind',
    word(context, 'filter.kind'),
    p.kind,
    AT_RISK_KINDS.map((kind) => ({ value: kind, label: word(context, `kind.${kind}`) })),
    word(context, 'filter.any'),
  )}
${select(
  'carrier',
  word(context, 'filter.carrier'),
  p.carrier,
  context.carriers.map((carrier) => ({ value: carrier.id, label: carrier.name })),
  word(context, 'filter.any'),
)}
${input('service', word(context, 'filter.service'), p.service, 'type="text" maxlength="100" autocomplete="off"')}
${input('country', word(context, 'filter.country'), p.country, 'type="text" maxlength="2" autocomplete="off" pattern="[A-Za-z]{2}"')}
${input('minAgeHours', word(context, 'filter.minAgeHours'), p.minAgeHours, 'type="number" min="0" step="1" inputmode="numeric"')}
${select(
  'actor',
  word(context, 'filter.actor'),
  p.actor,
  ACTORS.map((actor) => ({ value: actor, label: word(context, `actor.${actor}`) })),
  word(context, 'filter.any'),
)}`;
  const filters = Object.fromEntries(Object.entries(p).filter(([name]) => name !== 'cursor'));
  const rows = page.items.map(
    (item) => html`<tr>
<td>${item.trackingNumber}</td>
<td>${item.orderId ? html`<a href="${dashboardHref(context, `orders/${encodeURIComponent(item.orderId)}`)}">${item.orderId}</a>` : html`<span class="muted">${word(context, 'noOrder')}</span>`}</td>
<td>${carrierName(context, item.carrier)}</td>
<td>${item.service ?? '–'}</td>
<td>${item.destinationCountry ?? '–'}</td>
<td>${catalogueWord(context.language, `status.${item.status}`)}</td>
<td>${item.kinds.map((kind) => word(context, `kind.${kind}`)).join(', ')}</td>
<td>${word(context, `actor.${item.actor}`)}</td>
<td class="number">${word(context, 'hours', { hours: item.ageHours })}</td>
<td>${item.pickupDeadline ?? '–'}</td>
</tr>`,
  );
  const table =
    page.items.length === 0
      ? html`<p>${word(context, 'results.none')}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="results-caption" tabindex="0"><table>
<caption id="results-caption">${word(context, 'results.caption', { count: page.items.length })}</caption>
<thead><tr>${(
          [
            'col.trackingNumber',
            'col.order',
            'col.carrier',
            'col.service',
            'col.country',
            'col.status',
            'col.reasons',
            'col.actor',
          ] as const
        ).map(
          (key) => html`<th scope="col">${word(context, key)}</th>`,
        )}<th scope="col" class="number">${word(context, 'col.age')}</th><th scope="col">${word(context, 'col.deadline')}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  const paging = html`<nav class="paging" aria-label="${word(context, 'paging.label')}"><ul>
${p.cursor ? html`<li><a href="${dashboardHref(context, 'at-risk', filters)}">${word(context, 'paging.first')}</a></li>` : ''}
${page.nextCursor ? html`<li><a rel="next" href="${dashboardHref(context, 'at-risk', { ...filters, cursor: page.nextCursor })}">${word(context, 'paging.next')}</a></li>` : ''}
<li><a href="${dashboardHref(context, 'at-risk', { ...filters, format: 'csv' })}" download>${word(context, 'csv')}</a></li>
</ul></nav>`;
  return shell(
    context,
    word(context, 'atRisk.title'),
    html`<h1>${word(context, 'atRisk.title')}</h1>
<p class="subtitle">${word(context, 'atRisk.intro')}</p>
${summary}
${filterForm(context, fields)}
${table}
${paging}`,
  );
}

export function laneLabel(context: DashboardRenderContext, lane: LanePerformance): string {
  return `${carrierName(context, lane.carrier)} · ${lane.service ?? word(context, 'noService')} · ${lane.originCountry} → ${lane.destinationCountry}`;
}

export function renderCarriersPage(
  context: DashboardRenderContext,
  lanes: readonly LanePerformance[],
  histogram: { counts: number[]; p50: number; p90: number },
  trend?: OnTimeTrend,
): Html {
  const p = context.params;
  const fields = html`${input('since', word(context, 'filter.since'), p.since, 'type="date"')}
${select(
  'carrier',
  word(context, 'filter.carrier'),
  p.carrier,
  context.carriers.map((carrier) => ({ value: carrier.id, label: carrier.name })),
  word(context, 'filter.any'),
)}`;
  if (lanes.length === 0)
    return shell(
      context,
      word(context, 'carriers.title'),
      html`<h1>${word(context, 'carriers.title')}</h1><p class="subtitle">${word(context, 'carriers.intro')}</p>${filterForm(context, fields)}<p>${word(context, 'carriers.none')}</p>`,
    );
  const onTimeText = (lane: LanePerformance) =>
    lane.onTimeRate === null
      ? word(context, 'noPromise')
      : word(context, 'chart.onTime.value', { percent: percent(context, lane.onTimeRate), count: lane.promisedCount });
  const firstEtaText = (lane: LanePerformance) =>
    lane.onTimeFirstEtaRate === null
      ? word(context, 'noEta')
      : word(context, 'chart.onTime.value', { percent: percent(context, lane.onTimeFirstEtaRate), count: lane.firstEtaCount });
  const firstEtaChart = horizontalBarChart({
    id: 'chart-first-eta',
    title: word(context, 'chart.firstEta.title'),
    description: word(context, 'chart.firstEta.description'),
    bars: lanes.map((lane) => ({ label: laneLabel(context, lane), value: lane.onTimeFirstEtaRate, valueText: firstEtaText(lane) })),
  });
  const onTimeChart = horizontalBarChart({
    id: 'chart-on-time',
    title: word(context, 'chart.onTime.title'),
    description: word(context, 'chart.onTime.description'),
    bars: lanes.map((lane) => ({ label: laneLabel(context, lane), value: lane.onTimeRate, valueText: onTimeText(lane) })),
  });
  const lanesTable = html`<div class="table-wrap" role="region" aria-labelledby="lanes-caption" tabindex="0"><table id="lanes-table">
<caption id="lanes-caption">${word(context, 'chart.table')}: ${word(context, 'chart.onTime.title')}</caption>
<thead><tr><th scope="col">${word(context, 'col.lane')}</th>${(
    ['col.sample', 'col.onTime', 'col.onTimeFirstEta', 'col.p50', 'col.p90', 'col.firstAttempt', 'col.exceptions'] as const
  ).map((key) => html`<th scope="col" class="number">${word(context, key)}</th>`)}</tr></thead>
<tbody>${lanes.map(
    (lane) =>
      html`<tr><th scope="row">${laneLabel(context, lane)}</th><td class="number">${lane.sampleSize}</td><td class="number">${onTimeText(lane)}</td><td class="number">${firstEtaText(lane)}</td><td class="number">${lane.transitDaysP50}</td><td class="number">${lane.transitDaysP90}</td><td class="number">${percent(context, lane.firstAttemptRate)}</td><td class="number">${percent(context, lane.exceptionRate)}</td></tr>`,
  )}</tbody>
</table></div>`;
  const histogramSvg = histogramChart({
    id: 'chart-transit',
    title: word(context, 'chart.histogram.title'),
    description: word(context, 'chart.histogram.description'),
    counts: histogram.counts,
    p50: histogram.p50,
    p90: histogram.p90,
    axisLabel: word(context, 'col.days'),
  });
  const histogramTable = html`<div class="table-wrap" role="region" aria-labelledby="transit-caption" tabindex="0"><table id="transit-table">
<caption id="transit-caption">${word(context, 'chart.table')}: ${word(context, 'chart.histogram.title')} (p50 ${histogram.p50}, p90 ${histogram.p90})</caption>
<thead><tr><th scope="col" class="number">${word(context, 'col.days')}</th><th scope="col" class="number">${word(context, 'col.sample')}</th></tr></thead>
<tbody>${histogram.counts.map((count, day) => html`<tr><th scope="row" class="number">${day}</th><td class="number">${count}</td></tr>`)}</tbody>
</table></div>`;
  return shell(
    context,
    word(context, 'carriers.title'),
    html`<h1>${word(context, 'carriers.title')}</h1>
<p class="subtitle">${word(context, 'carriers.intro')}</p>
${filterForm(context, fields)}
<section aria-labelledby="on-time-heading"><h2 id="on-time-heading">${word(context, 'chart.onTime.title')}</h2>
<div class="chart-and-table stacked">${onTimeChart}${lanesTable}</div></section>
<section aria-labelledby="first-eta-heading"><h2 id="first-eta-heading">${word(context, 'chart.firstEta.title')}</h2>
${firstEtaChart}<p class="subtitle">${word(context, 'chart.table')}: ${word(context, 'col.onTimeFirstEta')} — <a href="#lanes-table">${word(context, 'chart.onTime.title')}</a></p></section>
<section aria-labelledby="transit-heading"><h2 id="transit-heading">${word(context, 'chart.histogram.title')}</h2>
<div class="chart-and-table">${histogramSvg}${histogramTable}</div></section>
${trend ? trendSection(context, trend) : ''}
<p><a href="${dashboardHref(context, 'carriers', { ...p, format: 'csv' })}" download>${word(context, 'csv')}</a></p>`,
  );
}

/** The on-time rate per week as a line per carrier, and the same numbers in a table beside it. */
function trendSection(context: DashboardRenderContext, trend: OnTimeTrend): Html {
  const heading = html`<h2 id="trend-heading">${word(context, 'chart.trend.title')}</h2>`;
  if (trend.carriers.length === 0)
    return html`<section aria-labelledby="trend-heading">${heading}<p>${word(context, 'none')}</p></section>`;
  // Formatted once: the chart's axis and the table's rows name the same weeks.
  const weekFormat = new Intl.DateTimeFormat(context.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekLabels = trend.weeks.map((weekStart) => weekFormat.format(new Date(`${weekStart}T00:00:00Z`)));
  const chart = lineChart({
    id: 'chart-trend',
    title: word(context, 'chart.trend.title'),
    description: word(context, 'chart.trend.description', { weeks: trend.weeks.length }),
    xLabels: weekLabels,
    series: trend.carriers.map((series) => ({
      name: carrierName(context, series.carrier),
      values: series.points.map((point) => point.onTimeRate),
    })),
  });
  const table = html`<div class="table-wrap" role="region" aria-labelledby="trend-caption" tabindex="0"><table id="trend-table">
<caption id="trend-caption">${word(context, 'chart.table')}: ${word(context, 'chart.trend.title')}</caption>
<thead><tr><th scope="col">${word(context, 'col.week')}</th>${trend.carriers.map(
    (series) => html`<th scope="col" class="number">${carrierName(context, series.carrier)}</th>`,
  )}</tr></thead>
<tbody>${trend.weeks.map(
    (weekStart, index) =>
      html`<tr><th scope="row"><time datetime="${weekStart}">${weekLabels[index]}</time></th>${trend.carriers.map((series) => {
        const point = series.points[index]!;
        return html`<td class="number">${
          point.onTimeRate === null
            ? '–'
            : word(context, 'trend.cell', { percent: percent(context, point.onTimeRate), count: point.promisedCount })
        }</td>`;
      })}</tr>`,
  )}</tbody>
</table></div>`;
  return html`<section aria-labelledby="trend-heading">${heading}<div class="chart-and-table">${chart}${table}</div></section>`;
}

function numberText(context: DashboardRenderContext, value: number): string {
  return new Intl.NumberFormat(context.locale, { maximumFractionDigits: 2 }).format(value);
}

function rateText(context: DashboardRenderContext, value: number | null): string {
  return value === null ? '–' : percent(context, value);
}

/** A table with a caption, a header row and number cells right-aligned (every column but the `labels` first ones). */
function figuresTable(
  context: DashboardRenderContext,
  id: string,
  caption: string,
  headers: readonly DashboardWordKey[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  labels = 1,
): Html {
  if (rows.length === 0) return html`<p>${word(context, 'none')}</p>`;
  const cell = (value: string | number, index: number) =>
    index < labels
      ? index === 0
        ? html`<th scope="row">${value}</th>`
        : html`<td>${value}</td>`
      : html`<td class="number">${typeof value === 'number' ? numberText(context, value) : value}</td>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${headers.map((key, index) => html`<th scope="col"${index >= labels ? raw(' class="number"') : ''}>${word(context, key)}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map(cell)}</tr>`)}</tbody>
</table></div>`;
}

export function renderUpdatesPage(context: DashboardRenderContext, figures: UpdateEffects, windows: readonly string[]): Html {
  const fields = select(
    'since',
    word(context, 'filter.window'),
    context.params.since,
    windows.map((window) => ({ value: window, label: word(context, 'window.days', { days: Number.parseInt(window, 10) }) })),
    word(context, 'window.days', { days: 30 }),
  );
  const rows = figures.notifications;
  const chart =
    rows.length === 0
      ? html``
      : horizontalBarChart({
          id: 'chart-milestones',
          title: word(context, 'chart.milestones.title'),
          description: word(context, 'chart.milestones.description'),
          bars: rows.map((row) => ({
            label: `${row.milestone} · ${row.channel}`,
            value: row.total > 0 ? row.sent / row.total : null,
            valueText: word(context, 'chart.sent.value', { sent: row.sent, total: row.total }),
          })),
        });
  const totals = figures.totals;
  const lookups = figures.lookups;
  const proactive = figures.proactive;
  return shell(
    context,
    word(context, 'updates.title'),
    html`<h1>${word(context, 'updates.title')}</h1>
<p class="subtitle">${word(context, 'updates.intro')}</p>
${filterForm(context, fields)}
<div class="panel"><h2 id="proactive-heading">${word(context, 'updates.proactive')}</h2>
<p id="proactive-share">${word(context, 'proactive.text', {
      share: rateText(context, proactive.share),
      orders: proactive.orders,
      contacted: proactive.contactedFirst,
      without: proactive.contactedWithoutUpdate,
    })}</p></div>
<div class="panel"><h2 id="notifications-heading">${word(context, 'updates.notifications')}</h2>
<p id="notification-rates">${word(context, 'updates.rates', {
      sent: totals.sent,
      failed: totals.failed,
      delivery: rateText(context, totals.deliveryRate),
      failure: rateText(context, totals.failureRate),
    })}</p>
<div class="chart-and-table stacked">${chart}${figuresTable(
      context,
      'notifications-table',
      `${word(context, 'chart.table')}: ${word(context, 'updates.notifications')}`,
      ['col.milestone', 'col.channel', 'col.total', 'col.pending', 'col.sent', 'col.failed', 'col.dropped', 'col.confirmed'],
      rows.map((row) => [row.milestone, row.channel, row.total, row.pending, row.sent, row.failed, row.dropped, row.confirmedDelivered]),
      2,
    )}</div></div>
<div class="panel"><h2 id="lookups-heading">${word(context, 'updates.lookups')}</h2>
${figuresTable(
  context,
  'lookups-table',
  word(context, 'updates.lookups'),
  ['col.source', 'col.count', 'lookups.perOrder'],
  [
    [
      word(context, 'lookups.pageViews'),
      lookups.trackingPageViews,
      lookups.trackingPageViewsPerOrder === null ? '–' : numberText(context, lookups.trackingPageViewsPerOrder),
    ],
    [
      word(context, 'lookups.panel'),
      lookups.helpdeskPanelLookups,
      lookups.helpdeskPanelLookupsPerOrder === null ? '–' : numberText(context, lookups.helpdeskPanelLookupsPerOrder),
    ],
    [word(context, 'lookups.orders'), lookups.ordersPlaced, '–'],
  ],
)}</div>
<div class="panel"><h2 id="opt-outs-heading">${word(context, 'updates.optOuts')}</h2>
${figuresTable(
  context,
  'opt-outs-table',
  word(context, 'updates.optOuts'),
  ['col.channel', 'col.source', 'col.count'],
  figures.optOuts.map((row) => [row.channel, row.source, row.count]),
  2,
)}</div>
<div class="panel"><h2 id="skips-heading">${word(context, 'updates.skips')}</h2>
${figuresTable(
  context,
  'skips-table',
  word(context, 'updates.skips'),
  ['col.reason', 'col.count'],
  figures.skips.map((row) => [row.reason, row.count]),
)}</div>`,
  );
}

function durationText(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The real requests per carrier account against the carrier's documented rate limit and quota. */
function requestsSection(
  context: DashboardRenderContext,
  requests: readonly CarrierAccountRequests[],
  capabilities: ReadonlyArray<{ id: string; capabilities: CarrierCapabilities }>,
): Html {
  const rows = requests.map((entry) => {
    const documented = capabilities.find((candidate) => candidate.id === entry.carrier)?.capabilities;
    const limit = documented?.rateLimit;
    const rate = limit
      ? `${word(context, 'quota.per', { requests: numberText(context, Math.floor((limit.requests * 3_600_000) / limit.intervalMs)), per: word(context, 'per.hour') })} (${word(context, 'rate.perMinute', { requests: numberText(context, Math.floor((limit.requests * 60_000) / limit.intervalMs)) })})`
      : word(context, 'health.notPublished');
    const quota = documented?.quota
      ? word(context, 'quota.per', {
          requests: numberText(context, documented.quota.requests),
          per: word(context, `per.${documented.quota.per}`),
        })
      : word(context, 'health.notPublished');
    const errors = REQUEST_ERROR_KINDS.filter((kind) => entry.errorsToday[kind] > 0)
      .map((kind) => `${word(context, `requestError.${kind}`)} ${numberText(context, entry.errorsToday[kind])}`)
      .join(', ');
    return [
      carrierName(context, entry.carrier),
      entry.account,
      entry.thisHour,
      entry.previousHour,
      rate,
      entry.today,
      quota,
      entry.peakPerMinuteToday,
      errors || '–',
    ];
  });
  // Not a labelled region: its table is one, named by the same words.
  return html`<section class="panel"><h2 id="requests-heading">${word(context, 'requests.heading')}</h2>
<p class="subtitle">${word(context, 'requests.intro')}</p>
${
  rows.length === 0
    ? html`<p id="requests-none">${word(context, 'requests.none')}</p>`
    : figuresTable(
        context,
        'requests-table',
        word(context, 'requests.heading'),
        [
          'col.carrier',
          'col.account',
          'col.requestsHour',
          'col.requestsPreviousHour',
          'col.rateLimit',
          'col.requestsToday',
          'col.quota',
          'col.peakMinute',
          'col.errorsToday',
        ],
        rows,
        2,
      )
}</section>`;
}

/** The shop's carrier push subscriptions per carrier: how many push, end soon, ended or are stuck, and the next renewal. */
export interface PushSubscriptionsHealth {
  /** "Expiring" means ending within this many days. */
  expiringWithinDays: number;
  carriers: readonly PushSubscriptionCarrierSummary[];
}

function subscriptionsSection(context: DashboardRenderContext, subscriptions: PushSubscriptionsHealth): Html {
  const when = (instant: string | null) => (instant ? instant.slice(0, 16).replace('T', ' ') + ' UTC' : '–');
  const rows = subscriptions.carriers.map((entry) => [
    carrierName(context, entry.carrier),
    entry.active,
    entry.expiring,
    entry.expired,
    entry.suspended,
    entry.failed,
    when(entry.nextRenewalAt),
  ]);
  return html`<section class="panel"><h2 id="subscriptions-heading">${word(context, 'health.subscriptions')}</h2>
<p class="subtitle">${word(context, 'health.subscriptionsIntro', { days: subscriptions.expiringWithinDays })}</p>
${
  rows.length === 0
    ? html`<p id="subscriptions-none">${word(context, 'health.noSubscriptions')}</p>`
    : figuresTable(
        context,
        'subscriptions-table',
        word(context, 'health.subscriptions'),
        ['col.carrier', 'col.active', 'col.expiring', 'col.expired', 'col.suspended', 'col.failed', 'col.nextRenewal'],
        rows,
      )
}</section>`;
}

export function renderHealthPage(
  context: DashboardRenderContext,
  health: DashboardHealth,
  capabilities: ReadonlyArray<{ id: string; capabilities: CarrierCapabilities }>,
  requests?: readonly CarrierAccountRequests[],
  subscriptions?: PushSubscriptionsHealth,
): Html {
  const limitOf = (carrier: string | null) => {
    const entry = capabilities.find((candidate) => candidate.id === carrier)?.capabilities;
    if (!entry) return { hour: word(context, 'health.notPublished'), quota: word(context, 'health.notPublished') };
    // Numbers per hour the documented rate allows (a request carries up to maxNumbersPerRequest numbers).
    const perHour = Math.floor((entry.rateLimit.requests * 3_600_000) / entry.rateLimit.intervalMs) * entry.maxNumbersPerRequest;
    return {
      hour: numberText(context, perHour),
      quota: entry.quota
        ? word(context, 'quota.per', { requests: numberText(context, entry.quota.requests), per: word(context, `per.${entry.quota.per}`) })
        : word(context, 'health.notPublished'),
    };
  };
  const rows = health.carriers.map((carrier) => {
    const limit = limitOf(carrier.carrier);
    return [
      carrierName(context, carrier.carrier),
      carrier.watched,
      carrier.watchedByPush,
      carrier.checkedLastHour,
      limit.hour,
      limit.quota,
      carrier.due,
      carrier.oldestDueAt ? carrier.oldestDueAt.slice(0, 16).replace('T', ' ') + ' UTC' : '–',
      carrier.notFound,
      carrier.failing,
    ];
  });
  return shell(
    context,
    word(context, 'health.title'),
    html`<h1>${word(context, 'health.title')}</h1>
<p class="subtitle">${word(context, 'health.intro')}</p>
<p id="scheduler-backlog">${word(context, 'health.scheduler', { due: health.scheduler.due, lag: durationText(health.scheduler.lagSeconds) })}</p>
<p>${word(context, 'health.failed', { notifications: health.failedNotifications, webhooks: health.failedWebhookDeliveries })}</p>
${figuresTable(
  context,
  'health-table',
  word(context, 'health.title'),
  [
    'col.carrier',
    'col.watched',
    'col.push',
    'col.checkedHour',
    'col.limitHour',
    'col.quota',
    'col.due',
    'col.oldestDue',
    'col.notFound',
    'col.failing',
  ],
  rows,
)}
${requests ? requestsSection(context, requests, capabilities) : ''}
${subscriptions ? subscriptionsSection(context, subscriptions) : ''}
<p class="subtitle">${word(context, 'health.note')}</p>`,
  );
}
