import { SUBSTATUSES, isSubstatus, type CarrierTime, type DetectionCandidate, type Shipment, type WismoError } from '@wismo/core';
import { WISMO_CARRIER_IDS, isWismoCarrierId } from '@wismo/testkit';

/**
 * A carrier time as it really is:
 * - an instant keeps its offset: `2024-03-05 14:02 +01:00`;
 * - a wall time without offset is marked as local: `2024-03-05 14:02 local time`;
 * - a date stays a date: `2024-03-05 (date only)`.
 */
export function formatCarrierTime(time: CarrierTime | null | undefined): string {
  if (!time) return '—';
  if (time.timeKind === 'instant' && time.occurredAt) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(time.occurredAt);
    if (!match) return time.occurredAt;
    const [, date, clock, seconds, offset] = match;
    return `${date} ${clock}${seconds && seconds !== '00' ? `:${seconds}` : ''} ${offset === 'Z' ? 'UTC' : offset}`;
  }
  if (time.timeKind === 'local' && time.localTime) {
    const [date, clock = ''] = time.localTime.split('T');
    return `${date} ${clock.replace(/:00$/, '')} local time`;
  }
  if (time.localTime) return `${time.localTime.slice(0, 10)} (date only)`;
  return '—';
}

function etaText(shipment: Shipment): string {
  const estimate = shipment.estimatedDelivery;
  if (!estimate) return shipment.status === 'delivered' ? 'delivered' : 'no estimate from the carrier';
  const asTime = (value: string | null): CarrierTime => ({
    occurredAt: estimate.timeKind === 'instant' ? value : null,
    localTime: estimate.timeKind === 'instant' ? null : value,
    timeKind: estimate.timeKind,
  });
  const from = estimate.from ? formatCarrierTime(asTime(estimate.from)) : null;
  const to = estimate.to ? formatCarrierTime(asTime(estimate.to)) : null;
  const range = from && to && from !== to ? `${from} – ${to}` : (to ?? from ?? '—');
  return `${range}${estimate.source === 'predicted' ? ` (predicted${estimate.confidence !== null ? `, confidence ${Math.round(estimate.confidence * 100)}%` : ''})` : ' (carrier estimate)'}`;
}

function place(location: Shipment['events'][number]['location']): string {
  if (!location) return '';
  return location.raw ?? [location.city, location.region, location.countryCode].filter(Boolean).join(', ');
}

export interface TimelineOptions {
  /** Events shown at most (newest first). Default: all. */
  maxEvents?: number;
}

/** The readable timeline of `wismo track`: carrier, status, ETA, then the events newest first. */
export function formatShipment(shipment: Shipment, options: TimelineOptions = {}): string {
  const lines: string[] = [];
  const substatus = isSubstatus(shipment.substatus) ? SUBSTATUSES[shipment.substatus] : null;
  lines.push(`${shipment.carrier.toUpperCase()} ${shipment.trackingNumber}${shipment.service?.name ? ` · ${shipment.service.name}` : ''}`);
  lines.push(`  Status     ${shipment.status} / ${shipment.substatus}${substatus ? ` — ${substatus.description}` : ''}`);
  if (shipment.statusSince) lines.push(`  Since      ${formatCarrierTime(shipment.statusSince)}`);
  if (shipment.deliveredAt)
    lines.push(`  Delivered  ${formatCarrierTime(shipment.deliveredAt)}${shipment.signedBy ? ` · signed by ${shipment.signedBy}` : ''}`);
  else lines.push(`  ETA        ${etaText(shipment)}`);
  if (substatus && substatus.actor !== 'none') lines.push(`  Next       ${substatus.actor} must act`);
  const route = [place(shipment.origin), place(shipment.destination)];
  if (route[0] || route[1]) lines.push(`  Route      ${route[0] || '?'} → ${route[1] || '?'}`);
  if (shipment.legs.length > 0)
    lines.push(
      `  Legs       ${shipment.legs.map((leg) => `${leg.carrierName ?? leg.carrier} ${leg.trackingNumber ?? ''} (${leg.role.replace(/_/g, ' ')})`.trim()).join(', ')}`,
    );
  if (shipment.trackingUrl) lines.push(`  Link       ${shipment.trackingUrl}`);
  const events = options.maxEvents === undefined ? shipment.events : shipment.events.slice(0, options.maxEvents);
  if (events.length === 0) lines.push('  No scans yet.');
  else {
    lines.push('  Events (newest first):');
    const width = Math.max(...events.map((event) => formatCarrierTime(event).length));
    for (const event of events) {
      const where = place(event.location);
      lines.push(
        `    ${formatCarrierTime(event).padEnd(width)}  ${event.description}${where ? ` — ${where}` : ''}${event.unmapped ? `  [unmapped code ${event.raw.code ?? '?'}]` : ''}`,
      );
    }
    if (events.length < shipment.events.length)
      lines.push(`    … ${shipment.events.length - events.length} earlier event(s); --events all to show them`);
  }
  const kinds = new Set(events.map((event) => event.timeKind));
  if (kinds.has('local')) lines.push('  ("local time": the clock where the scan happened; the carrier gave no UTC offset.)');
  return lines.join('\n');
}

/** What to do about each error code, appended to the error's own message. */
export function adviceFor(error: Pick<WismoError, 'code' | 'carrierId' | 'retryAfterMs'>): string {
  switch (error.code) {
    case 'not_found':
      return 'Check the number for typos; new labels can take a few hours to show up. If the carrier was guessed, name it with --carrier.';
    case 'invalid_number':
      return 'The carrier says the number is not valid: check it for typos, or name the right carrier with --carrier.';
    case 'detection_failed':
      return `Name the carrier: --carrier ${WISMO_CARRIER_IDS.join('|')} (and check that its credentials are set).`;
    case 'unsupported_carrier':
      return 'That carrier is not configured: set its credentials (see `wismo --help`), or pick a configured one with --carrier.';
    case 'auth_failed':
      return `Check the credentials of ${error.carrierId ?? 'the carrier'} (environment variables or the config file) and that the app may use the tracking API.`;
    case 'rate_limited':
      return `The carrier is rate limiting${error.retryAfterMs ? `; try again in ${Math.ceil(error.retryAfterMs / 1000)} s` : '; try again later'}, or ask the carrier for a higher quota.`;
    case 'carrier_unavailable':
      return 'The carrier did not answer properly; try again in a minute.';
    case 'bad_response':
      return 'The carrier sent something wismo could not read; try again later, and report it if it persists.';
    case 'configuration':
      return 'Fix the configuration named above.';
    default:
      return '';
  }
}

/** `wismo detect` output. */
export function formatDetection(input: string, candidates: readonly DetectionCandidate[], configured: ReadonlySet<string>): string {
  if (candidates.length === 0)
    return `${input}: no known tracking-number format matches. Check the number, or track it with --carrier to ask a carrier directly.`;
  const lines = [`${candidates[0]!.trackingNumber}: ${candidates.length === 1 ? 'one match' : `${candidates.length} matches, best first`}`];
  for (const candidate of candidates) {
    const tracked = isWismoCarrierId(candidate.carrier)
      ? configured.has(candidate.carrier)
        ? 'configured'
        : 'supported, no credentials set'
      : 'not tracked by wismo';
    lines.push(
      `  ${candidate.carrier.padEnd(6)} ${candidate.carrierName} · ${candidate.format}${candidate.service ? ` · ${candidate.service}` : ''} · ${candidate.confidence === 'checksum' ? 'check digit verified' : 'pattern only'} · ${tracked}`,
    );
    if (candidate.trackingUrl) lines.push(`         ${candidate.trackingUrl}`);
  }
  return lines.join('\n');
}
