import { describe, expect, it } from 'vitest';
import { parseShip24Webhook, verifyShip24Webhook } from './ship24-bridge';
import { fixtureBytes, fixtureText, pushRequest, SHIP24_SECRET } from './__fixtures__/bridge-fixtures';

const FIXTURE = 'ship24-tracking-events.json';
const settings = { webhookSecret: SHIP24_SECRET };

describe('Ship24 webhook verification (Authorization: Bearer <secret>)', () => {
  it('accepts the configured secret and names the delivery by messageId', () => {
    expect(verifyShip24Webhook(pushRequest(fixtureBytes(FIXTURE), { Authorization: `Bearer ${SHIP24_SECRET}` }), settings)).toEqual({
      ok: true,
      deliveryId: 'ship24:a2c4e6f8-1234-4cde-9abc-0123456789ab',
      sentAt: null,
    });
  });

  it('refuses another secret, a prefix of it, another scheme and no header, without echoing either', () => {
    const body = fixtureBytes(FIXTURE);
    const refused = verifyShip24Webhook(pushRequest(body, { Authorization: 'Bearer ship24-webhook-secret-9d0d' }), settings);
    expect(refused).toMatchObject({ ok: false, failure: 'bad_signature' });
    expect(JSON.stringify(refused)).not.toContain('ship24-webhook-secret');
    expect(verifyShip24Webhook(pushRequest(body, { Authorization: `Bearer ${SHIP24_SECRET.slice(0, -1)}` }), settings)).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifyShip24Webhook(pushRequest(body, { Authorization: `Basic ${SHIP24_SECRET}` }), settings)).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifyShip24Webhook(pushRequest(body, {}), settings)).toMatchObject({ failure: 'missing_signature' });
  });
});

describe('parseShip24Webhook', () => {
  const receivedAt = new Date('2026-12-05T09:31:05Z');

  it('reads each tracking as a partial update: statusCode first, the milestone when statusCode is null', () => {
    const { updates, rejects } = parseShip24Webhook(fixtureText(FIXTURE), { receivedAt });
    expect(rejects).toEqual([]);
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update).toMatchObject({ carrier: 'dhl', trackingNumber: '00340434161094042557', complete: false });
    const [outForDelivery, arrived] = update!.shipment.events;
    expect(outForDelivery).toMatchObject({
      status: 'out_for_delivery',
      raw: { code: 'delivery_out_for_delivery' },
      timeKind: 'local',
      localTime: '2026-12-05T08:12:00',
      occurredAt: null,
    });
    expect(arrived).toMatchObject({
      status: 'in_transit',
      raw: { code: 'in_transit' },
      timeKind: 'instant',
      occurredAt: '2026-12-05T05:40:00+01:00',
    });
    expect(update!.shipment.status).toBe('out_for_delivery');
  });

  it('reports each unreadable tracking by index and keeps the others', () => {
    const body = JSON.parse(fixtureText(FIXTURE)) as { trackings: unknown[] };
    const good = body.trackings[0] as Record<string, unknown>;
    const noCourier = { ...good, tracker: { trackingNumber: 'ABC123' }, events: [] };
    const result = parseShip24Webhook(JSON.stringify({ trackings: [good, 'junk', noCourier, { tracker: {} }] }), { receivedAt });
    expect(result.updates).toHaveLength(1);
    expect(result.rejects.map((reject) => reject.index)).toEqual([1, 2, 3]);
    expect(parseShip24Webhook('{"trackings":"no"}', { receivedAt }).rejects).toMatchObject([{ index: null }]);
  });

  it('leaves an undocumented statusCode unmapped with its raw code', () => {
    const body = {
      trackings: [
        {
          tracker: { trackingNumber: 'X9' },
          events: [
            {
              courierCode: 'gls',
              statusCode: 'delivery_teleported',
              statusMilestone: 'delivered',
              occurrenceDatetime: '2026-12-05T10:00:00',
            },
          ],
        },
      ],
    };
    const [update] = parseShip24Webhook(JSON.stringify(body), { receivedAt }).updates;
    expect(update!.shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'delivery_teleported' } });
  });
});
