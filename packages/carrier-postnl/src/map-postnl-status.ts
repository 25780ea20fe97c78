import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { POSTNL_EVENT_CODES, POSTNL_PHASE_CODES, POSTNL_STATUS_CODES } from './postnl-status-tables';

/** `j05 ` → `J05`; status codes `07` → `7`. */
export function normalisePostnlEventCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim();
  return trimmed ? trimmed.toUpperCase() : null;
}

function normaliseNumberCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
}

/** An event's entry from `POSTNL_EVENT_CODES`, or undefined (kept `unmapped` with its raw code). */
export function mapPostnlEvent(code: string | null | undefined): StatusTableEntry | undefined {
  return lookupStatus(POSTNL_EVENT_CODES, normalisePostnlEventCode(code));
}

/** The shipment's own `Status`: its status code, else (coarser) its phase code. Used when no event maps. */
export function mapPostnlStatus(
  status: { StatusCode?: string | undefined; PhaseCode?: string | undefined } | undefined,
): StatusTableEntry | undefined {
  return (
    lookupStatus(POSTNL_STATUS_CODES, normaliseNumberCode(status?.StatusCode)) ??
    lookupStatus(POSTNL_PHASE_CODES, normaliseNumberCode(status?.PhaseCode))
  );
}
