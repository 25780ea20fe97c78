import type { ShipmentStatus } from '@wismo/core';
import type { RefreshPolicy } from '../store-types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The defaults; the README's policy table documents each row. */
export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  beforeFirstScanMs: 12 * HOUR,
  inTransitMs: 12 * HOUR,
  etaWaitCapMs: 24 * HOUR,
  deliveryDayStartHour: 6,
  dueTodayMs: 50 * MINUTE,
  outForDeliveryMs: 3.5 * HOUR,
  needsAttentionMs: 6 * HOUR,
  notFoundInitialMs: 1 * HOUR,
  notFoundMaxMs: 12 * HOUR,
  notFoundGiveUpAfterMs: 7 * DAY,
  errorRetryMs: 15 * MINUTE,
  confirmationCheckAfterMs: 1 * DAY,
  pushedIntervalFactor: 4,
  jitterRatio: 0.1,
  leaseMs: 5 * MINUTE,
};

const FINAL: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'returned', 'cancelled']);
const NEEDS_ATTENTION: ReadonlySet<ShipmentStatus> = new Set([
  'exception',
  'attempt_failed',
  'available_for_pickup',
  'returning',
  'unknown',
]);
const BEFORE_FIRST_SCAN: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received']);

/** What the policy looks at. */
export interface RefreshState {
  status: ShipmentStatus;
  /** How the last check ended. */
  lastAnswer: 'shipment' | 'not_found' | 'error';
  /** The expected delivery day (carrier estimate, else the promised date) in `timeZone`, `YYYY-MM-DD`. */
  expectedDeliveryDate: string | null;
  /** The customer's (else the shop's) IANA zone: "today" and the delivery day's start are read there. */
  timeZone: string;
  watchedBy: 'poll' | 'push' | 'both';
  /** When the tracking was watched (epoch ms). */
  watchedAtMs: number;
  /** Consecutive `not_found` answers, including this one. */
  notFoundCount: number;
  /** Consecutive other errors, including this one. */
  errorCount: number;
  /** True once a carrier answer with data arrived (not found after that is an error, not a back-off). */
  everFound: boolean;
  /** When the parcel reached a final status (epoch ms), if it has. */
  finishedAtMs: number | null;
  /** The one confirmation check after a final status has been made. */
  confirmationDone: boolean;
}

export interface NextCheckPlan {
  /** Epoch ms, or null to stop. */
  nextCheckAtMs: number | null;
  stoppedReason: 'finished' | 'not_found' | null;
  /** The policy row that decided, for logs, tests and the README table. */
  rule: string;
}

/** The epoch ms of `hour`:00 on `date` in `timeZone` (two passes absorb DST changes). */
export function startOfLocalHour(date: string, hour: number, timeZone: string): number {
  const wallAsUtc = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  let guess = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetMs(guess, timeZone);
  return guess;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

const OFFSET_BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms (cached per quarter hour: zones change offset on those). */
function offsetMs(epochMs: number, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(epochMs / OFFSET_BUCKET_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 50_000) offsetCache.clear();
    offset = computeOffsetMs(Math.floor(epochMs / OFFSET_BUCKET_MS) * OFFSET_BUCKET_MS, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffsetMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(epochMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(epochMs: number, timeZone: string): string {
  return new Date(epochMs + offsetMs(epochMs, timeZone)).toISOString().slice(0, 10);
}

function jittered(intervalMs: number, policy: RefreshPolicy, random: () => number): number {
  return Math.round(intervalMs * (1 + policy.jitterRatio * (2 * random() - 1)));
}

/**
 * When to look again, from the parcel's state. Pure: `nowMs` is the time of the check just made. The README's
 * policy table lists the same rows in the same order.
 */
export function planNextCheck(
  state: RefreshState,
  nowMs: number,
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
  random: () => number = Math.random,
): NextCheckPlan {
  const at = (intervalMs: number, rule: string): NextCheckPlan => ({
    nextCheckAtMs: nowMs + jittered(intervalMs, policy, random),
    stoppedReason: null,
    rule,
  });
  // Carrier push brings news; polling is only the safety net.
  const pushed = state.watchedBy === 'push' ? policy.pushedIntervalFactor : 1;

  if (state.lastAnswer === 'not_found' && !state.everFound) {
    if (nowMs - state.watchedAtMs >= policy.notFoundGiveUpAfterMs)
      return { nextCheckAtMs: null, stoppedReason: 'not_found', rule: 'not_found_give_up' };
    const backOff = Math.min(policy.notFoundMaxMs, policy.notFoundInitialMs * 2 ** Math.max(0, state.notFoundCount - 1));
    return at(backOff, 'not_found_back_off');
  }
  if (state.lastAnswer !== 'shipment') {
    const retry = Math.min(policy.inTransitMs, policy.errorRetryMs * 2 ** Math.max(0, state.errorCount - 1));
    return at(retry, 'error_retry');
  }
  if (FINAL.has(state.status)) {
    if (state.confirmationDone) return { nextCheckAtMs: null, stoppedReason: 'finished', rule: 'finished_stop' };
    const finishedAt = state.finishedAtMs ?? nowMs;
    return {
      nextCheckAtMs: Math.max(nowMs, finishedAt + policy.confirmationCheckAfterMs),
      stoppedReason: null,
      rule: 'finished_confirmation',
    };
  }
  if (state.status === 'out_for_delivery') return at(policy.outForDeliveryMs * pushed, 'out_for_delivery');
  if (NEEDS_ATTENTION.has(state.status)) return at(policy.needsAttentionMs * pushed, 'needs_attention');

  const today = localDate(nowMs, state.timeZone);
  const due = state.expectedDeliveryDate;
  if (due !== null && due === today) {
    const dayStart = startOfLocalHour(due, policy.deliveryDayStartHour, state.timeZone);
    if (nowMs < dayStart) return { nextCheckAtMs: dayStart, stoppedReason: null, rule: 'due_today_before_start' };
    return at(policy.dueTodayMs * pushed, 'due_today');
  }
  if (due !== null && due > today && !BEFORE_FIRST_SCAN.has(state.status)) {
    // Sleep until the delivery day's morning (never longer than the cap, so a stall is still noticed).
    const dayStart = startOfLocalHour(due, policy.deliveryDayStartHour, state.timeZone);
    const capped = nowMs + jittered(policy.etaWaitCapMs * pushed, policy, random);
    // Jitter never pushes the check past the delivery day's start.
    return { nextCheckAtMs: Math.min(dayStart, capped), stoppedReason: null, rule: 'in_transit_until_delivery_day' };
  }
  if (BEFORE_FIRST_SCAN.has(state.status)) return at(policy.beforeFirstScanMs * pushed, 'before_first_scan');
  return at(policy.inTransitMs * pushed, due !== null && due < today ? 'in_transit_past_due' : 'in_transit');
}
