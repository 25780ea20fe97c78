import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { CANADAPOST_EVENT_CODES } from './canadapost-status-tables';

/** `0174` → `174`: identifiers come zero-padded to various widths; the table is keyed by the number. */
export function canadaPostEventKey(identifier: string | undefined): string | undefined {
  const trimmed = identifier?.trim();
  return trimmed ? trimmed.replace(/^0+(?=\d)/, '') : undefined;
}

export function mapCanadaPostEvent(identifier: string | undefined): StatusTableEntry | undefined {
  return lookupStatus(CANADAPOST_EVENT_CODES, canadaPostEventKey(identifier));
}
