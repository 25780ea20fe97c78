import {
  answerWhereIsMyOrder,
  describeNextAction,
  negotiateLanguage,
  suggestAgentReply,
  type Language,
  type NextActionId,
  type OrderStage,
  type OrderView,
} from '@wismo/order-view';
import { classifyIntent, type KeywordEvidence } from './classify-intent';
import { ACTION_PROFILES, NOT_SHIPPED_STAGES, daysLate, daysUntil, hasReturnParcel } from './decide';
import { findTicketReferences, type TicketReferences } from './find-references';
import { PRIORITIES, type Channel, type Intent, type Priority, type Skill, type Ticket } from './triage-types';

/** Version of the `TriageResult` shape; a breaking change bumps it. */
export const TRIAGE_RESULT_VERSION = 1;

const LIVE_CHANNELS: ReadonlySet<Channel> = new Set(['chat', 'sms', 'whatsapp', 'messenger', 'phone']);

export interface TriageOrder {
  orderId: string;
  orderNumber: string;
  stage: OrderStage;
  nextAction: NextActionId;
  /** The view's next step in the agent's words. */
  nextStep: string;
}

export interface TriageResult {
  version: typeof TRIAGE_RESULT_VERSION;
  intent: Intent;
  /** Further intents the ticket raises ("cancel … and refund me"). */
  secondaryIntents: Intent[];
  /** The ticket's language (the reply's). */
  language: Language;
  languageConfidence: 'high' | 'low';
  /** The order view already holds the answer: a bot or a first-line agent can send `suggestedReply` as it is. */
  autoAnswerable: boolean;
  skill: Skill;
  priority: Priority;
  /** One line each, for the agent. */
  reasons: { intent: string; autoAnswerable: string; skill: string; priority: string };
  /** The orders the triage looked at, in the order given. */
  orders: TriageOrder[];
  references: TicketReferences;
  /** In the customer's language; null when the order view does not answer this kind of ticket (or no order was found). */
  suggestedReply: string | null;
  /** The keyword phrases that matched, negated ones included (they count for nothing). */
  evidence: KeywordEvidence[];
}

export interface TriageOptions {
  /** The language of `reasons` and `nextStep` (the agent's). Default `en`. */
  agentLocale?: string;
  agentName?: string;
  shopName?: string;
}

interface Assessment {
  view: OrderView;
  autoAnswerable: boolean;
  skill: Skill;
  priority: Priority;
  answerReason: string;
  skillReason: string;
  priorityReason: string;
}

const INTENT_WORDS: Readonly<Record<Intent, string>> = {
  where_is_my_order: 'Asks where the order is',
  delivery_problem: 'Reports a problem with the delivery',
  damaged_or_missing_items: 'Reports damaged, missing or wrong items',
  return_or_refund: 'Wants to return or asks about a refund',
  change_address_or_date: 'Wants to change the address or delivery date',
  cancel_order: 'Wants to cancel',
  other: 'Not about delivering an order',
};

const SKILL_WORDS: Readonly<Record<Skill, string>> = {
  first_line: 'first line',
  carrier_claims: 'carrier claims',
  customs: 'customs',
  returns: 'returns',
  billing: 'billing',
  address_changes: 'address changes',
  fulfilment: 'fulfilment (warehouse)',
};

function rankOf(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

function raise(current: { priority: Priority; reason: string }, priority: Priority, reason: string): void {
  if (rankOf(priority) > rankOf(current.priority)) {
    current.priority = priority;
    current.reason = reason;
  }
}

function quoteEvidence(evidence: readonly KeywordEvidence[], intent: Intent): string {
  const quotes = evidence.filter((item) => item.intent === intent && !item.negated).sort((left, right) => right.weight - left.weight);
  return quotes[0] ? ` ("${quotes[0].text}"${quotes[0].typo ? ', read past a typo' : ''})` : '';
}

function intentReason(intent: Intent, evidence: readonly KeywordEvidence[], secondary: readonly Intent[]): string {
  if (evidence.every((item) => item.negated) && intent === 'other') {
    const negated = evidence.find((item) => item.negated);
    return `No request recognised${negated ? `; "${negated.text}" is negated` : ''}`;
  }
  const negated = evidence.find((item) => item.negated && item.intent !== intent);
  const parts = [`${INTENT_WORDS[intent]}${quoteEvidence(evidence, intent)}`];
  if (secondary.length > 0) parts.push(`also: ${secondary.map((other) => INTENT_WORDS[other].toLowerCase()).join('; ')}`);
  if (negated) parts.push(`"${negated.text}" is negated, not counted`);
  return parts.join('; ');
}

/** How the ticket's intent and one order view decide answerability, skill and priority. */
function assess(intent: Intent, billing: boolean, view: OrderView, agentLocale: string): Assessment {
  const action = view.nextAction;
  const profile = ACTION_PROFILES[action.id];
  const nextStep = describeNextAction(view, agentLocale);
  const order = `Order ${view.order.number}`;
  const priority = { priority: 'normal' as Priority, reason: 'needs an agent, nothing time-critical' };
  let autoAnswerable = false;
  let skill: Skill = profile.skill;
  let answerReason: string;
  let skillReason = `${order}: ${profile.situation}`;

  switch (intent) {
    case 'where_is_my_order':
      autoAnswerable = profile.simple;
      answerReason = profile.simple
        ? `${order}: ${profile.situation}. The order view answers it`
        : `${order}: ${profile.situation}. Someone must act: ${nextStep}`;
      break;
    case 'delivery_problem':
      if (view.stage === 'delivered' || action.id === 'share_delivery_details') {
        skill = 'carrier_claims';
        skillReason = `${order}: marked delivered, but the customer reports a problem`;
        answerReason = `${order}: the carrier says delivered; the customer disagrees, someone must check with the carrier`;
        raise(priority, 'high', 'delivered according to the carrier but not received: a claim may be due');
      } else if (profile.simple && (action.id === 'ask_customer_to_collect' || action.id === 'ask_customer_to_rearrange_delivery')) {
        autoAnswerable = true;
        answerReason = `${order}: ${profile.situation}`;
      } else if (profile.simple) {
        skill = 'first_line';
        answerReason = `${order}: the tracking shows no problem (${profile.situation}), but the customer reports one`;
      } else {
        answerReason = `${order}: ${profile.situation}. Someone must act: ${nextStep}`;
      }
      break;
    case 'damaged_or_missing_items': {
      const partial = view.stage === 'partially_delivered' || view.stage === 'partially_shipped' || view.unshippedItems.length > 0;
      skill = 'carrier_claims';
      skillReason = partial
        ? `${order}: part of the order is still on its way; check whether the "missing" item is in it`
        : `${order}: damage or loss is a claim with the carrier (or a warehouse error)`;
      answerReason = 'A claim or a replacement needs an agent';
      raise(priority, 'high', 'damaged or missing goods: the customer waits for a replacement or refund');
      break;
    }
    case 'return_or_refund':
      skill = 'returns';
      autoAnswerable = hasReturnParcel(view) && (action.id === 'wait_for_return' || action.id === 'remind_customer_to_send_return');
      skillReason = `${order}: returns and refunds`;
      answerReason = autoAnswerable
        ? `${order}: ${ACTION_PROFILES[action.id].situation}; the order view answers it`
        : `${order}: a return or refund must be handled by the returns team`;
      if (action.id === 'process_return_refund') raise(priority, 'high', 'the return has arrived: the refund is due');
      break;
    case 'change_address_or_date':
      skill = 'address_changes';
      skillReason = `${order}: address or date changes`;
      answerReason = 'Someone must change the delivery with the warehouse or carrier';
      if (NOT_SHIPPED_STAGES.has(view.stage)) raise(priority, 'high', 'not shipped yet: change it before it leaves');
      else if (view.stage === 'out_for_delivery') raise(priority, 'urgent', 'out for delivery today: change it now or it is too late');
      break;
    case 'cancel_order':
      if (view.stage === 'cancelled') {
        autoAnswerable = true;
        skill = 'first_line';
        answerReason = `${order} is already cancelled; the order view answers it`;
      } else if (NOT_SHIPPED_STAGES.has(view.stage)) {
        skill = 'first_line';
        skillReason = `${order}: not shipped yet, first line can cancel it`;
        answerReason = 'Someone must cancel the order';
        raise(priority, 'high', 'not shipped yet: cancel before it leaves the warehouse');
      } else {
        skill = 'returns';
        skillReason = `${order}: already shipped (${view.stage.replace(/_/g, ' ')}), cancelling means a return`;
        answerReason = 'Already shipped: someone must arrange a refusal or return';
      }
      break;
    case 'other':
      skill = billing ? 'billing' : 'first_line';
      skillReason = billing ? 'Payment or invoice question' : 'General question';
      answerReason = 'Not a delivery question: the order view does not answer it';
      priority.priority = 'normal';
      priority.reason = 'general question';
      break;
  }

  // The order's own urgency, whatever the wording.
  if (intent !== 'other') {
    const deadline = action.parameters.deadline;
    if (deadline) {
      const days = daysUntil(view, deadline);
      if (days <= 0) raise(priority, 'urgent', `deadline ${deadline} is ${days === 0 ? 'today' : 'past'} (${nextStep})`);
      else if (days === 1) raise(priority, 'high', `deadline tomorrow, ${deadline} (${nextStep})`);
    }
    if (action.id === 'offer_reshipment_or_refund') raise(priority, 'high', 'the carrier reports the parcel lost or damaged');
    if (action.id === 'confirm_address_with_customer') raise(priority, 'high', 'the carrier cannot deliver to the address');
    if (action.id === 'send_customs_documents' || action.id === 'ask_customer_for_customs_information')
      raise(priority, 'high', 'customs holds the parcel until documents or information arrive');
    if (view.parcels.some((parcel) => parcel.status === 'returning')) raise(priority, 'high', 'the parcel is on its way back to the shop');
    const late = daysLate(view);
    if (late >= 3) raise(priority, 'high', `${late} days late`);
    if (view.delays.some((delay) => delay.kind === 'not_received_reported'))
      raise(priority, 'high', 'the customer reported it not received');
  }
  if (autoAnswerable && priority.priority === 'normal') {
    priority.priority = 'low';
    priority.reason = 'the order view answers it';
  }
  return { view, autoAnswerable, skill, priority: priority.priority, answerReason, skillReason, priorityReason: priority.reason };
}

function assessWithoutOrder(
  intent: Intent,
  billing: boolean,
  text: string,
  evidence: readonly KeywordEvidence[],
): Omit<Assessment, 'view'> {
  const customsWords = evidence.some(
    (item) => !item.negated && item.intent === 'delivery_problem' && /douan|zoll|customs|aduan|duties|invoerrecht|dedouan/i.test(item.text),
  );
  const skills: Readonly<Record<Intent, Skill>> = {
    where_is_my_order: 'first_line',
    delivery_problem: customsWords ? 'customs' : 'carrier_claims',
    damaged_or_missing_items: 'carrier_claims',
    return_or_refund: 'returns',
    change_address_or_date: 'address_changes',
    cancel_order: 'first_line',
    other: billing ? 'billing' : 'first_line',
  };
  const orderQuestion = intent !== 'other';
  const priority: Priority =
    intent === 'damaged_or_missing_items' || intent === 'cancel_order' || intent === 'change_address_or_date' ? 'high' : 'normal';
  return {
    autoAnswerable: false,
    skill: skills[intent],
    priority,
    answerReason: orderQuestion
      ? `No order found for this ticket${text.trim() ? '' : ' (no text)'}: ask for the order number`
      : 'Not a delivery question',
    skillReason:
      intent === 'other' ? (billing ? 'Payment or invoice question' : 'General question') : `${INTENT_WORDS[intent]}, no order found`,
    priorityReason: priority === 'high' ? 'time-critical request, order unknown' : 'no order data to judge urgency',
  };
}

function replyFor(intent: Intent, views: readonly OrderView[], language: Language, options: TriageOptions): string | null {
  const answers =
    intent === 'where_is_my_order' || intent === 'delivery_problem' || (intent === 'return_or_refund' && views.some(hasReturnParcel));
  if (!answers || views.length === 0) return null;
  const replyOptions = {
    locale: language,
    ...(options.agentName ? { agentName: options.agentName } : {}),
    ...(options.shopName ? { shopName: options.shopName } : {}),
  };
  if (views.length === 1) return suggestAgentReply(views[0]!, replyOptions);
  // Several orders: one answer per order (each names its order number); the agent adds greeting and sign-off.
  return views.map((view) => answerWhereIsMyOrder(view, language)).join('\n\n');
}

/**
 * Triage of one ticket: the intent from its words (five languages, negations and typos handled), then,
 * with the customer's order view(s), whether the view already answers it, which skill must take it, how
 * urgent it is, and the view's suggested reply in the customer's language. With several views, the most
 * urgent decides skill and priority, and the ticket is auto-answerable only if every order's answer is.
 */
export function triage(ticket: Ticket, view: OrderView | readonly OrderView[] | null, options: TriageOptions = {}): TriageResult {
  const views: readonly OrderView[] = view === null ? [] : Array.isArray(view) ? view : [view as OrderView];
  const text = [ticket.subject ?? '', ticket.body].filter((part) => part.trim() !== '').join('\n');
  const customerLanguage = views[0] ? negotiateLanguage(views[0].customer.locale) : 'en';
  const classification = classifyIntent(text, { fallbackLanguage: customerLanguage });
  // A short ticket ("any news? 1066") says little about its language: the customer's own locale is safer.
  const language = classification.languageConfidence === 'high' || views.length === 0 ? classification.language : customerLanguage;
  const agentLocale = options.agentLocale ?? 'en';
  const { intent, billing, evidence, secondaryIntents } = classification;

  let decision: Omit<Assessment, 'view'>;
  if (views.length === 0) {
    decision = assessWithoutOrder(intent, billing, text, evidence);
  } else {
    const assessments = views.map((item) => assess(intent, billing, item, agentLocale));
    const focus = [...assessments].sort(
      (left, right) => rankOf(right.priority) - rankOf(left.priority) || Number(left.autoAnswerable) - Number(right.autoAnswerable),
    )[0]!;
    const allAnswerable = assessments.every((assessment) => assessment.autoAnswerable);
    decision = {
      ...focus,
      autoAnswerable: allAnswerable,
      answerReason: assessments.length > 1 ? assessments.map((assessment) => assessment.answerReason).join(' | ') : focus.answerReason,
    };
  }
  const channel = ticket.channel ?? 'email';
  let { priority, priorityReason } = decision;
  if (LIVE_CHANNELS.has(channel) && priority === 'low') {
    priority = 'normal';
    priorityReason = `${priorityReason}; the customer waits on ${channel}`;
  }
  return {
    version: TRIAGE_RESULT_VERSION,
    intent,
    secondaryIntents,
    language,
    languageConfidence: classification.languageConfidence,
    autoAnswerable: decision.autoAnswerable,
    skill: decision.skill,
    priority,
    reasons: {
      intent: intentReason(intent, evidence, secondaryIntents),
      autoAnswerable: `${decision.autoAnswerable ? 'Yes' : 'No'}: ${decision.answerReason}`,
      skill: `${SKILL_WORDS[decision.skill]}: ${decision.skillReason}`,
      priority: `${priority}: ${priorityReason}`,
    },
    orders: views.map((item) => ({
      orderId: item.order.id,
      orderNumber: item.order.number,
      stage: item.stage,
      nextAction: item.nextAction.id,
      nextStep: describeNextAction(item, agentLocale),
    })),
    references: findTicketReferences(text),
    suggestedReply: replyFor(intent, views, language, options),
    evidence,
  };
}
