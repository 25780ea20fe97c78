/**
 * Ticket triage: per-intent precision and recall of `classifyIntent` on the development ticket table
 * (packages/triage/src/__fixtures__/tickets.json) and on the unseen table written after the rules were
 * frozen (tickets-unseen.json); accuracy without typo tolerance and without negation handling (what each
 * adds); and the speed of the full rules against exact matching only, measured in the same run.
 *
 *   pnpm bench triage
 */
import developmentTable from '../../packages/triage/src/__fixtures__/tickets.json' with { type: 'json' };
import unseenTable from '../../packages/triage/src/__fixtures__/tickets-unseen.json' with { type: 'json' };
import { formatMetrics, intentMetrics, type LabelledTicket } from '../../packages/triage/src/__fixtures__/intent-metrics';
import { classifyIntent, type ClassifyOptions } from '../../packages/triage/src/classify-intent';
import { compareAgainstBaseline } from './compare';

const textOf = (ticket: LabelledTicket) => `${ticket.subject}\n${ticket.body}`;

function accuracy(tickets: readonly LabelledTicket[], options: ClassifyOptions): string {
  const report = intentMetrics(tickets, (ticket) => classifyIntent(textOf(ticket), options).intent);
  return `${report.correct}/${report.total} = ${(report.accuracy * 100).toFixed(1)}%`;
}

export default async function runTriageBenchmark(): Promise<void> {
  const development = developmentTable as LabelledTicket[];
  const unseen = unseenTable as LabelledTicket[];
  console.log(
    formatMetrics(
      intentMetrics(development, (ticket) => classifyIntent(textOf(ticket)).intent),
      `Development table (${development.length} tickets; the rules were written and tuned on it)`,
    ),
  );
  console.log('');
  console.log(
    formatMetrics(
      intentMetrics(unseen, (ticket) => classifyIntent(textOf(ticket)).intent),
      `Unseen table (${unseen.length} tickets, written after the rules were frozen, never tuned on)`,
    ),
  );
  console.log('');
  for (const [name, tickets] of [
    ['development', development],
    ['unseen', unseen],
  ] as const) {
    console.log(
      `${name}: full rules ${accuracy(tickets, {})}; without typo tolerance ${accuracy(tickets, { typos: false })}; without negation handling ${accuracy(tickets, { negation: false })}`,
    );
    const tagged = (tag: string) => tickets.filter((ticket) => ticket.tags?.includes(tag));
    for (const tag of ['typo', 'negation']) {
      const subset = tagged(tag);
      if (subset.length > 0)
        console.log(
          `  ${tag} tickets (${subset.length}): full ${accuracy(subset, {})}; without typo tolerance ${accuracy(subset, { typos: false })}; without negation ${accuracy(subset, { negation: false })}`,
        );
    }
  }
  console.log('');
  const texts = development.map(textOf);
  await compareAgainstBaseline({
    title: `classifyIntent over ${texts.length} tickets: full rules vs exact matching only (no typo tolerance)`,
    baseline: { name: 'exact matching', run: () => texts.map((text) => classifyIntent(text, { typos: false })) },
    candidate: { name: 'with typo tolerance', run: () => texts.map((text) => classifyIntent(text)) },
  });
}
