import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import developmentTable from './__fixtures__/tickets.json' with { type: 'json' };
import unseenTable from './__fixtures__/tickets-unseen.json' with { type: 'json' };
import { formatMetrics, intentMetrics, type LabelledTicket } from './__fixtures__/intent-metrics';
import { classifyIntent } from './classify-intent';
import { triage } from './triage';
import { triageTags } from './triage-tags';

const doc = readFileSync(new URL('../../../docs/triage.md', import.meta.url), 'utf8');
const textOf = (ticket: LabelledTicket) => `${ticket.subject}\n${ticket.body}`;

describe('docs/triage.md', () => {
  it.each([
    ['Development table', developmentTable as LabelledTicket[]],
    ['Unseen table', unseenTable as LabelledTicket[]],
  ] as const)('shows the %s as the rules measure it today', (title, tickets) => {
    const table = formatMetrics(
      intentMetrics(tickets, (ticket) => classifyIntent(textOf(ticket)).intent),
      title,
    ).split('\n');
    // The per-intent rows and the accuracy line, as `pnpm bench triage` prints them.
    for (const line of table.slice(2, 10)) expect(doc).toContain(line);
  });

  it('has a recipe for each helpdesk', () => {
    for (const helpdesk of ['Zendesk', 'Freshdesk', 'Gorgias', 'Help Scout', 'HubSpot', 'Intercom', 'Gladly'])
      expect(doc).toContain(`### ${helpdesk}\n`);
  });

  it('lists every tag prefix triageTags produces', () => {
    const tags = triageTags(triage({ body: 'Where is my order?' }, null));
    for (const tag of tags) expect(doc).toContain(tag.replace(/_(where_is_my_order|first_line|normal|en)$/, '_'));
  });
});
