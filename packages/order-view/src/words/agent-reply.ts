import type { NextActionId, OrderView } from '../order-view-schema';
import { composeAnswer } from './answer-where-is-my-order';
import { formatMessage } from './format-message';
import { textContextFor } from './format-time';
import type { MessageKey } from './messages';
import { anythingShipped } from './order-facts';

/** What the shop commits to in a reply, for actions the shop takes (the customer's own steps are in the answer). */
const REPLY_STEPS: Partial<Record<NextActionId, MessageKey>> = {
  open_carrier_trace: 'reply.step.open_carrier_trace',
  offer_reshipment_or_refund: 'reply.step.offer_reshipment_or_refund',
  send_customs_documents: 'reply.step.send_customs_documents',
  check_handover_with_warehouse: 'reply.step.check_handover_with_warehouse',
  check_fulfilment_with_warehouse: 'reply.step.check_fulfilment_with_warehouse',
  process_return_refund: 'reply.step.process_return_refund',
  apologise_and_share_estimate: 'reply.step.apologise_and_share_estimate',
  wait_for_return: 'reply.step.wait_for_return',
  confirm_cancellation: 'reply.step.confirm_cancellation',
};

export interface AgentReplyOptions {
  /** Defaults to the customer's locale. */
  locale?: string;
  agentName?: string;
  shopName?: string;
}

/**
 * A reply the agent can send as it is: greeting by name, the answer, the next step the shop takes, an
 * invitation to reply and a sign-off, in the customer's language.
 */
export function suggestAgentReply(view: OrderView, options: AgentReplyOptions = {}): string {
  const context = textContextFor(view, options.locale);
  const language = context.language;
  const greeting = formatMessage(language, 'reply.greeting', { givenName: view.customer.givenName, name: view.customer.name });
  // Customs documents for a return come from the customer: the answer asks for them, the shop sends nothing.
  const stepKey =
    view.nextAction.id === 'send_customs_documents' && view.nextAction.actor !== 'shipper' ? undefined : REPLY_STEPS[view.nextAction.id];
  // The answer leaves out what the reply's own step commits to, so it is said once, in the agent's voice.
  const body = `${formatMessage(language, 'reply.thanks')} ${composeAnswer(view, options.locale, stepKey ? view.nextAction : null)}`;
  const step = stepKey
    ? formatMessage(language, stepKey, {
        carrier: view.nextAction.parameters.carrierName ?? '',
        nothingShipped: anythingShipped(view) ? 'no' : 'yes',
      })
    : null;
  const signature = [formatMessage(language, 'reply.signOff'), options.agentName, options.shopName].filter(Boolean).join('\n');
  return [greeting, body, ...(step ? [step] : []), formatMessage(language, 'reply.closing'), signature].join('\n\n');
}
