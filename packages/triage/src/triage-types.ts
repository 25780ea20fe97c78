import type { Language } from '@wismo/order-view';

/** What the customer wants, from the ticket's words. */
export const INTENTS = [
  'where_is_my_order',
  'delivery_problem',
  'damaged_or_missing_items',
  'return_or_refund',
  'change_address_or_date',
  'cancel_order',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Who should take the ticket. */
export const SKILLS = ['first_line', 'carrier_claims', 'customs', 'returns', 'billing', 'address_changes', 'fulfilment'] as const;
export type Skill = (typeof SKILLS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Where the ticket came in; live channels have a customer waiting. */
export const CHANNELS = ['email', 'chat', 'sms', 'whatsapp', 'messenger', 'phone', 'web_form', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Ticket {
  subject?: string | null;
  body: string;
  channel?: Channel;
  /** The requester's email, for finding their orders. */
  requesterEmail?: string | null;
}

/** A keyword list entry: see `docs/triage.md` for the phrase syntax. */
export type KeywordPhrase = string;

/** One language's words for triage, kept as data (one file per language under `keywords/`). */
export interface LanguageKeywords {
  language: Language;
  /** Frequent short words of the language: they tell the ticket's language. */
  stopwords: readonly string[];
  /** Words that negate what follows them in the same clause ("not", "nicht", "pas", "niet", "no"). */
  negators: readonly string[];
  /** Words that turn the sentence ("but", "aber", "mais", "maar", "pero"): a negation stops there. */
  clauseWords: readonly string[];
  /** Text rewrites before splitting into words (e.g. English "n't" → " not"). */
  rewrites?: ReadonlyArray<readonly [RegExp, string]>;
  intents: Readonly<Record<Intent, readonly KeywordPhrase[]>>;
  /** Payment and invoice words: an `other` ticket about them goes to billing. */
  billing: readonly KeywordPhrase[];
  /** Words that introduce an order number ("order", "Bestellung", "commande"). */
  orderWords: readonly string[];
  /** Words that continue a list of numbers ("and", "und", "et", "en", "y"). */
  listWords: readonly string[];
}
