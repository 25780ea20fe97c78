import { readFileSync } from 'node:fs';
import { SUBSTATUSES, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { AUSPOST_ARTICLE_STATUSES, AUSPOST_EVENT_DESCRIPTIONS } from './auspost-status-tables';
import { ausPostEventKey, mapAusPostArticleStatus, mapAusPostEvent } from './map-auspost-status';

describe('Australia Post status tables', () => {
  it('cover every article status karrio lists and every event text of the recorded answer', () => {
    const karrio = [
      'Possible delay',
      'Held by courier',
      'Delivered',
      'Delivered in Full',
      'In transit',
      'Article damaged',
      'Cancelled',
      'Cannot be delivered',
      'Unsuccessful Delivery',
      'To be Re-Delivered',
      'On Board for Delivery',
      'Awaiting collection',
      'Ready for Pickup',
    ];
    for (const status of karrio) expect(mapAusPostArticleStatus(status), status).toBeDefined();
    const recorded = JSON.parse(readFileSync(new URL('./__fixtures__/track-multiple-ids.json', import.meta.url), 'utf8')) as {
      tracking_results: unknown[];
    };
    const descriptions = new Set([...JSON.stringify(recorded).matchAll(/"description": ?"([^"]+)"/g)].map((match) => match[1]!));
    expect(descriptions.size).toBeGreaterThan(10);
    for (const description of descriptions) expect(mapAusPostEvent(description), description).toBeDefined();
  });

  it('every substatus belongs to its status', () => {
    for (const table of [AUSPOST_ARTICLE_STATUSES, AUSPOST_EVENT_DESCRIPTIONS]) {
      for (const [text, entry] of Object.entries(table) as Array<[string, StatusTableEntry]>)
        if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status, text).toBe(entry.status);
    }
  });

  it('matches texts whatever their capitals and spacing, and texts ending in a place by their prefix', () => {
    expect(mapAusPostEvent('ONBOARD FOR  delivery')).toEqual({ status: 'out_for_delivery', substatus: 'out_for_delivery' });
    expect(ausPostEventKey('In transit to next facility in CHULLORA NSW')).toBe('in transit to next facility in');
    // A text that merely starts like a known one without the place is not a prefix match.
    expect(ausPostEventKey('In transit to next facility inland')).toBe('in transit to next facility inland');
  });

  it('prototype keys are unmapped', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(mapAusPostEvent(key)).toBeUndefined();
      expect(mapAusPostArticleStatus(key)).toBeUndefined();
    }
  });
});
