import type { TriageResult } from './triage';

/** The tag prefix: every tag wismo sets starts with it, so a rule can remove them all. */
export const TRIAGE_TAG_PREFIX = 'wismo_';

/**
 * Helpdesk tags for a triage result: lower case, letters, digits and underscores only (valid in Zendesk,
 * Freshdesk, Gorgias, Help Scout, and as HubSpot/Intercom/Gladly values): `wismo_intent_<intent>`,
 * `wismo_skill_<skill>`, `wismo_priority_<priority>`, `wismo_lang_<language>`, and `wismo_auto_answerable`
 * or `wismo_needs_agent`; `wismo_several_orders` when the ticket is about more than one order,
 * `wismo_no_order` when none was found.
 */
export function triageTags(result: TriageResult): string[] {
  return [
    `${TRIAGE_TAG_PREFIX}intent_${result.intent}`,
    `${TRIAGE_TAG_PREFIX}skill_${result.skill}`,
    `${TRIAGE_TAG_PREFIX}priority_${result.priority}`,
    `${TRIAGE_TAG_PREFIX}lang_${result.language}`,
    result.autoAnswerable ? `${TRIAGE_TAG_PREFIX}auto_answerable` : `${TRIAGE_TAG_PREFIX}needs_agent`,
    ...(result.orders.length > 1 ? [`${TRIAGE_TAG_PREFIX}several_orders`] : []),
    ...(result.orders.length === 0 ? [`${TRIAGE_TAG_PREFIX}no_order`] : []),
  ];
}
