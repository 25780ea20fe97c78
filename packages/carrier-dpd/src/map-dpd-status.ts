import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { DPD_STATUS_CODES } from './dpd-status-tables';

/** The table entry for a `statusInfo.status`, or undefined (an `unmapped` event keeping the raw state). */
export function mapDpdStatus(status: string | null | undefined): StatusTableEntry | undefined {
  // DPD writes the states in PascalCase; the value is kept as sent, only trimmed.
  return lookupStatus(DPD_STATUS_CODES, status?.trim());
}
