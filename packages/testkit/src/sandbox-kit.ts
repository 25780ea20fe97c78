import { buildJourney } from './journeys';
import type { SandboxAnswer, SandboxCarrier, SandboxRequest } from './sandbox-carrier';
import { decodeSandboxNumber, scenarioOfSlot, SCENARIO_SLOTS, type DecodedSandboxNumber } from './sandbox-numbers';
import type { SandboxCarrierId, SandboxCredentials, SandboxScenario } from './sandbox-types';
import { hashString } from './seeded-random';

/*
 * What a scaffolded sandbox (`pnpm create-carrier`) builds on before its carrier has a number format of its own:
 * the pieces of a sandbox carrier, placeholder numbers whose last two digits pick the scenario, and the pure
 * request → answer step of the sandbox server, which a carrier's conformance suite uses as its sandbox.
 */

export type { SandboxAnswer, SandboxCarrier, SandboxRequest, TrackedNumber } from './sandbox-carrier';
export type { Journey, JourneyEvent, Milestone } from './journeys';
export type { DecodedSandboxNumber } from './sandbox-numbers';
export { header, htmlErrorPage } from './sandbox-carrier';
export { zonedTime } from './zoned-time';

/** Placeholder numbers of a scaffolded carrier: four letters, eight digits, then the two-digit slot of SCENARIO_SLOTS. */
const PLACEHOLDER_NUMBER = /^([A-Z]{4})(\d{8})(\d{2})$/;

/** Reads a placeholder number (`TEST0000000001`): its slot, hence its scenario; null when it is not one. */
export function decodePlaceholderNumber(carrier: string, trackingNumber: string): DecodedSandboxNumber | null {
  const match = PLACEHOLDER_NUMBER.exec(trackingNumber.replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  const slot = Number(match[3]);
  // The carrier is not in the registry yet: `carrier` is its id all the same.
  return {
    carrier: carrier as SandboxCarrierId,
    trackingNumber: match[0],
    slot,
    scenario: scenarioOfSlot(slot),
    hash: hashString(match[0]),
  };
}

/** A placeholder number (prefix `TEST`) whose journey is `scenario`; `serial` tells several apart. */
export function placeholderNumber(scenario: SandboxScenario, serial = 0, prefix = 'TEST'): string {
  let first = 0;
  for (const range of SCENARIO_SLOTS) {
    if (range.scenario === scenario)
      return `${prefix}${String(serial).padStart(8, '0')}${String(first + (serial % range.slots)).padStart(2, '0')}`;
    first += range.slots;
  }
  throw new RangeError(`placeholderNumber: unknown scenario '${scenario}'`);
}

/**
 * The sandbox server's answer to one request, without the server: the endpoint, the API key, the numbers read,
 * their journeys at `nowMs`, the carrier's body. No rate limit, faults or latency (the conformance suite brings
 * its own). API-key carriers only: a token carrier's sandbox runs in the server (`startSandboxCarriers`).
 */
export function answerSandboxRequest(
  carrier: SandboxCarrier,
  request: SandboxRequest,
  options: { credentials: readonly SandboxCredentials[]; nowMs?: number },
): SandboxAnswer {
  if (carrier.endpointOf(request) !== 'track') return carrier.unknownEndpoint(request);
  const key = carrier.apiKeyOf?.(request) ?? null;
  if (!key) return carrier.unauthorised('missing');
  if (!options.credentials.some((credential) => 'apiKey' in credential && credential.apiKey === key))
    return carrier.unauthorised('invalid');
  const read = carrier.readTrackingRequest(request);
  if ('refused' in read) return read.refused;
  const nowMs = options.nowMs ?? Date.now();
  const decode = carrier.decodeNumber ?? ((trackingNumber: string) => decodeSandboxNumber(carrier.id, trackingNumber));
  return carrier.trackAnswer(
    request,
    read.numbers.map((trackingNumber) => {
      const decoded = decode(trackingNumber);
      return { trackingNumber, journey: decoded ? buildJourney(decoded, nowMs, nowMs) : null };
    }),
  );
}
