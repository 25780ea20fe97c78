import { SUPPORTED_LANGUAGES } from '@wismo/order-view';
import { describe, expect, it } from 'vitest';
import ticketTable from './__fixtures__/tickets.json' with { type: 'json' };
import unseenTable from './__fixtures__/tickets-unseen.json' with { type: 'json' };
import { formatMetrics, intentMetrics, type LabelledTicket } from './__fixtures__/intent-metrics';
import { classifyIntent, detectLanguage, MAX_CLASSIFIED_CHARACTERS } from './classify-intent';
import { INTENTS } from './triage-types';

const tickets = ticketTable as LabelledTicket[];
const textOf = (ticket: LabelledTicket) => `${ticket.subject}\n${ticket.body}`;

describe('the ticket table', () => {
  it('has at least 150 tickets, 25 per language, with negations, typos, mixed intents and several orders', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(150);
    for (const language of SUPPORTED_LANGUAGES)
      expect(tickets.filter((ticket) => ticket.language === language).length).toBeGreaterThanOrEqual(25);
    for (const tag of ['negation', 'typo', 'mixed', 'several_orders'])
      expect(tickets.filter((ticket) => ticket.tags?.includes(tag)).length).toBeGreaterThanOrEqual(5);
    for (const intent of INTENTS) expect(tickets.filter((ticket) => ticket.intent === intent).length).toBeGreaterThanOrEqual(10);
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(tickets.length);
  });
});

describe('classifyIntent on the ticket table', () => {
  const report = intentMetrics(tickets, (ticket) => classifyIntent(textOf(ticket)).intent);

  // Floors chosen below the measured values (see the README's table) with room for one or two misses per
  // intent, so a keyword change that loses real tickets fails here. The table was written before the rules.
  it('keeps precision and recall per intent above the floors', () => {
    expect(report.accuracy, formatMetrics(report, 'Development table')).toBeGreaterThanOrEqual(0.9);
    for (const row of report.perIntent) {
      expect(row.precision ?? 0, `${row.intent} precision`).toBeGreaterThanOrEqual(0.85);
      expect(row.recall ?? 0, `${row.intent} recall`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('detects the language of every ticket', () => {
    const wrong = tickets.filter((ticket) => classifyIntent(textOf(ticket)).language !== ticket.language).map((ticket) => ticket.id);
    expect(wrong).toEqual([]);
  });

  it('names the secondary intent of most mixed tickets', () => {
    const mixed = tickets.filter((ticket) => ticket.alsoIntents);
    const found = mixed.filter((ticket) =>
      ticket.alsoIntents!.every((intent) => classifyIntent(textOf(ticket)).secondaryIntents.includes(intent)),
    );
    expect(found.length / mixed.length).toBeGreaterThanOrEqual(0.75);
  });
});

describe('classifyIntent on the unseen table', () => {
  // Written after the rules were frozen and never tuned on: it measures how keyword rules carry over to
  // new phrasings (poorly; see docs/triage.md). The floor is the first measured accuracy (24/50), so losing
  // what the rules already cover fails; raising it means writing a new unseen table, not tuning on this one.
  it('keeps at least the accuracy first measured', () => {
    const unseen = unseenTable as LabelledTicket[];
    const report = intentMetrics(unseen, (ticket) => classifyIntent(textOf(ticket)).intent);
    expect(unseen.length).toBe(50);
    expect(report.correct, formatMetrics(report, 'Unseen table')).toBeGreaterThanOrEqual(24);
  });
});

describe('negation', () => {
  it.each([
    ['en', 'The parcel is not damaged, I just want to know when it arrives.'],
    ['de', 'Die Ware ist nicht beschädigt. Wann kommt die Lieferung?'],
    ['fr', "Le colis n'est pas endommagé, mais quand est-ce qu'il arrivera ?"],
    ['nl', 'Het pakket is niet beschadigd hoor. Wanneer wordt het bezorgd?'],
    ['es', 'El paquete no está dañado. ¿Cuándo llega?'],
  ])('%s: a negated damage claim does not count', (_language, text) => {
    const result = classifyIntent(text);
    expect(result.intent).toBe('where_is_my_order');
    expect(result.evidence.some((item) => item.intent === 'damaged_or_missing_items' && item.negated)).toBe(true);
    expect(result.scores.damaged_or_missing_items).toBe(0);
  });

  it('keeps the claim when the negation is in another clause', () => {
    expect(classifyIntent('I did not expect this, the lamp arrived broken.').intent).toBe('damaged_or_missing_items');
    expect(classifyIntent('Not my first order, but this time the box was crushed.').intent).toBe('damaged_or_missing_items');
  });

  it('treats "not received" as a phrase of its own, not as a negated "received"', () => {
    expect(classifyIntent('I have not received my parcel yet.').intent).toBe('where_is_my_order');
  });

  it('does not cancel a topic by a negation: "no refund yet" is about the refund', () => {
    expect(classifyIntent('Still no refund for my return.').intent).toBe('return_or_refund');
  });
});

describe('typos and diacritics', () => {
  it.each([
    ['I recieved the wrong colour', 'damaged_or_missing_items'],
    ['Kann ich die Lieferaddresse ändern?', 'change_address_or_date'],
    ['ma comande est toujour pas arrivee', 'where_is_my_order'],
    ['mijn bestlling is niet ontvagen', 'where_is_my_order'],
    ['quiero cancelr mi pedido', 'cancel_order'],
    ['BESCHAEDIGT ist die Ware nicht, aber wo ist das Paket?', 'where_is_my_order'],
  ] as const)('%s → %s', (text, intent) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it('marks evidence read past a typo', () => {
    const result = classifyIntent('The lamp arrived brokn.');
    expect(result.intent).toBe('damaged_or_missing_items');
    expect(result.evidence.some((item) => item.typo && item.text.includes('brokn'))).toBe(true);
  });

  it('never reads a known word as a typo of another ("pedido" is no "perdido")', () => {
    expect(classifyIntent('¿Alguna novedad de mi paquete? Pedido 5066').intent).toBe('where_is_my_order');
  });
});

describe('detectLanguage', () => {
  it('falls back when the text has no frequent words', () => {
    expect(detectLanguage('1Z999AA10123456784', 'de')).toMatchObject({ language: 'de', confidence: 'low' });
  });

  it('reads the clear cases with high confidence', () => {
    expect(detectLanguage('Bonjour, je n’ai toujours rien reçu de ma commande.')).toMatchObject({ language: 'fr', confidence: 'high' });
    expect(detectLanguage('Hallo, ich habe noch nichts bekommen und warte seit einer Woche.')).toMatchObject({
      language: 'de',
      confidence: 'high',
    });
  });
});

describe('long tickets', () => {
  it('reads only the first MAX_CLASSIFIED_CHARACTERS characters: the request is at the top', () => {
    const history = '> On Monday you wrote: please cancel the order and refund me. '.repeat(200);
    const result = classifyIntent(`Where is my parcel? It has not arrived.\n\n${history}`);
    expect(result.intent).toBe('where_is_my_order');
    expect(result.scores.cancel_order).toBeGreaterThan(0); // the first quoted lines are still within the limit
    expect(classifyIntent(`${'x '.repeat(MAX_CLASSIFIED_CHARACTERS)} please cancel my order`).intent).toBe('other');
  });
});

describe('no keyword at all', () => {
  it('is "other"', () => {
    expect(classifyIntent('Hello').intent).toBe('other');
    expect(classifyIntent('').intent).toBe('other');
  });
});
