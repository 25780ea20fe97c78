import type { TrackOutcome } from '../adapter/carrier-adapter';
import type { PushItemReject, PushParseResult, PushUpdate } from './push-receiver';

/**
 * For pushes shaped like a poll answer (FedEx, USPS, DHL eCommerce Americas send their Track API's format): the
 * carrier's own poll parser reads the body, and each outcome becomes an update or a reject. An error outcome is a
 * reject with its message, so nothing is dropped silently.
 */
export function pushResultFromOutcomes(outcomes: readonly TrackOutcome[], options: { complete: boolean }): PushParseResult {
  const updates: PushUpdate[] = [];
  const rejects: PushItemReject[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) {
      const { raw: _raw, ...shipment } = outcome.shipment;
      updates.push({ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, complete: options.complete, shipment });
    } else {
      rejects.push({ index, trackingNumber: outcome.trackingNumber, code: 'malformed', message: outcome.error.message });
    }
  });
  return { updates, rejects };
}

/**
 * A push's result with a `malformed` reject added for each item that names no tracking number (`''` at its index in
 * `numbers`): the named items were read by the poll parser, the others must not vanish.
 */
export function withUnnamedItemsRejected(result: PushParseResult, numbers: readonly string[], message: string): PushParseResult {
  const unnamed = numbers.flatMap((number, index): PushItemReject[] =>
    number ? [] : [{ index, trackingNumber: null, code: 'malformed', message }],
  );
  return { updates: result.updates, rejects: [...result.rejects, ...unnamed] };
}

/** A whole body that could not be read at all. */
export function pushBodyRejected(message: string): PushParseResult {
  return { updates: [], rejects: [{ index: null, trackingNumber: null, code: 'malformed', message }] };
}

/** JSON.parse that reports instead of throwing. */
export function readPushJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}
