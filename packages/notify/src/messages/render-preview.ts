import type { OrderView } from '@wismo/order-view';
import { exceptionReasonOf, factsOf } from '../milestones/milestones-from-event';
import type {
  Brand,
  CustomerChannel,
  MessageLinks,
  Milestone,
  MilestoneFacts,
  PlannedMessage,
  RenderedMessage,
} from '../notification-types';
import { dedupeKeyOf, recipientTimeZone } from '../policy/plan-notifications';
import { DEFAULT_BRAND } from '../policy/settings';
import { NotifyRenderError, renderMessage } from './render-message';

export interface PreviewInput {
  /** The order as the order view shows it now. */
  view: OrderView;
  milestone: Milestone;
  channel: CustomerChannel;
  /** Default: the customer's own locale. */
  locale?: string;
  /** Which parcel; default the first outbound parcel (none for `order_confirmed`). */
  parcelId?: string;
  brand?: Partial<Brand>;
  /** Default: placeholders on the reserved `.invalid` domain (a preview is never sent). */
  links?: Partial<MessageLinks>;
  /** Send time shown on the message; default now. */
  now?: Date;
}

/**
 * Renders the message a customer would get for `milestone`, from the order's current view, without the
 * policy (no quiet hours, no cap): for `wismo notify preview` and the server's preview page.
 */
export function renderPreview(input: PreviewInput): RenderedMessage {
  const { view, milestone, channel } = input;
  const outbound = view.parcels.filter((parcel) => parcel.direction === (milestone === 'return_received' ? 'return' : 'outbound'));
  const parcel =
    milestone === 'order_confirmed'
      ? null
      : input.parcelId
        ? view.parcels.find((candidate) => candidate.id === input.parcelId)
        : // A return's words need no parcel: preview it on orders without a return parcel too.
          (outbound[0] ?? (milestone === 'return_received' ? null : undefined));
  if (parcel === undefined)
    throw new NotifyRenderError(
      input.parcelId
        ? `Order ${view.order.number} has no parcel "${input.parcelId}"`
        : `Order ${view.order.number} has no parcel to preview`,
    );
  const facts: MilestoneFacts = { ...factsOf(view, parcel), ...previewFacts(milestone, view, parcel) };
  const address = channel === 'email' ? view.customer.email : view.customer.phone;
  if (!address)
    throw new NotifyRenderError(
      `The customer of order ${view.order.number} has no ${channel === 'email' ? 'email address' : 'phone number'}`,
    );
  const message: PlannedMessage = {
    dedupeKey: '',
    shopId: 'preview',
    orderId: view.order.id,
    milestone,
    parcelIds: parcel ? [parcel.id] : [],
    recipient: {
      channel,
      address,
      customerId: view.customer.id,
      name: view.customer.givenName || view.customer.name || null,
      locale: input.locale ?? view.customer.locale,
      timeZone: recipientTimeZone(view.customer.timeZone, null, 'UTC'),
    },
    sendAfter: (input.now ?? new Date()).toISOString(),
    quietMode: 'hold',
    occurredAt: (input.now ?? new Date()).toISOString(),
    sourceEventIds: [],
    facts,
  };
  message.dedupeKey = dedupeKeyOf(message);
  return renderMessage(message, {
    brand: { ...DEFAULT_BRAND, ...input.brand },
    links: {
      trackingPage:
        input.links?.trackingPage ?? parcel?.trackingUrl ?? `https://tracking.invalid/orders/${encodeURIComponent(view.order.number)}`,
      unsubscribe: input.links?.unsubscribe ?? 'https://tracking.invalid/unsubscribe',
    },
  });
}

/** What the outbox row would have said, read back from the view for a preview. */
function previewFacts(milestone: Milestone, view: OrderView, parcel: OrderView['parcels'][number] | null): Partial<MilestoneFacts> {
  if (!parcel) return {};
  switch (milestone) {
    case 'delayed': {
      const delay = parcel.delays.find(
        (candidate) => candidate.kind === 'stalled' || candidate.kind === 'late' || candidate.kind === 'carrier_delay',
      );
      return { reason: (delay?.kind as MilestoneFacts['reason']) ?? 'late', actor: 'carrier' };
    }
    case 'exception':
      return { reason: exceptionReasonOf(parcel.substatus) };
    case 'delivery_attempt_failed':
    case 'ready_for_pickup':
    case 'pickup_reminder':
      return { actor: 'customer' };
    case 'tracking_number_changed':
      return {
        previousTrackingNumber:
          parcel.trackedShipments.find((shipment) => shipment.trackingNumber !== parcel.trackingNumber)?.trackingNumber ?? null,
      };
    default:
      return view.parcels.length > 1 ? {} : { parcelCount: null };
  }
}
