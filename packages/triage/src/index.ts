export { triage, TRIAGE_RESULT_VERSION, type TriageResult, type TriageOrder, type TriageOptions } from './triage';
export { triageTags, TRIAGE_TAG_PREFIX } from './triage-tags';
export {
  classifyIntent,
  detectLanguage,
  INTENT_PRECEDENCE,
  INTENT_DOMINANCE,
  MAX_CLASSIFIED_CHARACTERS,
  type IntentClassification,
  type KeywordEvidence,
  type ClassifyOptions,
} from './classify-intent';
export {
  findOrdersForTicket,
  findTicketOrders,
  orderSourceLookup,
  trackingNumbersOfView,
  type TicketOrders,
  type TicketOrder,
  type TicketOrderLookup,
  type OrderMatch,
  type FindOrdersOptions,
  type OrderSourceWithTracking,
} from './find-orders';
export { findTicketReferences, type TicketReferences, type TrackingReference } from './find-references';
export { ACTION_PROFILES, type ActionProfile } from './decide';
export { TRIAGE_KEYWORDS } from './keywords';
export {
  INTENTS,
  SKILLS,
  PRIORITIES,
  CHANNELS,
  type Intent,
  type Skill,
  type Priority,
  type Channel,
  type Ticket,
  type LanguageKeywords,
  type KeywordPhrase,
} from './triage-types';
