import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { AUSPOST_ARTICLE_STATUSES, AUSPOST_EVENT_DESCRIPTIONS, AUSPOST_EVENT_DESCRIPTION_PREFIXES } from './auspost-status-tables';

/** The table key of an event description: the text in lower case, or the known prefix it starts with. */
export function ausPostEventKey(description: string): string {
  const lower = description.toLowerCase();
  // Most texts are already tidy: skip the whitespace rewrite for them.
  if (Object.hasOwn(AUSPOST_EVENT_DESCRIPTIONS, lower)) return lower;
  const key = lower.trim().replace(/\s+/g, ' ');
  if (Object.hasOwn(AUSPOST_EVENT_DESCRIPTIONS, key)) return key;
  return AUSPOST_EVENT_DESCRIPTION_PREFIXES.find((prefix) => key.startsWith(`${prefix} `)) ?? key;
}

export function mapAusPostEvent(description: string | undefined): StatusTableEntry | undefined {
  return description ? lookupStatus(AUSPOST_EVENT_DESCRIPTIONS, ausPostEventKey(description)) : undefined;
}

/** The entry for a key `ausPostEventKey` already made. */
export function mapAusPostEventKey(key: string | null): StatusTableEntry | undefined {
  return lookupStatus(AUSPOST_EVENT_DESCRIPTIONS, key);
}

export function mapAusPostArticleStatus(status: string | undefined): StatusTableEntry | undefined {
  return status ? lookupStatus(AUSPOST_ARTICLE_STATUSES, status.trim().toLowerCase()) : undefined;
}
