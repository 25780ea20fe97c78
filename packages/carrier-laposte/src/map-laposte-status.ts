import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import type { LaposteTimelineStep } from './laposte-api';
import { LAPOSTE_EVENT_CODES, LAPOSTE_TIMELINE_STEPS } from './laposte-status-tables';

/** Codes arrive upper case (`DI1`); trimmed and upper-cased to be safe. Undefined: not in the table. */
export function mapLaposteEventCode(code: string | null | undefined): StatusTableEntry | undefined {
  return typeof code === 'string' ? lookupStatus(LAPOSTE_EVENT_CODES, code.trim().toUpperCase()) : undefined;
}

/**
 * The furthest timeline step reached, as a status: the fallback when no event code maps. A step La Poste
 * marks KO (`type: -1`) is an exception whatever its number.
 */
export function mapLaposteTimeline(timeline: readonly LaposteTimelineStep[] | undefined): StatusTableEntry | undefined {
  let furthest: LaposteTimelineStep | undefined;
  for (const step of timeline ?? []) {
    if (step.status === true && typeof step.id === 'number' && (!furthest || step.id > furthest.id!)) furthest = step;
  }
  if (!furthest) return undefined;
  if (furthest.type === -1) return { status: 'exception', substatus: 'carrier_exception' };
  return lookupStatus(LAPOSTE_TIMELINE_STEPS, String(furthest.id));
}
