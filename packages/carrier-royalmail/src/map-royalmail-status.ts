import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { ROYALMAIL_EVENT_CODES, ROYALMAIL_STATUS_CATEGORIES } from './royalmail-status-tables';

export function mapRoyalMailEvent(eventCode: string | undefined): StatusTableEntry | undefined {
  return lookupStatus(ROYALMAIL_EVENT_CODES, eventCode?.trim().toUpperCase());
}

export function mapRoyalMailStatusCategory(category: string | undefined): StatusTableEntry | undefined {
  return lookupStatus(ROYALMAIL_STATUS_CATEGORIES, category?.trim().toUpperCase());
}
