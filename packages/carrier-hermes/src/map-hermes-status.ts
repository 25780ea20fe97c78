import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { HERMES_STATUS_CODES } from './hermes-status-tables';

/**
 * Looks up a `status[].code`. The samples carry 4 digits (`3500`); the spec's example writes the code with
 * dashes (`0-0-0`), so separators are dropped before the lookup. Nothing else is guessed.
 */
export function normaliseHermesCode(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const compact = code.replace(/[\s-]+/g, '');
  return compact === '' ? null : compact;
}

export function mapHermesStatus(code: string | null | undefined): StatusTableEntry | undefined {
  return lookupStatus(HERMES_STATUS_CODES, normaliseHermesCode(code));
}
