/**
 * The seam between the notification policy (src/milestones, src/policy, src/messages) and delivery
 * (src/channels, src/dispatcher, src/webhooks). Contract:
 *
 * 1. The dispatcher reads the store's outbox and calls `milestonesFromEvent(event, view)` (milestones/) for each
 *    row, giving the order's current `OrderView`; it gets `MilestoneOccurrence`s (pure, no I/O).
 * 2. It loads a `PolicyState` snapshot for that order/recipient from its tables and calls
 *    `planNotifications({ occurrences, view, settings, state, now })` (policy/). Every occurrence × channel comes
 *    back as a `PolicyDecision`: `queue` (a `PlannedMessage` to insert with its unique `dedupeKey` and
 *    `sendAfter`) or `skip` (record it with its `reason`: nothing is dropped silently).
 *    `reached` must also record every occurrence's milestone (even skipped ones): it is what makes a queued
 *    message "overtaken". `updatePolicyState(state, decisions, occurrences)` (policy/) does that in memory.
 * 3. When a queued row is due, it calls `checkAtSend(message, { settings, state, now })` again (quiet hours,
 *    opt-out and overtaken milestone are re-checked at the moment of sending; the daily cap is counted at planning) and gets `send`, `hold` (new
 *    `sendAfter`) or `drop` (with a reason).
 * 4. On `send`, it calls `renderMessage(message, { brand, links })` (messages/) and hands the `RenderedMessage` to
 *    the channel. Delivery owns retries, provider ids and the `sent`/`failed` marks.
 *
 * Every instant is a UTC ISO string with `Z`; local wall times are `HH:mm` strings in a named IANA zone.
 */

/** Customer-facing milestones, in their forward order (a later one overtakes an earlier one). */
export const MILESTONES = [
  'order_confirmed',
  'shipped',
  'in_transit',
  'expected_date_changed',
  'delayed',
  'exception',
  'tracking_number_changed',
  'ready_for_pickup',
  'pickup_reminder',
  'out_for_delivery',
  'delivery_attempt_failed',
  'delivered',
  'return_received',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Channels that reach the customer. Shop webhooks are not governed by this policy (no quiet hours, no cap). */
export const CUSTOMER_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** Inside quiet hours: `hold` until the window opens (default), `drop` the message, or `bypass` the window. */
export type QuietMode = 'hold' | 'drop' | 'bypass';

/** Local wall time `HH:mm` (24 h). */
export type WallTime = `${number}:${number}`;

export interface QuietHours {
  /** Local start, e.g. `21:00`. */
  start: WallTime;
  /** Local end, e.g. `08:00` (before start: the window crosses midnight). */
  end: WallTime;
}

export interface Brand {
  name: string;
  /** Accent colour, `#rrggbb` (text on it is chosen for contrast). */
  colour: string;
  logoUrl: string | null;
  /** Reply-to / footer contact, optional. */
  supportEmail?: string | null;
}

/** Per-shop settings. `resolveNotificationSettings(partial)` (policy/) fills the defaults. */
export interface NotificationSettings {
  /** Which milestone goes out on which channel. */
  milestones: Record<Milestone, Record<CustomerChannel, boolean>>;
  /** Default 21:00–08:00; null = no quiet hours. */
  quietHours: QuietHours | null;
  /** Per milestone; default `hold`. */
  quietMode: Record<Milestone, QuietMode>;
  /** Parcels of one order changing within this window become one message. Default 15. */
  digestWindowMinutes: number;
  /** Most messages per customer per channel per local day. Default 5. */
  dailyCapPerCustomer: number;
  /** Events older than this when first seen are recorded, not sent. Default 72. */
  staleAfterHours: number;
  /** A pickup reminder goes out this many hours before the collection deadline's end. Default 24. */
  pickupReminderHoursBefore: number;
  /** Last fallback for the customer's zone (order → destination → shop). */
  shopTimeZone: string;
  brand: Brand;
}

/** One milestone reached by one parcel (or the whole order for `order_confirmed`), derived from an outbox row. */
export interface MilestoneOccurrence {
  milestone: Milestone;
  shopId: string;
  orderId: string;
  /** The order's parcel id (`ParcelView.id`); null for order-level milestones. */
  parcelId: string | null;
  /** When it happened (UTC instant); when unknown, the outbox row's `createdAt`. */
  occurredAt: string;
  /** When wismo first saw it (the outbox row's `createdAt`). */
  firstSeenAt: string;
  /** The outbox row(s) it came from. */
  sourceEventIds: string[];
  facts: MilestoneFacts;
}

/** What the words need; every field optional-by-null so that a message renders with what is known. */
export interface MilestoneFacts {
  orderNumber: string;
  carrierName: string | null;
  trackingNumber: string | null;
  previousTrackingNumber: string | null;
  /** Expected delivery: a calendar date `YYYY-MM-DD` in the customer's zone, or a window of two. */
  expectedDate: { from: string; to: string } | null;
  previousExpectedDate: { from: string; to: string } | null;
  /** Delivered: where it was left; pickup: the point's name/address; in the carrier's words. */
  place: string | null;
  /** Pickup: last day to collect (`YYYY-MM-DD`). */
  deadline: string | null;
  signedBy: string | null;
  /** Delayed: `stalled` or `late`; exception: the kind. */
  reason: DelayReason | ExceptionReason | null;
  /** Who must act (exception, failed attempt). */
  actor: 'carrier' | 'shop' | 'customer' | 'customs' | null;
  carrierContact: { phone: string | null; url: string | null } | null;
  /**
   * Split orders (null for one parcel): parcels this message covers, parcels delivered, outbound parcels in the
   * order, and (optional) parcels that have reached this milestone by now, from the order view.
   */
  parcelCount: { covered: number; delivered: number; total: number; reached?: number } | null;
}

export type DelayReason = 'stalled' | 'late' | 'carrier_delay';
export type ExceptionReason = 'customs' | 'address_problem' | 'damaged' | 'lost' | 'other';

export interface Recipient {
  channel: CustomerChannel;
  /** Email address or E.164 phone number. */
  address: string;
  customerId: string;
  /** How the message greets them (given name, else full name); null for no name. */
  name: string | null;
  /** BCP 47 locale as given; the catalogue language is negotiated from it. */
  locale: string;
  /** IANA zone used for quiet hours, the daily cap's day and dates in the text. */
  timeZone: string;
}

/** A message the policy wants sent: insert it with `dedupeKey` unique. */
export interface PlannedMessage {
  /** `${orderId}:${parcelId|'order'}:${milestone}:${channel}:${recipient address}` (digests: parcel ids joined by `+`). */
  dedupeKey: string;
  shopId: string;
  orderId: string;
  milestone: Milestone;
  /** Parcels covered (several for a digest). */
  parcelIds: string[];
  recipient: Recipient;
  /** UTC instant before which it must not go (quiet hours, digest window). */
  sendAfter: string;
  /** Quiet mode for this milestone (copied so the send-time check needs no lookup). */
  quietMode: QuietMode;
  occurredAt: string;
  sourceEventIds: string[];
  facts: MilestoneFacts;
}

export type SkipReason =
  | 'milestone_disabled'
  | 'opted_out'
  | 'no_recipient_address'
  | 'already_sent'
  | 'overtaken'
  | 'stale'
  | 'daily_cap_reached'
  | 'quiet_hours_drop'
  | 'merged_into_digest'
  | 'deadline_passed';

export type PolicyDecision =
  /**
   * Insert `message`. `replaces`: dedupe keys of still-queued messages of the same order and milestone that
   * this digest now covers (cancel those rows if they are still queued; if one was already sent, keep the
   * digest anyway: its parcels' milestones are recorded per parcel).
   */
  | { kind: 'queue'; message: PlannedMessage; replaces: string[] }
  | {
      kind: 'skip';
      reason: SkipReason;
      milestone: Milestone;
      channel: CustomerChannel;
      orderId: string;
      parcelId: string | null;
      detail?: string;
    };

/** The send-time check's answer. */
export type SendCheck =
  { kind: 'send' } | { kind: 'hold'; until: string; reason: 'quiet_hours' | 'not_due' } | { kind: 'drop'; reason: SkipReason };

/**
 * What delivery knows from its tables, as a snapshot for the pure policy. Keys:
 * parcel key = `${orderId}:${parcelId|'order'}`; recipient key = `${channel}:${address}`.
 */
export interface PolicyState {
  /**
   * Milestones already queued or sent per parcel key (any channel). A digest records its milestone for each
   * of its `parcelIds`.
   */
  notified: Readonly<Record<string, readonly Milestone[]>>;
  /** Messages already sent (or queued to send) per recipient key per local day `YYYY-MM-DD`. */
  sentPerDay: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Recipient keys that opted out. */
  optedOut: readonly string[];
  /** Milestones reached so far per parcel key, forward only (to spot a queued message overtaken). */
  reached: Readonly<Record<string, readonly Milestone[]>>;
  /** Still-queued (unsent) messages of this order, so that a parcel arriving within the window joins the digest. */
  pending: readonly PlannedMessage[];
}

export interface MessageLinks {
  trackingPage: string;
  /** Signed by the server; placed as given. */
  unsubscribe: string;
}

export interface RenderedMessage {
  channel: CustomerChannel;
  recipient: Recipient;
  /** Catalogue language used (`de`), and the `lang` of the HTML. */
  language: string;
  dedupeKey: string;
  sendAfter: string;
  /** Email only (null for SMS/WhatsApp). */
  subject: string | null;
  html: string | null;
  /** Plain text: the email's text part, or the SMS/WhatsApp body. */
  text: string;
  /** For the `List-Unsubscribe` header. */
  unsubscribeUrl: string;
}
