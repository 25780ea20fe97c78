import type { Language } from '@wismo/order-view';
import { INTENTS, type Channel, type Intent } from '../triage-types';

/** One ticket of the table: written as customers write, with the intent a support lead would file it under. */
export interface LabelledTicket {
  id: string;
  language: Language;
  channel: Channel;
  subject: string;
  body: string;
  intent: Intent;
  /** Further intents the ticket raises (not scored). */
  alsoIntents?: Intent[];
  /** `negation`, `typo`, `mixed`, `several_orders`. */
  tags?: string[];
}

export interface IntentMetrics {
  intent: Intent;
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Null when the rules never predicted the intent. */
  precision: number | null;
  recall: number | null;
}

export interface MetricsReport {
  total: number;
  correct: number;
  accuracy: number;
  perIntent: IntentMetrics[];
  misses: Array<{ id: string; expected: Intent; predicted: Intent }>;
}

/** Precision and recall per intent of `predict` on labelled tickets. */
export function intentMetrics(tickets: readonly LabelledTicket[], predict: (ticket: LabelledTicket) => Intent): MetricsReport {
  const predictions = tickets.map((ticket) => ({ ticket, predicted: predict(ticket) }));
  const perIntent = INTENTS.map((intent) => {
    const truePositives = predictions.filter(({ ticket, predicted }) => predicted === intent && ticket.intent === intent).length;
    const falsePositives = predictions.filter(({ ticket, predicted }) => predicted === intent && ticket.intent !== intent).length;
    const falseNegatives = predictions.filter(({ ticket, predicted }) => predicted !== intent && ticket.intent === intent).length;
    const support = truePositives + falseNegatives;
    return {
      intent,
      support,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: truePositives + falsePositives === 0 ? null : truePositives / (truePositives + falsePositives),
      recall: support === 0 ? null : truePositives / support,
    };
  });
  const misses = predictions
    .filter(({ ticket, predicted }) => predicted !== ticket.intent)
    .map(({ ticket, predicted }) => ({ id: ticket.id, expected: ticket.intent, predicted }));
  return {
    total: tickets.length,
    correct: tickets.length - misses.length,
    accuracy: (tickets.length - misses.length) / tickets.length,
    perIntent,
    misses,
  };
}

function percent(value: number | null): string {
  return value === null ? '   n/a' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

/** The report as a fixed-width table. */
export function formatMetrics(report: MetricsReport, title: string): string {
  const lines = [
    title,
    `${'intent'.padEnd(26)} support  precision  recall`,
    ...report.perIntent.map(
      (row) =>
        `${row.intent.padEnd(26)} ${String(row.support).padStart(7)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall).padStart(6)}`,
    ),
    `accuracy ${report.correct}/${report.total} = ${percent(report.accuracy).trim()}`,
  ];
  if (report.misses.length > 0)
    lines.push(`misses: ${report.misses.map((miss) => `${miss.id} (${miss.expected} → ${miss.predicted})`).join(', ')}`);
  return lines.join('\n');
}
