import { dateOnly, parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';
import { carrierEstimate, numericDateTime } from '@wismo/core/internal';

/**
 * A status or event `TimeStamp`: `DD-MM-YYYY HH:mm:ss`, sometimes with milliseconds (`08-11-2022 00:10:11.081`),
 * Dutch wall-clock time with no offset. Kept `local` (Europe/Amsterdam wall time, never stamped `Z`): the
 * parts are reordered and core validates them; anything else is read by core's general parser.
 */
export function postnlTime(value: string | null | undefined): CarrierTime | null {
  return numericDateTime(value, 'DD-MM-YYYY') ?? parseCarrierDateTime(value);
}

/** `Expectation.ETAFrom/ETATo`: ISO local (`2022-11-08T14:50:00`, spec and recorded answers) or `11/07/2022 10:00:00` (SDK doc). */
function expectationTime(value: string | null | undefined): CarrierTime | null {
  return numericDateTime(value, 'MM/DD/YYYY') ?? parseCarrierDateTime(value);
}

/**
 * The carrier's estimate: the `Expectation` window (local times), else `DeliveryDate` (a date). PostNL gives
 * no offset for either, so nothing here is an instant.
 */
export function postnlEstimatedDelivery(
  expectation: { ETAFrom?: string | undefined; ETATo?: string | undefined } | undefined,
  deliveryDate: string | undefined,
): EstimatedDelivery | null {
  const from = expectationTime(expectation?.ETAFrom);
  const to = expectationTime(expectation?.ETATo);
  if (from || to) {
    const timeKind = from?.timeKind === 'date' && (!to || to.timeKind === 'date') ? 'date' : 'local';
    return carrierEstimate(from?.localTime ?? null, to?.localTime ?? null, timeKind);
  }
  const date = deliveryDate?.trim() ? dateOnly(deliveryDate.trim()) : null;
  return date ? carrierEstimate(date.localTime, date.localTime, 'date') : null;
}
