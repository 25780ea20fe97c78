import { TRIAGE_TAG_PREFIX, triageTags, type Priority, type TriageResult } from '@wismo/triage';
import { escapeHtml } from '../render/html';

/**
 * A triage result in each helpdesk's own terms: the request body of the helpdesk's API call that puts the
 * tags (or fields) on the ticket, for the glue that applies it (a Freshworks serverless app, a ZAF app, a
 * HubSpot custom-code action, an Intercom custom action, a webhook worker). wismo calls no helpdesk API itself.
 */

/** Tags that replace a ticket's list: the ticket's other tags kept, earlier `wismo_` tags swapped for the new ones. */
export function mergeTags(existing: readonly string[] | undefined, tags: readonly string[]): string[] {
  const kept = (existing ?? []).filter((tag) => !tag.toLowerCase().startsWith(TRIAGE_TAG_PREFIX));
  return [...new Set([...kept, ...tags])];
}

/** Zendesk: `PUT /api/v2/tickets/{id}/tags` adds tags (keeps the others); ticket priority is low|normal|high|urgent, as ours. */
export interface ZendeskTriage {
  addTags: { tags: string[] };
  ticketUpdate: { ticket: { priority: Priority } };
}

export function toZendeskTriage(result: TriageResult): ZendeskTriage {
  return { addTags: { tags: triageTags(result) }, ticketUpdate: { ticket: { priority: result.priority } } };
}

const FRESHDESK_PRIORITIES: Readonly<Record<Priority, 1 | 2 | 3 | 4>> = { low: 1, normal: 2, high: 3, urgent: 4 };

/** Freshdesk: `PUT /api/v2/tickets/{id}` with `tags` (replaces the list: send the merged one) and `priority` 1 low … 4 urgent. */
export interface FreshdeskTriage {
  ticketUpdate: { tags: string[]; priority: 1 | 2 | 3 | 4 };
}

export function toFreshdeskTriage(result: TriageResult, existingTags?: readonly string[]): FreshdeskTriage {
  return { ticketUpdate: { tags: mergeTags(existingTags, triageTags(result)), priority: FRESHDESK_PRIORITIES[result.priority] } };
}

/** Gorgias: `POST /api/tickets/{id}/tags` adds tags by name. */
export interface GorgiasTriage {
  addTags: { names: string[] };
}

export function toGorgiasTriage(result: TriageResult): GorgiasTriage {
  return { addTags: { names: triageTags(result) } };
}

/** Help Scout: `PUT /v2/conversations/{id}/tags` replaces the list (send the merged one). */
export interface HelpScoutTriage {
  updateTags: { tags: string[] };
}

export function toHelpScoutTriage(result: TriageResult, existingTags?: readonly string[]): HelpScoutTriage {
  return { updateTags: { tags: mergeTags(existingTags, triageTags(result)) } };
}

const HUBSPOT_PRIORITIES: Readonly<Record<Priority, 'LOW' | 'MEDIUM' | 'HIGH'>> = {
  low: 'LOW',
  normal: 'MEDIUM',
  high: 'HIGH',
  urgent: 'HIGH',
};

/**
 * HubSpot: `PATCH /crm/v3/objects/tickets/{id}` with properties. `hs_ticket_priority` takes LOW, MEDIUM,
 * HIGH (urgent is HIGH there; `wismo_priority` keeps `urgent`); the `wismo_*` properties are custom ticket
 * properties you create once (single-line text; `wismo_tags` a multiple-checkbox, values joined by `;`).
 */
export interface HubSpotTriage {
  ticketUpdate: { properties: Record<string, string> };
}

export function toHubSpotTriage(result: TriageResult): HubSpotTriage {
  return {
    ticketUpdate: {
      properties: {
        hs_ticket_priority: HUBSPOT_PRIORITIES[result.priority],
        wismo_intent: result.intent,
        wismo_skill: result.skill,
        wismo_priority: result.priority,
        wismo_auto_answerable: String(result.autoAnswerable),
        wismo_language: result.language,
        wismo_tags: triageTags(result).join(';'),
        wismo_reason: result.reasons.autoAnswerable,
      },
    },
  };
}

/** Intercom: `PUT /conversations/{id}` with `custom_attributes` (conversation data attributes you create once). */
export interface IntercomTriage {
  conversationUpdate: { custom_attributes: Record<string, string | boolean> };
}

export function toIntercomTriage(result: TriageResult): IntercomTriage {
  return {
    conversationUpdate: {
      custom_attributes: {
        wismo_intent: result.intent,
        wismo_skill: result.skill,
        wismo_priority: result.priority,
        wismo_auto_answerable: result.autoAnswerable,
        wismo_language: result.language,
        wismo_reason: result.reasons.autoAnswerable,
      },
    },
  };
}

/**
 * Gladly: flat string `customAttributes` for the Lookup Adaptor's customer, and topic names: Gladly rules
 * fire on "Topics added", so map each name to the id of a topic of the same name.
 */
export interface GladlyTriage {
  customAttributes: Record<string, string>;
  topics: string[];
}

export function toGladlyTriage(result: TriageResult): GladlyTriage {
  return {
    customAttributes: {
      wismoIntent: result.intent,
      wismoSkill: result.skill,
      wismoPriority: result.priority,
      wismoAutoAnswerable: String(result.autoAnswerable),
      wismoTags: triageTags(result).join(' '),
    },
    topics: triageTags(result),
  };
}

const INTENT_LABELS: Readonly<Record<TriageResult['intent'], string>> = {
  where_is_my_order: 'Where is my order',
  delivery_problem: 'Delivery problem',
  damaged_or_missing_items: 'Damaged or missing items',
  return_or_refund: 'Return or refund',
  change_address_or_date: 'Change address or date',
  cancel_order: 'Cancel order',
  other: 'Other',
};

/** The triage as label/value rows for a panel (English: the reasons are written for the agent in English). */
export function triageRows(result: TriageResult): Array<{ label: string; value: string }> {
  return [
    { label: 'Intent', value: `${INTENT_LABELS[result.intent]} — ${result.reasons.intent}` },
    { label: 'Auto-answer', value: result.reasons.autoAnswerable },
    { label: 'Skill', value: result.reasons.skill },
    { label: 'Priority', value: result.reasons.priority },
  ];
}

/** The triage as a small HTML block for panels that take HTML (Help Scout); every value escaped. */
export function renderTriageHtml(result: TriageResult): string {
  const rows = triageRows(result)
    .map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`)
    .join('');
  return `<section class="wismo-triage" aria-label="Triage"><h2>Triage</h2><dl>${rows}</dl><p>${triageTags(result)
    .map((tag) => `<code>${escapeHtml(tag)}</code>`)
    .join(' ')}</p></section>`;
}
