import { SUBSTATUSES, isSubstatus, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { mapDhlEvent } from './parse-dhl-response';
import { DHL_EXPRESS_CHECKPOINT_TABLE, DHL_STATUS_CODES, DHL_STATUS_CODE_TABLE, DHL_TEXT_RULES } from './dhl-status-tables';

/**
 * The documented `statusCode` values: docs/research/carrier-codes/misc-codes.md, section
 * "DHL Shipment Tracking – Unified" (Unified API 1.5.6 enum, same values in karrio dhl_universal and
 * the real parcel-de sample), confirmed by DHL developer FAQ 47001197243.
 */
const DOCUMENTED_STATUS_CODES = ['pre-transit', 'transit', 'delivered', 'failure', 'unknown'];

function expectConsistent(label: string, entry: StatusTableEntry) {
  if (!entry.substatus) return;
  expect(isSubstatus(entry.substatus), `${label}: ${entry.substatus} is a substatus`).toBe(true);
  expect(SUBSTATUSES[entry.substatus].status, `${label}: ${entry.substatus} belongs to ${entry.status}`).toBe(entry.status);
}

describe('DHL status tables', () => {
  it('maps every documented statusCode, and nothing else', () => {
    expect(Object.keys(DHL_STATUS_CODE_TABLE).sort()).toEqual([...DOCUMENTED_STATUS_CODES].sort());
    expect([...DHL_STATUS_CODES].sort()).toEqual([...DOCUMENTED_STATUS_CODES].sort());
  });

  it('gives every entry of every table a substatus that belongs to its status', () => {
    for (const [code, entry] of Object.entries(DHL_STATUS_CODE_TABLE)) expectConsistent(`statusCode ${code}`, entry);
    for (const [code, entry] of Object.entries(DHL_EXPRESS_CHECKPOINT_TABLE)) expectConsistent(`checkpoint ${code}`, entry);
    for (const rule of DHL_TEXT_RULES) expectConsistent(`rule ${rule.id}`, rule.entry);
  });

  it('maps the coarse codes by DHL’s definitions', () => {
    expect(DHL_STATUS_CODE_TABLE['pre-transit']).toEqual({ status: 'info_received', substatus: 'label_created' });
    expect(DHL_STATUS_CODE_TABLE.transit).toEqual({ status: 'in_transit', substatus: 'in_transit' });
    expect(DHL_STATUS_CODE_TABLE.delivered).toEqual({ status: 'delivered', substatus: 'delivered' });
    // "failure" covers undeliverable, customs, expired and returned alike: only the generic exception is honest.
    expect(DHL_STATUS_CODE_TABLE.failure).toEqual({ status: 'exception', substatus: 'carrier_exception' });
    expect(DHL_STATUS_CODE_TABLE.unknown.status).toBe('unknown');
  });

  it('keeps express checkpoint codes to two upper-case letters', () => {
    for (const code of Object.keys(DHL_EXPRESS_CHECKPOINT_TABLE)) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('gives each text rule a unique id, a source, and a pattern that matches its cited phrase', () => {
    const ids = DHL_TEXT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DHL_TEXT_RULES) {
      expect(rule.pattern.test(rule.example), `${rule.id} matches "${rule.example}"`).toBe(true);
      expect(rule.pattern.global, `${rule.id} must not be global (stateful lastIndex)`).toBe(false);
      expect(rule.statusCodes.length).toBeGreaterThan(0);
      for (const code of rule.statusCodes) expect(DOCUMENTED_STATUS_CODES).toContain(code);
    }
  });
});

describe('mapDhlEvent', () => {
  it('falls back to the coarse statusCode when no phrase matches', () => {
    expect(
      mapDhlEvent({ statusCode: 'transit', description: 'Die Sendung wurde für den Weitertransport vorbereitet.' }, 'parcel-de'),
    ).toEqual({
      code: 'transit',
      entry: DHL_STATUS_CODE_TABLE.transit,
      matchedBy: 'status-code',
    });
  });

  it('refines a coarse code with a cited phrase', () => {
    const mapped = mapDhlEvent(
      {
        statusCode: 'transit',
        description: 'Die Sendung wurde in das Zustellfahrzeug geladen. Die Zustellung erfolgt voraussichtlich heute.',
      },
      'parcel-de',
    );
    expect(mapped).toMatchObject({
      code: 'transit',
      matchedBy: 'text',
      ruleId: 'parcel-de-de-loaded-for-delivery',
      entry: { status: 'out_for_delivery' },
    });
  });

  it('never lets a phrase override a code it was not cited for', () => {
    // "loaded onto the delivery vehicle" is cited for transit only; with failure DHL says something went wrong.
    const mapped = mapDhlEvent(
      { statusCode: 'failure', description: 'The shipment has been loaded onto the delivery vehicle' },
      'parcel-de',
    );
    expect(mapped.entry).toEqual(DHL_STATUS_CODE_TABLE.failure);
  });

  it('applies a phrase only to the services it was seen from', () => {
    expect(mapDhlEvent({ statusCode: 'transit', description: 'With delivery courier' }, 'express').entry).toEqual({
      status: 'out_for_delivery',
      substatus: 'out_for_delivery',
    });
    expect(mapDhlEvent({ statusCode: 'transit', description: 'With delivery courier' }, 'parcel-de').entry).toEqual(
      DHL_STATUS_CODE_TABLE.transit,
    );
    expect(
      mapDhlEvent({ statusCode: 'transit', description: 'Die Sendung wurde in das Zustellfahrzeug geladen.' }, 'express').entry,
    ).toEqual(DHL_STATUS_CODE_TABLE.transit);
    // Without a service only the unscoped (customs) phrases apply.
    expect(
      mapDhlEvent({ statusCode: 'transit', description: 'Die Sendung wurde in das Zustellfahrzeug geladen.' }, undefined).entry,
    ).toEqual(DHL_STATUS_CODE_TABLE.transit);
    expect(
      mapDhlEvent({ statusCode: 'transit', remark: 'The shipment is pending completion of customs inspection.' }, undefined).entry,
    ).toEqual({ status: 'in_transit', substatus: 'customs_processing' });
  });

  it('reads the remark too (customs inspection comes in the remark)', () => {
    const mapped = mapDhlEvent(
      { statusCode: 'failure', description: 'Shipment is on hold', remark: 'The shipment is pending completion of customs inspection.' },
      'express',
    );
    expect(mapped.entry).toEqual({ status: 'exception', substatus: 'customs_held' });
    expect(mapDhlEvent({ statusCode: 'failure', description: 'Shipment is on hold' }, 'express').entry).toEqual({
      status: 'exception',
      substatus: 'held_by_carrier',
    });
  });

  it('uses an express checkpoint code before the coarse code, for express only', () => {
    expect(mapDhlEvent({ statusCode: 'transit', statusDetailed: 'WC', description: 'With delivery courier' }, 'express')).toMatchObject({
      code: 'WC',
      matchedBy: 'express-checkpoint',
    });
    expect(mapDhlEvent({ statusCode: 'transit', status: 'OK' }, 'express')).toMatchObject({ code: 'OK', entry: { status: 'delivered' } });
    expect(mapDhlEvent({ statusCode: 'transit', statusDetailed: 'WC' }, 'parcel-de')).toMatchObject({
      code: 'transit',
      matchedBy: 'status-code',
    });
  });

  it('leaves undocumented checkpoint codes to the coarse code instead of guessing', () => {
    expect(mapDhlEvent({ statusCode: 'transit', statusDetailed: 'CC' }, 'express')).toMatchObject({
      code: 'transit',
      matchedBy: 'status-code',
      entry: DHL_STATUS_CODE_TABLE.transit,
    });
  });

  it('returns no entry for an unknown or missing statusCode, keeping the raw code', () => {
    expect(mapDhlEvent({ statusCode: 'return-to-origin', description: 'Shipment picked up' }, 'express')).toEqual({
      code: 'return-to-origin',
      entry: undefined,
      matchedBy: 'none',
    });
    expect(mapDhlEvent({ description: 'Delivered' }, 'parcel-de')).toEqual({ code: null, entry: undefined, matchedBy: 'none' });
  });

  it('does not take inherited object keys for codes', () => {
    expect(mapDhlEvent({ statusCode: 'toString' }, 'parcel-de').entry).toBeUndefined();
    expect(mapDhlEvent({ statusCode: 'transit', statusDetailed: '__proto__' }, 'express').matchedBy).toBe('status-code');
  });
});
