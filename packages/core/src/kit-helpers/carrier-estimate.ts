import type { EstimatedDelivery } from '../status/shipment';
import type { CarrierTime, TimeKind } from '../time/carrier-time';

/** The carrier's own delivery estimate (not a prediction): `from` and `to` written as `timeKind` says. */
export function carrierEstimate(from: string | null, to: string | null, timeKind: TimeKind): EstimatedDelivery {
  return { from, to, timeKind, source: 'carrier', confidence: null };
}

function renderAs(time: CarrierTime | null, kind: TimeKind): string | null {
  if (!time) return null;
  if (kind === 'instant') return time.occurredAt;
  if (kind === 'local') return time.localTime;
  return (time.localTime ?? time.occurredAt)?.slice(0, 10) ?? null;
}

/**
 * The carrier's estimate between two of its times (either may be missing); when their precision differs, both
 * are given at the coarser one (an instant and a date make a date window). Null when both are missing.
 */
export function carrierEstimateBetween(from: CarrierTime | null, to: CarrierTime | null): EstimatedDelivery | null {
  if (!from && !to) return null;
  const kinds = [from?.timeKind, to?.timeKind];
  const timeKind: TimeKind = kinds.includes('date') ? 'date' : kinds.includes('local') ? 'local' : 'instant';
  return carrierEstimate(renderAs(from, timeKind), renderAs(to, timeKind), timeKind);
}
