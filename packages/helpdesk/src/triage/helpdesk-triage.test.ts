import { triage, triageTags, type TriageResult } from '@wismo/triage';
import { describe, expect, it } from 'vitest';
import { htmlToText, readTriageRequest } from './triage-routes';
import {
  mergeTags,
  renderTriageHtml,
  toFreshdeskTriage,
  toGladlyTriage,
  toHubSpotTriage,
  toIntercomTriage,
  toZendeskTriage,
} from './helpdesk-triage';

function withPriority(priority: TriageResult['priority']): TriageResult {
  return { ...triage({ body: 'Where is my order?' }, null), priority };
}

describe('helpdesk payloads', () => {
  it('maps priorities onto each helpdesk’s scale', () => {
    expect(
      ['low', 'normal', 'high', 'urgent'].map(
        (priority) => toFreshdeskTriage(withPriority(priority as TriageResult['priority'])).ticketUpdate.priority,
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(
      ['low', 'normal', 'high', 'urgent'].map(
        (priority) => toHubSpotTriage(withPriority(priority as TriageResult['priority'])).ticketUpdate.properties.hs_ticket_priority,
      ),
    ).toEqual(['LOW', 'MEDIUM', 'HIGH', 'HIGH']);
    expect(toHubSpotTriage(withPriority('urgent')).ticketUpdate.properties.wismo_priority).toBe('urgent');
    expect(toZendeskTriage(withPriority('urgent')).ticketUpdate.ticket.priority).toBe('urgent');
  });

  it('keeps the ticket’s own tags and replaces earlier wismo_ tags when the API replaces the list', () => {
    expect(mergeTags(['vip', 'WISMO_intent_other', 'returns'], ['wismo_intent_cancel_order'])).toEqual([
      'vip',
      'returns',
      'wismo_intent_cancel_order',
    ]);
    expect(mergeTags(undefined, ['a', 'a'])).toEqual(['a']);
  });

  it('gives Gladly flat string attributes and Intercom typed attributes', () => {
    const result = triage({ body: 'Where is my order?' }, null);
    expect(Object.values(toGladlyTriage(result).customAttributes).every((value) => typeof value === 'string')).toBe(true);
    expect(toIntercomTriage(result).conversationUpdate.custom_attributes.wismo_auto_answerable).toBe(false);
    expect(toGladlyTriage(result).topics).toEqual(triageTags(result));
  });

  it('escapes the customer’s words in the HTML block', () => {
    const result = triage({ body: 'It says delivered <img src=x onerror=alert(1)> but nothing is here' }, null);
    expect(result.reasons.intent).toContain('<img');
    const html = renderTriageHtml(result);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('reading tickets from helpdesk bodies', () => {
  it('turns message HTML into words', () => {
    expect(htmlToText('<p>Hello&nbsp;there,</p><p>my <b>parcel</b> &amp; box</p>')).toBe('Hello there,\n my parcel & box');
  });

  it('reads our shape, Intercom’s, and Help Scout’s dynamic-app and webhook bodies', () => {
    expect(
      readTriageRequest({
        ticket: { subject: 'Hi', body: 'Where?', channel: 'chat' },
        email: 'a@b.c',
        orderNumber: '1',
        existingTags: ['x'],
      }),
    ).toEqual({
      ticket: { subject: 'Hi', body: 'Where?', channel: 'chat' },
      email: 'a@b.c',
      orderNumber: '1',
      existingTags: ['x'],
    });
    expect(readTriageRequest({ contact: { email: 'c@d.e' }, conversation: { source: { body: '<p>Where is it?</p>' } } })).toMatchObject({
      ticket: { body: 'Where is it?', channel: 'chat' },
      email: 'c@d.e',
    });
    expect(readTriageRequest({ ticket: { id: 1, subject: 'Wo ist mein Paket?' }, customer: { email: 'f@g.h' } })).toMatchObject({
      ticket: { subject: 'Wo ist mein Paket?', body: '' },
      email: 'f@g.h',
    });
    expect(
      readTriageRequest({ subject: 'Late', _embedded: { threads: [{ body: 'Still nothing' }] }, primaryCustomer: { email: 'i@j.k' } }),
    ).toMatchObject({ ticket: { subject: 'Late', body: 'Still nothing', channel: 'email' }, email: 'i@j.k' });
  });

  it('finds nothing to read in a body without text', () => {
    expect(readTriageRequest({ email: 'a@b.c' })).toBeNull();
    expect(readTriageRequest('text')).toBeNull();
  });
});
