import { html } from 'hono/html';
import type { Html } from '../page/layout';

/**
 * Server-rendered SVG charts. Colour never carries meaning alone: every bar is labelled with its value in
 * text, bars sit in an outlined full-scale track, and the percentile lines differ by dash pattern and label.
 */
export interface BarDatum {
  label: string;
  /** 0..1, or null when there is no value (drawn as an empty track with `emptyText`). */
  value: number | null;
  /** Written beside the bar, e.g. `83 % of 40`. */
  valueText: string;
}

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 280;
const VALUE_WIDTH = 150;

/** Horizontal bars, one per row, on a 0–100 % scale. */
export function horizontalBarChart(input: { id: string; title: string; description: string; bars: readonly BarDatum[] }): Html {
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = Math.max(1, input.bars.length) * ROW_HEIGHT + 10;
  return html`<svg class="chart" id="${input.id}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${input.id}-title">${input.title}</title>
<desc id="${input.id}-desc">${input.description}</desc>
${input.bars.map((bar, index) => {
  const y = index * ROW_HEIGHT + 5;
  const filled = bar.value === null ? 0 : Math.round(Math.min(1, Math.max(0, bar.value)) * BAR_WIDTH);
  return html`<g class="bar">
<text x="${LABEL_WIDTH - 8}" y="${y + 18}" text-anchor="end" class="chart-label">${bar.label}</text>
<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${BAR_WIDTH}" height="${ROW_HEIGHT - 10}" class="chart-track"/>
<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${filled}" height="${ROW_HEIGHT - 10}" class="chart-bar" data-value="${bar.value ?? ''}"/>
<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + 18}" class="chart-value">${bar.valueText}</text>
</g>`;
})}
</svg>`;
}

/** Vertical bars of counts per whole day (index = days), with the p50 and p90 days marked. */
export function histogramChart(input: {
  id: string;
  title: string;
  description: string;
  counts: readonly number[];
  p50: number;
  p90: number;
  axisLabel: string;
}): Html {
  const columns = Math.max(1, input.counts.length);
  const columnWidth = Math.max(24, Math.min(56, Math.floor(560 / columns)));
  const left = 20;
  const top = 34;
  const plotHeight = 180;
  const width = left * 2 + columns * columnWidth;
  const height = top + plotHeight + 48;
  const max = Math.max(1, ...input.counts);
  const centre = (day: number) => left + day * columnWidth + columnWidth / 2;
  // Drawn before the bars, so that bars and their numbers stay on top of the lines.
  const marker = (day: number, label: string, dash: string, offset: number) =>
    html`<g class="chart-marker"><line x1="${centre(day)}" x2="${centre(day)}" y1="${top - 6}" y2="${top + plotHeight}" stroke-dasharray="${dash}" class="chart-line"/><text x="${centre(day) + 4}" y="${top - 20 + offset}" class="chart-value">${label}</text></g>`;
  return html`<svg class="chart" id="${input.id}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${input.id}-title">${input.title}</title>
<desc id="${input.id}-desc">${input.description}</desc>
<line x1="${left}" x2="${width - left}" y1="${top + plotHeight}" y2="${top + plotHeight}" class="chart-axis"/>
${marker(input.p50, 'p50', '6 4', 0)}${marker(input.p90, 'p90', '2 3', input.p90 === input.p50 ? 12 : 0)}
${input.counts.map((count, day) => {
  const barHeight = Math.round((count / max) * (plotHeight - 20));
  const x = left + day * columnWidth + 3;
  return html`<g class="bar">
<rect x="${x}" y="${top + plotHeight - barHeight}" width="${columnWidth - 6}" height="${barHeight}" class="chart-bar" data-value="${count}"/>
<text x="${centre(day)}" y="${top + plotHeight - barHeight - 4}" text-anchor="middle" class="chart-value">${count}</text>
<text x="${centre(day)}" y="${top + plotHeight + 18}" text-anchor="middle" class="chart-label">${day}</text>
</g>`;
})}
<text x="${width / 2}" y="${height - 6}" text-anchor="middle" class="chart-label">${input.axisLabel}</text>
</svg>`;
}

/** The charts' styles: text and bars in the page's text and link colours (both at AA contrast on the background). */
export const CHART_CSS = `.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}
.chart text{fill:var(--text);font-size:13px}
.chart .chart-track{fill:none;stroke:var(--muted);stroke-width:1}
.chart .chart-bar{fill:var(--link)}
.chart .chart-axis{stroke:var(--text);stroke-width:1}
.chart .chart-line{stroke:var(--text);stroke-width:2}
.chart .chart-series-line{fill:none}
.chart .chart-grid{stroke:var(--muted);stroke-width:1;stroke-dasharray:1 3}
.chart .chart-marker-solid{fill:var(--text)}
.chart .chart-marker-open{fill:var(--bg);stroke:var(--text);stroke-width:2}
.chart .chart-marker-cross{stroke:var(--text);stroke-width:2.5}
.chart .chart-small{font-size:11px}`;

export interface LineSeries {
  name: string;
  /** 0..1 per x position; null leaves a gap in the line. */
  values: ReadonlyArray<number | null>;
}

/** Per series, a marker shape and a dash pattern of its own: the lines differ without colour. */
const LINE_STYLES: ReadonlyArray<{ shape: string; dash: string; marker: (x: number, y: number) => Html }> = [
  { shape: 'circle', dash: '', marker: (x, y) => html`<circle cx="${x}" cy="${y}" r="4.5" class="chart-marker-solid"/>` },
  {
    shape: 'square',
    dash: '8 4',
    marker: (x, y) => html`<rect x="${x - 4}" y="${y - 4}" width="8" height="8" class="chart-marker-open"/>`,
  },
  {
    shape: 'triangle',
    dash: '2 3',
    marker: (x, y) => html`<path d="M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z" class="chart-marker-solid"/>`,
  },
  {
    shape: 'diamond',
    dash: '10 3 2 3',
    marker: (x, y) => html`<path d="M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z" class="chart-marker-open"/>`,
  },
  {
    shape: 'cross',
    dash: '4 2',
    marker: (x, y) => html`<path d="M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}" class="chart-marker-cross"/>`,
  },
];

/**
 * Lines of rates (0–100 %) over labelled x positions, with gridlines every 25 %. Each series has its own dash
 * pattern and marker shape, named in a legend drawn with the same line and marker; the caller puts the numbers
 * in a table beside the chart.
 */
export function lineChart(input: {
  id: string;
  title: string;
  description: string;
  xLabels: readonly string[];
  series: readonly LineSeries[];
}): Html {
  const left = 52;
  const top = 16;
  const plotHeight = 200;
  const step = Math.max(36, Math.min(72, Math.floor(620 / Math.max(1, input.xLabels.length))));
  const plotWidth = Math.max(1, input.xLabels.length - 1) * step;
  const legendTop = top + plotHeight + 52;
  const legendRows = Math.ceil(input.series.length / 3);
  const width = left + plotWidth + 40;
  const height = legendTop + legendRows * 24 + 4;
  const x = (index: number) => left + index * step;
  const y = (value: number) => top + plotHeight - Math.min(1, Math.max(0, value)) * plotHeight;
  const style = (index: number) => LINE_STYLES[index % LINE_STYLES.length]!;
  // One path per run of values without a gap.
  const segments = (values: ReadonlyArray<number | null>) => {
    const runs: string[] = [];
    let run: string[] = [];
    values.forEach((value, index) => {
      if (value === null) {
        if (run.length > 1) runs.push(run.join(' '));
        run = [];
        return;
      }
      run.push(`${run.length === 0 ? 'M' : 'L'}${x(index)} ${Math.round(y(value) * 10) / 10}`);
    });
    if (run.length > 1) runs.push(run.join(' '));
    return runs;
  };
  return html`<svg class="chart" id="${input.id}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${input.id}-title">${input.title}</title>
<desc id="${input.id}-desc">${input.description}</desc>
${[0, 0.25, 0.5, 0.75, 1].map(
  (tick) =>
    html`<line x1="${left}" x2="${left + plotWidth}" y1="${y(tick)}" y2="${y(tick)}" class="${tick === 0 ? 'chart-axis' : 'chart-grid'}"/><text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" class="chart-label">${tick * 100} %</text>`,
)}
${input.xLabels.map(
  (label, index) =>
    html`<text x="${x(index)}" y="${top + plotHeight + 18}" text-anchor="end" transform="rotate(-35 ${x(index)} ${top + plotHeight + 18})" class="chart-label chart-small">${label}</text>`,
)}
${input.series.map(
  (series, index) => html`<g class="chart-series" data-series="${series.name}" data-marker="${style(index).shape}">
${segments(series.values).map((d) => html`<path d="${d}" stroke-dasharray="${style(index).dash || 'none'}" class="chart-line chart-series-line"/>`)}
${series.values.map((value, point) => (value === null ? '' : style(index).marker(x(point), y(value))))}
</g>`,
)}
<g class="chart-legend">${input.series.map((series, index) => {
    const legendX = left + (index % 3) * 190;
    const legendY = legendTop + Math.floor(index / 3) * 24;
    return html`<g><line x1="${legendX}" x2="${legendX + 36}" y1="${legendY}" y2="${legendY}" stroke-dasharray="${style(index).dash || 'none'}" class="chart-line"/>${style(index).marker(legendX + 18, legendY)}<text x="${legendX + 44}" y="${legendY + 4}" class="chart-label">${series.name}</text></g>`;
  })}</g>
</svg>`;
}
