import { describe, expect, it } from 'vitest';
import { triageExampleTickets } from '../examples/triage-tickets';

describe('the README example', () => {
  it('triages the three tickets as the README shows', async () => {
    const results = await triageExampleTickets();
    expect(
      results.map((result) => [result.matchedBy, result.intent, result.language, result.autoAnswerable, result.skill, result.priority]),
    ).toEqual([
      [['1077 by order_number'], 'delivery_problem', 'de', false, 'customs', 'high'],
      [['NL-3381 by email'], 'where_is_my_order', 'nl', true, 'first_line', 'normal'],
      [['US-58211 by tracking_number'], 'where_is_my_order', 'en', true, 'first_line', 'low'],
    ]);
    expect(results[0]!.tags).toEqual([
      'wismo_intent_delivery_problem',
      'wismo_skill_customs',
      'wismo_priority_high',
      'wismo_lang_de',
      'wismo_needs_agent',
    ]);
    expect(results[1]!.suggestedReply).toMatch(/^Hallo Sanne,/);
  });
});
