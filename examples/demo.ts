// `pnpm demo`: tracks parcels of four carriers through the real wismo adapters, against local sandbox
// carriers that speak each carrier's API and replay recorded payloads. No credentials needed.
import { createTracker, type Shipment, type TrackingEvent } from '@wismo/core';
import { dhl } from '@wismo/carrier-dhl';
import { fedex } from '@wismo/carrier-fedex';
import { ups } from '@wismo/carrier-ups';
import { usps } from '@wismo/carrier-usps';
import { startReplayCarriers } from './sandbox/replay-carriers';

function when(time: Pick<TrackingEvent, 'occurredAt' | 'localTime' | 'timeKind'> | null): string {
  if (!time) return '—';
  if (time.timeKind === 'instant') return (time.occurredAt ?? '').replace('T', ' ');
  if (time.timeKind === 'local') return `${(time.localTime ?? '').replace('T', ' ')} (local, offset unknown)`;
  return `${time.localTime ?? '—'} (date only)`;
}

function eta(shipment: Shipment): string {
  const estimate = shipment.estimatedDelivery;
  if (!estimate) return shipment.deliveredAt ? `delivered ${when(shipment.deliveredAt)}` : 'no ETA';
  const range = estimate.from === estimate.to || !estimate.to ? estimate.from : `${estimate.from} – ${estimate.to}`;
  return `ETA ${range} (${estimate.source})`;
}

function printShipment(shipment: Shipment, how: string): void {
  console.log(`\n${shipment.carrier.toUpperCase()} ${shipment.trackingNumber}  [${how}]`);
  console.log(`  ${shipment.status} / ${shipment.substatus} since ${when(shipment.statusSince)} · ${eta(shipment)}${shipment.signedBy ? ` · signed by ${shipment.signedBy}` : ''}`);
  if (shipment.legs.length > 0) console.log(`  legs: ${shipment.legs.map((leg) => `${leg.carrierName ?? leg.carrier} ${leg.trackingNumber ?? ''} (${leg.role})`).join(', ')}`);
  for (const event of shipment.events.slice(0, 4)) {
    const place = event.location?.raw ? ` — ${event.location.raw}` : '';
    console.log(`    ${when(event).padEnd(40)} ${event.status.padEnd(20)} ${event.description}${place}${event.unmapped ? `  [unmapped: ${event.raw.code}]` : ''}`);
  }
  if (shipment.events.length > 4) console.log(`    … ${shipment.events.length - 4} earlier events`);
}

const sandbox = await startReplayCarriers();
try {
  const credentials = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
  const tracker = createTracker({
    carriers: [
      ups({ ...credentials, baseUrl: sandbox.baseUrls.ups }),
      fedex({ ...credentials, baseUrl: sandbox.baseUrls.fedex }),
      usps({ ...credentials, baseUrl: sandbox.baseUrls.usps }),
      dhl({ apiKey: 'sandbox-api-key', baseUrl: sandbox.baseUrls.dhl, rateLimit: { requests: 20, intervalMs: 1000 } }),
    ],
  });
  console.log('wismo demo: sandbox carriers on', Object.values(sandbox.baseUrls).join(', '));

  const items = Object.entries(sandbox.numbers).flatMap(([carrier, numbers]) =>
    numbers.map((trackingNumber) => {
      const detection = tracker.candidatesFor(trackingNumber);
      // Detection picks the carrier where the number's format says so; otherwise the caller names it.
      return detection.candidates[0] === carrier ? { trackingNumber, how: `carrier detected${detection.ambiguous ? `, also matches ${detection.candidates.slice(1).join(', ')}` : ''}` } : { trackingNumber, carrier, how: 'carrier given' };
    }),
  );
  const started = performance.now();
  const outcomes = await tracker.trackMany(items);
  const elapsed = performance.now() - started;
  const counts = new Map<string, number>();
  outcomes.forEach((outcome, index) => {
    const key = outcome.ok ? outcome.shipment.status : `error: ${outcome.error.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (outcome.ok) printShipment(outcome.shipment, items[index]!.how);
    else console.log(`\n${outcome.carrier ?? '?'} ${outcome.trackingNumber}: ${outcome.error.code} — ${outcome.error.message}`);
  });

  console.log('\nUnknown numbers come back as typed not_found outcomes, never as crashes:');
  const unknown = await tracker.trackMany([
    { trackingNumber: '1Z999AA10000000000', carrier: 'ups' },
    { trackingNumber: '999999999999', carrier: 'fedex' },
    { trackingNumber: '9400100000000000000000', carrier: 'usps' },
    { trackingNumber: 'JJD000000000000000', carrier: 'dhl' },
  ]);
  for (const outcome of unknown) console.log(`  ${outcome.carrier} ${outcome.trackingNumber}: ${outcome.ok ? outcome.shipment.status : `${outcome.error.code} — ${outcome.error.message}`}`);

  console.log(`\nSummary: ${outcomes.length} shipments in ${elapsed.toFixed(0)} ms; ${tracker.stats().upstreamBatches} carrier requests`);
  for (const [status, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${status.padEnd(28)} ${count}`);
} finally {
  await sandbox.close();
}
