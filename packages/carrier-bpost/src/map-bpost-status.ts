import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { BPOST_STATE_CODES } from './bpost-status-tables';

/** The table entry for a `stateCode` (upper-cased, trimmed), or undefined: an `unmapped` event keeps the code. */
export function mapBpostState(stateCode: string | null | undefined): StatusTableEntry | undefined {
  return lookupStatus(BPOST_STATE_CODES, stateCode?.trim().toUpperCase());
}
