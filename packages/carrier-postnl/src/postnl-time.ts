import { dateOnly, localTime, parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

const DUTCH_DATE_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,9})?$/;
const US_DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * A status or event `TimeStamp`: `DD-MM-YYYY HH:mm:ss`, sometimes with milliseconds (`08-11-2022 00:10:11.081`),
 * Dutch wall-clock time with no offset. Kept `local` (Europe/Amsterdam wall time, never stamped `Z`): the
 * parts are reordered and core validates them; anything else is read by core's general parser.
 */
export function postnlTime(value: string | null | undefined): CarrierTime | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const dutch = DUTCH_DATE_TIME.exec(trimmed);
  if (dutch) return localTime(`${dutch[3]}-${dutch[2]}-${dutch[1]}T${dutch[4]}`);
  return parseCarrierDateTime(trimmed);
}

/** `Expectation.ETAFrom/ETATo`: ISO local (`2022-11-08T14:50:00`, spec and recorded answers) or `11/07/2022 10:00:00` (SDK doc). */
function expectationTime(value: string | null | undefined): CarrierTime | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const us = US_DATE_TIME.exec(trimmed);
  if (us) return localTime(`${us[3]}-${us[1]}-${us[2]}T${us[4]}`);
  return parseCarrierDateTime(trimmed);
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
    return { from: from?.localTime ?? null, to: to?.localTime ?? null, timeKind, source: 'carrier', confidence: null };
  }
  const date = deliveryDate?.trim() ? dateOnly(deliveryDate.trim()) : null;
  return date ? { from: date.localTime, to: date.localTime, timeKind: 'date', source: 'carrier', confidence: null } : null;
}
