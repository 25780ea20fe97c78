import type { ShipmentStatus } from '@wismo/core';
import type { DecodedSandboxNumber, DhlSandboxService } from './sandbox-numbers';
import type { SandboxCarrierId, SandboxScenario } from './sandbox-types';
import { instantOfLocal, zonedTime } from './zoned-time';

/*
 * Carrier-neutral journeys. A journey is a list of milestones at instants derived from the number and the
 * clock (never stored); each carrier module prints them with its own codes, texts and time formats.
 */

export interface Place {
  city: string;
  /** State or province code. */
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  /** IANA time zone: scans are printed in local time. */
  zone: string;
}

export type Milestone =
  | 'label_created'
  | 'picked_up'
  | 'departed_origin'
  | 'arrived_hub'
  | 'departed_hub'
  | 'arrived_destination'
  | 'out_for_delivery'
  | 'delivered'
  | 'attempt_failed'
  | 'exception'
  | 'export'
  | 'import'
  | 'customs_processing'
  | 'customs_held'
  | 'refused'
  | 'return_started'
  | 'return_arrived_hub'
  | 'return_arrived_origin'
  | 'returned'
  | 'ready_for_pickup';

type PlaceRole = 'origin' | 'hub' | 'destination';

export interface JourneyEvent {
  milestone: Milestone;
  /** Epoch milliseconds. */
  at: number;
  place: Place;
}

export interface DeliveryEstimate {
  /** `date`: only the day is promised; `window`: a time window on that day. */
  kind: 'date' | 'window';
  /** The day, local to the destination (`YYYY-MM-DD`). */
  date: string;
  /** Window bounds (epoch ms), for `window`. */
  from: number | null;
  to: number | null;
}

export interface Journey {
  trackingNumber: string;
  scenario: SandboxScenario;
  /** Newest first, as the carriers list them; only what has happened by the clock's now. */
  events: JourneyEvent[];
  origin: Place;
  destination: Place;
  /** Crosses a border (customs scenario). */
  international: boolean;
  estimate: DeliveryEstimate | null;
  /** The number's stable hash, for per-carrier details (routes, ids). */
  hash: number;
  /** DHL only: the business unit that answers (Express waybill or Paket piece). */
  dhlService?: DhlSandboxService;
}

const HOUR_MS = 3_600_000;

function place(city: string, region: string | null, postalCode: string | null, countryCode: string, zone: string): Place {
  return { city, region, postalCode, countryCode, zone };
}

const US_PLACES: readonly Place[] = [
  place('ATLANTA', 'GA', '30303', 'US', 'America/New_York'),
  place('CHICAGO', 'IL', '60607', 'US', 'America/Chicago'),
  place('DALLAS', 'TX', '75201', 'US', 'America/Chicago'),
  place('DENVER', 'CO', '80202', 'US', 'America/Denver'),
  place('LOS ANGELES', 'CA', '90012', 'US', 'America/Los_Angeles'),
  place('SEATTLE', 'WA', '98101', 'US', 'America/Los_Angeles'),
  place('NEW YORK', 'NY', '10001', 'US', 'America/New_York'),
  place('MIAMI', 'FL', '33126', 'US', 'America/New_York'),
  place('PHOENIX', 'AZ', '85004', 'US', 'America/Phoenix'),
  place('BOSTON', 'MA', '02110', 'US', 'America/New_York'),
];

const DE_PLACES: readonly Place[] = [
  place('Berlin', null, '10115', 'DE', 'Europe/Berlin'),
  place('Hamburg', null, '20095', 'DE', 'Europe/Berlin'),
  place('München', null, '80331', 'DE', 'Europe/Berlin'),
  place('Köln', null, '50667', 'DE', 'Europe/Berlin'),
  place('Frankfurt am Main', null, '60311', 'DE', 'Europe/Berlin'),
  place('Leipzig', null, '04109', 'DE', 'Europe/Berlin'),
];

const FR_PLACES: readonly Place[] = [
  place('Paris', null, '75011', 'FR', 'Europe/Paris'),
  place('Lyon', null, '69004', 'FR', 'Europe/Paris'),
  place('Marseille', null, '13001', 'FR', 'Europe/Paris'),
  place('Toulouse', null, '31000', 'FR', 'Europe/Paris'),
  place('Nantes', null, '44000', 'FR', 'Europe/Paris'),
  place('Lille', null, '59000', 'FR', 'Europe/Paris'),
];

const BE_PLACES: readonly Place[] = [
  place('Bruxelles', null, '1000', 'BE', 'Europe/Brussels'),
  place('Antwerpen', null, '2000', 'BE', 'Europe/Brussels'),
  place('Gent', null, '9000', 'BE', 'Europe/Brussels'),
  place('Liège', null, '4000', 'BE', 'Europe/Brussels'),
  place('Leuven', null, '3000', 'BE', 'Europe/Brussels'),
  place('Namur', null, '5000', 'BE', 'Europe/Brussels'),
];

const NL_PLACES: readonly Place[] = [
  place('Utrecht', null, '3511AA', 'NL', 'Europe/Amsterdam'),
  place('Amsterdam', null, '1012AB', 'NL', 'Europe/Amsterdam'),
  place('Rotterdam', null, '3011AA', 'NL', 'Europe/Amsterdam'),
  place('Den Haag', null, '2511AA', 'NL', 'Europe/Amsterdam'),
  place('Eindhoven', null, '5611AA', 'NL', 'Europe/Amsterdam'),
  place('Groningen', null, '9711AA', 'NL', 'Europe/Amsterdam'),
];

const AU_PLACES: readonly Place[] = [
  place('Sydney', 'NSW', '2000', 'AU', 'Australia/Sydney'),
  place('Melbourne', 'VIC', '3000', 'AU', 'Australia/Melbourne'),
  place('Brisbane', 'QLD', '4000', 'AU', 'Australia/Brisbane'),
  place('Perth', 'WA', '6000', 'AU', 'Australia/Perth'),
  place('Adelaide', 'SA', '5000', 'AU', 'Australia/Adelaide'),
  place('Hobart', 'TAS', '7000', 'AU', 'Australia/Hobart'),
];

const GB_PLACES: readonly Place[] = [
  place('London', null, 'EC1A 1BB', 'GB', 'Europe/London'),
  place('Manchester', null, 'M1 1AE', 'GB', 'Europe/London'),
  place('Birmingham', null, 'B1 1AA', 'GB', 'Europe/London'),
  place('Leeds', null, 'LS1 1UR', 'GB', 'Europe/London'),
  place('Glasgow', null, 'G1 1XQ', 'GB', 'Europe/London'),
  place('Bristol', null, 'BS1 4DJ', 'GB', 'Europe/London'),
];

const CA_PLACES: readonly Place[] = [
  place('Toronto', 'ON', 'M5V 3L9', 'CA', 'America/Toronto'),
  place('Montréal', 'QC', 'H2Y 1C6', 'CA', 'America/Toronto'),
  place('Vancouver', 'BC', 'V6B 1A1', 'CA', 'America/Vancouver'),
  place('Calgary', 'AB', 'T2P 1J9', 'CA', 'America/Edmonton'),
  place('Winnipeg', 'MB', 'R3C 0V8', 'CA', 'America/Winnipeg'),
  place('Halifax', 'NS', 'B3J 1S9', 'CA', 'America/Halifax'),
  place("St. John's", 'NL', 'A1C 5M2', 'CA', 'America/St_Johns'),
];

const FOREIGN_ORIGINS: readonly Place[] = [
  place('SHENZHEN', null, '518000', 'CN', 'Asia/Shanghai'),
  place('DUESSELDORF', null, '40213', 'DE', 'Europe/Berlin'),
  place('LONDON', null, 'EC1A 1BB', 'GB', 'Europe/London'),
];

/** Each carrier's sorting hub for domestic parcels, and its gateway for imports (where customs happens). */
const HUBS: Record<SandboxCarrierId | 'dhl-express', { hub: Place; gateway: Place }> = {
  ups: {
    hub: place('LOUISVILLE', 'KY', '40209', 'US', 'America/Kentucky/Louisville'),
    gateway: place('LOUISVILLE', 'KY', '40209', 'US', 'America/Kentucky/Louisville'),
  },
  fedex: {
    hub: place('MEMPHIS', 'TN', '38118', 'US', 'America/Chicago'),
    gateway: place('MEMPHIS', 'TN', '38118', 'US', 'America/Chicago'),
  },
  usps: {
    hub: place('KANSAS CITY', 'MO', '64121', 'US', 'America/Chicago'),
    gateway: place('JAMAICA', 'NY', '11430', 'US', 'America/New_York'),
  },
  dhl: { hub: place('Kassel', null, '34123', 'DE', 'Europe/Berlin'), gateway: place('Leipzig', null, '04435', 'DE', 'Europe/Berlin') },
  // The same DHL Paket network as `dhl` (another API onto it): a number has one journey whichever API asks.
  dhlparcelde: {
    hub: place('Kassel', null, '34123', 'DE', 'Europe/Berlin'),
    gateway: place('Leipzig', null, '04435', 'DE', 'Europe/Berlin'),
  },
  'dhl-express': {
    hub: place('LEIPZIG', null, '04435', 'DE', 'Europe/Berlin'),
    gateway: place('CINCINNATI HUB', 'OH', '41048', 'US', 'America/New_York'),
  },
  gls: {
    hub: place('Neuenstein', null, '36286', 'DE', 'Europe/Berlin'),
    gateway: place('Neuenstein', null, '36286', 'DE', 'Europe/Berlin'),
  },
  postnl: {
    hub: place('Nieuwegein', null, '3439LM', 'NL', 'Europe/Amsterdam'),
    gateway: place('Amsterdam', null, '1118AA', 'NL', 'Europe/Amsterdam'),
  },
  laposte: {
    hub: place('Wissous', null, '91320', 'FR', 'Europe/Paris'),
    gateway: place('Roissy-en-France', null, '95700', 'FR', 'Europe/Paris'),
  },
  hermes: { hub: place('Ketzin', null, '14669', 'DE', 'Europe/Berlin'), gateway: place('Hamburg', null, '20457', 'DE', 'Europe/Berlin') },
  dpd: { hub: place('Mechelen', null, '2800', 'BE', 'Europe/Brussels'), gateway: place('Puurs', null, '2870', 'BE', 'Europe/Brussels') },
  bpost: {
    hub: place('Brussel X', null, '1099', 'BE', 'Europe/Brussels'),
    gateway: place('Zaventem', null, '1930', 'BE', 'Europe/Brussels'),
  },
  auspost: {
    hub: place('Chullora', 'NSW', '2190', 'AU', 'Australia/Sydney'),
    gateway: place('Sydney', 'NSW', '2020', 'AU', 'Australia/Sydney'),
  },
  royalmail: {
    hub: place('Warrington', null, 'WA55 1AA', 'GB', 'Europe/London'),
    gateway: place('Heathrow Worldwide DC', null, 'TW6 3XB', 'GB', 'Europe/London'),
  },
  canadapost: {
    hub: place('Mississauga', 'ON', 'L5T 2T3', 'CA', 'America/Toronto'),
    gateway: place('Mississauga', 'ON', 'L5T 2T3', 'CA', 'America/Toronto'),
  },
};

type Step = readonly [Milestone, number, PlaceRole];

/** Static journeys: hours relative to the clock's now (negative: in the past). */
const STATIC_STEPS: Record<Exclude<SandboxScenario, 'not_found' | 'advancing'>, readonly Step[]> = {
  delivered: [
    ['label_created', -74, 'origin'],
    ['picked_up', -70, 'origin'],
    ['departed_origin', -66, 'origin'],
    ['arrived_hub', -58, 'hub'],
    ['departed_hub', -52, 'hub'],
    ['arrived_destination', -30, 'destination'],
    ['out_for_delivery', -27, 'destination'],
    ['delivered', -22, 'destination'],
  ],
  in_transit: [
    ['label_created', -30, 'origin'],
    ['picked_up', -26, 'origin'],
    ['departed_origin', -22, 'origin'],
    ['arrived_hub', -10, 'hub'],
    ['departed_hub', -4, 'hub'],
  ],
  out_for_delivery: [
    ['label_created', -52, 'origin'],
    ['picked_up', -48, 'origin'],
    ['departed_origin', -44, 'origin'],
    ['arrived_hub', -36, 'hub'],
    ['departed_hub', -30, 'hub'],
    ['arrived_destination', -6, 'destination'],
    ['out_for_delivery', -3, 'destination'],
  ],
  failed_attempt: [
    ['label_created', -60, 'origin'],
    ['picked_up', -56, 'origin'],
    ['departed_origin', -52, 'origin'],
    ['arrived_hub', -44, 'hub'],
    ['departed_hub', -38, 'hub'],
    ['arrived_destination', -12, 'destination'],
    ['out_for_delivery', -9, 'destination'],
    ['attempt_failed', -4, 'destination'],
  ],
  customs_hold: [
    ['label_created', -100, 'origin'],
    ['picked_up', -96, 'origin'],
    ['export', -88, 'origin'],
    ['import', -50, 'hub'],
    ['customs_processing', -46, 'hub'],
    ['customs_held', -20, 'hub'],
  ],
  exception: [
    ['label_created', -60, 'origin'],
    ['picked_up', -56, 'origin'],
    ['departed_origin', -52, 'origin'],
    ['arrived_hub', -44, 'hub'],
    ['departed_hub', -38, 'hub'],
    ['arrived_destination', -20, 'destination'],
    ['exception', -12, 'destination'],
  ],
  returned: [
    ['label_created', -240, 'origin'],
    ['picked_up', -236, 'origin'],
    ['departed_origin', -232, 'origin'],
    ['arrived_hub', -224, 'hub'],
    ['departed_hub', -218, 'hub'],
    ['arrived_destination', -196, 'destination'],
    ['out_for_delivery', -193, 'destination'],
    ['refused', -189, 'destination'],
    ['return_started', -185, 'destination'],
    ['return_arrived_hub', -160, 'hub'],
    ['return_arrived_origin', -60, 'origin'],
    ['returned', -50, 'origin'],
  ],
  available_for_pickup: [
    ['label_created', -60, 'origin'],
    ['picked_up', -56, 'origin'],
    ['departed_origin', -52, 'origin'],
    ['arrived_hub', -44, 'hub'],
    ['departed_hub', -38, 'hub'],
    ['arrived_destination', -14, 'destination'],
    ['ready_for_pickup', -10, 'destination'],
  ],
  label_created: [['label_created', -5, 'origin']],
};

/**
 * The `advancing` journey: hours after the sandbox's `advancingStart` at which each milestone happens, and
 * the status every adapter reports from then on. Before the start the carrier has no data (not found).
 */
export const ADVANCING_SCHEDULE: ReadonlyArray<{ milestone: Milestone; afterHours: number; status: ShipmentStatus }> = [
  { milestone: 'label_created', afterHours: 0, status: 'info_received' },
  { milestone: 'picked_up', afterHours: 6, status: 'in_transit' },
  { milestone: 'departed_origin', afterHours: 10, status: 'in_transit' },
  { milestone: 'arrived_hub', afterHours: 18, status: 'in_transit' },
  { milestone: 'departed_hub', afterHours: 22, status: 'in_transit' },
  { milestone: 'arrived_destination', afterHours: 32, status: 'in_transit' },
  { milestone: 'out_for_delivery', afterHours: 36, status: 'out_for_delivery' },
  { milestone: 'delivered', afterHours: 42, status: 'delivered' },
];

const ADVANCING_ROLES: Readonly<Record<string, PlaceRole>> = {
  label_created: 'origin',
  picked_up: 'origin',
  departed_origin: 'origin',
  arrived_hub: 'hub',
  departed_hub: 'hub',
  arrived_destination: 'destination',
  out_for_delivery: 'destination',
  delivered: 'destination',
};

interface Route {
  origin: Place;
  hub: Place;
  destination: Place;
  international: boolean;
}

function pick<T>(list: readonly T[], value: number): T {
  return list[value % list.length]!;
}

function routeFor(decoded: DecodedSandboxNumber, scenario: SandboxScenario): Route {
  const { hash, carrier } = decoded;
  const express = carrier === 'dhl' && decoded.dhlService === 'express';
  const domestic =
    carrier === 'auspost'
      ? AU_PLACES
      : carrier === 'royalmail'
        ? GB_PLACES
        : carrier === 'canadapost'
          ? CA_PLACES
          : carrier === 'postnl'
            ? NL_PLACES
            : carrier === 'dpd' || carrier === 'bpost'
              ? BE_PLACES
              : carrier === 'laposte'
                ? FR_PLACES
                : (carrier === 'dhl' && !express) || carrier === 'dhlparcelde' || carrier === 'gls' || carrier === 'hermes'
                  ? DE_PLACES
                  : US_PLACES;
  // A scaffolded carrier not registered yet has no hubs of its own: the US ones, like its default places.
  const hubs = HUBS[express ? 'dhl-express' : carrier] ?? HUBS.ups;
  const destinationIndex = (hash >>> 8) % domestic.length;
  let originIndex = hash % domestic.length;
  if (originIndex === destinationIndex) originIndex = (originIndex + 3) % domestic.length;
  if (scenario === 'customs_hold') {
    // Imports: from abroad to the carrier's home country, held at the import gateway.
    const foreign = FOREIGN_ORIGINS.filter((candidate) => candidate.countryCode !== domestic[0]!.countryCode);
    return { origin: pick(foreign, hash >>> 16), hub: hubs.gateway, destination: domestic[destinationIndex]!, international: true };
  }
  return { origin: domestic[originIndex]!, hub: hubs.hub, destination: domestic[destinationIndex]!, international: false };
}

/** Minutes subtracted from a step so scans of different parcels do not all fall on the hour. */
function jitterMinutes(hash: number, index: number): number {
  return ((hash >>> (index % 24)) + index * 17) % 50;
}

function dayOf(epochMs: number, zone: string): string {
  return zonedTime(epochMs, zone).date;
}

function estimateFor(
  scenario: SandboxScenario,
  nowMs: number,
  destination: Place,
  advancingDeliveryAt: number | null,
): DeliveryEstimate | null {
  switch (scenario) {
    case 'in_transit':
    case 'failed_attempt':
      return { kind: 'date', date: dayOf(nowMs + 24 * HOUR_MS, destination.zone), from: null, to: null };
    case 'label_created':
      return { kind: 'date', date: dayOf(nowMs + 72 * HOUR_MS, destination.zone), from: null, to: null };
    case 'out_for_delivery': {
      // A four-hour window starting at the next full hour, on the destination's clock.
      const next = zonedTime(nowMs + HOUR_MS, destination.zone);
      const from = instantOfLocal(next.date, Number(next.time.slice(0, 2)), 0, destination.zone);
      return { kind: 'window', date: next.date, from, to: from + 4 * HOUR_MS };
    }
    case 'advancing':
      return advancingDeliveryAt === null
        ? null
        : { kind: 'date', date: dayOf(advancingDeliveryAt, destination.zone), from: null, to: null };
    default:
      return null;
  }
}

/**
 * The journey of a decoded number at the clock's `nowMs`, or null when the carrier has no data for it
 * (`not_found`, or an `advancing` parcel before `advancingStartMs`).
 */
export function buildJourney(decoded: DecodedSandboxNumber, nowMs: number, advancingStartMs: number): Journey | null {
  const { scenario } = decoded;
  if (scenario === 'not_found') return null;
  const route = routeFor(decoded, scenario);
  const places: Record<PlaceRole, Place> = { origin: route.origin, hub: route.hub, destination: route.destination };
  const events: JourneyEvent[] = [];
  let estimate: DeliveryEstimate | null;
  if (scenario === 'advancing') {
    if (nowMs < advancingStartMs) return null;
    // Exact hours: the schedule is documented, so tests can step the clock to each milestone.
    for (let index = ADVANCING_SCHEDULE.length - 1; index >= 0; index--) {
      const step = ADVANCING_SCHEDULE[index]!;
      const at = advancingStartMs + step.afterHours * HOUR_MS;
      if (at <= nowMs) events.push({ milestone: step.milestone, at, place: places[ADVANCING_ROLES[step.milestone]!] });
    }
    const deliveryAt = advancingStartMs + ADVANCING_SCHEDULE[ADVANCING_SCHEDULE.length - 1]!.afterHours * HOUR_MS;
    estimate = deliveryAt <= nowMs ? null : estimateFor(scenario, nowMs, route.destination, deliveryAt);
  } else {
    // Relative to now, on whole minutes (carriers print minutes), so a parcel reads the same within a minute.
    const reference = Math.floor(nowMs / 60_000) * 60_000;
    const steps = STATIC_STEPS[scenario];
    for (let index = steps.length - 1; index >= 0; index--) {
      const [milestone, hours, role] = steps[index]!;
      events.push({ milestone, at: reference + hours * HOUR_MS - jitterMinutes(decoded.hash, index) * 60_000, place: places[role] });
    }
    estimate = estimateFor(scenario, reference, route.destination, null);
  }
  return {
    trackingNumber: decoded.trackingNumber,
    scenario,
    events,
    origin: route.origin,
    destination: route.destination,
    international: route.international,
    estimate,
    hash: decoded.hash,
    ...(decoded.dhlService ? { dhlService: decoded.dhlService } : {}),
  };
}
