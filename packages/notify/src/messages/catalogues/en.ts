/**
 * English customer messages. ICU MessageFormat (intl-messageformat). Dates, deadlines and the carrier's
 * contact arrive pre-formatted for the customer's zone and locale; `{when}` is `when.single` or `when.range`.
 * Each milestone has `subject.*` (email), `heading.*`, `body.*` and `sms.*` (SMS and WhatsApp, short).
 */
export const en = {
  greeting: 'Hello {name},',
  signoff: 'Best wishes, the {shop} team',
  'cta.track': 'Track your order',
  'label.order': 'Order',
  'label.expected': 'Expected delivery',
  'label.tracking': 'Tracking number',
  'when.single': 'on {date}',
  'when.range': 'between {from} and {to}',
  'contact.or': '{phone} or {url}',
  'contact.must_act': 'Please get in touch with {carrier}: {contact}.',
  'contact.info': 'Questions about the delivery? {carrier}: {contact}',
  'footer.why': 'You’re receiving this email because you ordered from {shop}. We only write to you about your order.',
  'footer.unsubscribe': 'Stop delivery updates by email',
  'sms.stop': 'Stop texts: {url}',
  'carrier.unknown': 'the carrier',
  'reason.other': 'a delivery problem',

  'digest.shipped':
    '{all, select, yes {All {total} parcels of your order are on their way.} other {{count} of {total} parcels of your order are on their way; the rest will follow.}}',
  'digest.in_transit':
    '{all, select, yes {All {total} parcels of your order are in transit.} other {{count} of {total} parcels of your order are in transit.}}',
  'digest.out_for_delivery':
    '{all, select, yes {All {total} parcels are out for delivery today.} other {{count} of {total} parcels are out for delivery today.}}',
  'digest.delivered':
    '{all, select, yes {All {total} parcels have now been delivered.} other {{delivered} of {total} parcels have been delivered so far.}}',

  'subject.order_confirmed': 'Thank you for your order {orderNumber}',
  'heading.order_confirmed': 'We’ve got your order',
  'body.order_confirmed':
    'Thank you for shopping with {shop}. We’re getting order {orderNumber} ready and will let you know as soon as it’s on its way.',
  'sms.order_confirmed': '{shop}: thank you for your order {orderNumber}! We’ll let you know when it ships. {link}',

  'subject.shipped': 'Your order {orderNumber} is on its way',
  'heading.shipped': 'Your order is on its way',
  'body.shipped': '{carrier} has picked up your parcel{hasWhen, select, yes { and expects to deliver it {when}} other {}}.',
  'sms.shipped': '{shop}: order {orderNumber} is on its way with {carrier}. Track it: {link}',

  'subject.in_transit': 'Your parcel should arrive {when}',
  'heading.in_transit': 'Your parcel is on the move',
  'body.in_transit': 'Your parcel from order {orderNumber} is travelling with {carrier} and should reach you {when}.',
  'sms.in_transit': '{shop}: your parcel from order {orderNumber} should arrive {when}. {link}',

  'subject.expected_date_changed':
    '{later, select, yes {New delivery date for order {orderNumber}} other {Good news: order {orderNumber} is arriving sooner}}',
  'heading.expected_date_changed': '{later, select, yes {Your delivery date has changed} other {Your parcel is arriving early}}',
  'body.expected_date_changed':
    '{carrier} now expects to deliver your parcel {when}{hasPrevious, select, yes {, instead of {previousWhen}} other {}}.{later, select, yes { Sorry for the wait.} other {}}',
  'sms.expected_date_changed': '{shop}: new delivery date for order {orderNumber}: {when}. {link}',

  'subject.delayed': 'Your order {orderNumber} is delayed',
  'heading.delayed': 'Your parcel is taking longer than planned',
  'body.delayed':
    '{reason, select, stalled {{carrier} hasn’t scanned your parcel for a while.} late {Your parcel didn’t arrive on the expected day.} other {{carrier} has reported a delay.}} We’re keeping an eye on it and will let you know as soon as it moves again. Sorry for the wait.',
  'sms.delayed': '{shop}: order {orderNumber} is delayed with {carrier}. We’re keeping an eye on it: {link}',

  'subject.exception': '{mustAct, select, yes {Action needed for order {orderNumber}} other {A problem with your order {orderNumber}}}',
  'heading.exception':
    '{reason, select, customs {Your parcel is held at customs} address_problem {We need to check your address} damaged {Your parcel was damaged} lost {Your parcel has been lost} other {There’s a problem with your parcel}}',
  'body.exception':
    '{reason, select, customs {Customs is holding your parcel from order {orderNumber}.} address_problem {{carrier} couldn’t deliver your parcel from order {orderNumber} to the address given.} damaged {{carrier} reports that your parcel from order {orderNumber} was damaged on the way.} lost {{carrier} reports that your parcel from order {orderNumber} has been lost.} other {{carrier} has reported a problem with your parcel from order {orderNumber}.}} {actor, select, customer {Please get in touch with {carrier} so that they can deliver it.} customs {There’s nothing you need to do for now; we’ll let you know when it’s released.} shop {We’re sorting this out and will be in touch shortly.} other {{carrier} is looking into it; we’ll keep you posted.}}',
  'sms.exception': '{shop}: there’s a problem with order {orderNumber} ({reasonText}). Details: {link}',

  'subject.tracking_number_changed': 'New tracking number for order {orderNumber}',
  'heading.tracking_number_changed': 'Your parcel has a new tracking number',
  'body.tracking_number_changed':
    'Your parcel now travels under {carrier} tracking number {trackingNumber} (previously {previousTrackingNumber}). The tracking link always shows the latest.',
  'sms.tracking_number_changed': '{shop}: order {orderNumber} has a new tracking number: {trackingNumber}. {link}',

  'subject.ready_for_pickup': 'Your parcel is ready to collect',
  'heading.ready_for_pickup': 'Ready for you to collect',
  'body.ready_for_pickup':
    'Your parcel from order {orderNumber} is waiting for you{hasPlace, select, yes { at {place}} other {}}.{hasDeadline, select, yes { Please collect it by {deadline}, otherwise it will be sent back.} other {}} Remember to bring ID or your pickup code.',
  'sms.ready_for_pickup':
    '{shop}: your parcel is ready to collect{hasPlace, select, yes { at {place}} other {}}{hasDeadline, select, yes {, until {deadline}} other {}}. {link}',

  'subject.pickup_reminder': 'Reminder: please collect your parcel by {deadline}',
  'heading.pickup_reminder': 'Your parcel is still waiting for you',
  'body.pickup_reminder':
    'Your parcel from order {orderNumber} is still waiting{hasPlace, select, yes { at {place}} other {}}. Please collect it by {deadline}, otherwise it will be sent back.',
  'sms.pickup_reminder': '{shop}: reminder – your parcel is waiting{hasPlace, select, yes { at {place}} other {}} until {deadline}. {link}',

  'subject.out_for_delivery': 'Your parcel arrives today',
  'heading.out_for_delivery': 'Out for delivery',
  'body.out_for_delivery': 'Your parcel from order {orderNumber} is on the {carrier} van and will be delivered today.',
  'sms.out_for_delivery': '{shop}: your parcel is out for delivery with {carrier} and arrives today. {link}',

  'subject.delivery_attempt_failed': '{carrier} couldn’t deliver your parcel',
  'heading.delivery_attempt_failed': 'Sorry we missed you',
  'body.delivery_attempt_failed':
    '{carrier} tried to deliver your parcel from order {orderNumber} but couldn’t.{hasPlace, select, yes { It’s now at {place}.} other {}}{hasDeadline, select, yes { You can collect it until {deadline}.} other {}} {carrier} usually tries again on the next working day, or you can arrange a new delivery with them.',
  'sms.delivery_attempt_failed': '{shop}: {carrier} couldn’t deliver order {orderNumber}. What to do next: {link}',

  'subject.delivered':
    '{digest, select, all {Your whole order {orderNumber} has arrived} some {{delivered} of {total} parcels from order {orderNumber} delivered} other {Your order {orderNumber} has been delivered}}',
  'heading.delivered': '{digest, select, some {Part of your order has arrived} other {Your order has arrived}}',
  'body.delivered':
    '{hasPlace, select, yes {Where it was left: {place}.} other {Your parcel has been delivered.}}{hasSigner, select, yes { Signed for by {signedBy}.} other {}} Can’t find it? Just reply to this email within a few days.',
  'sms.delivered':
    '{shop}: {digest, select, all {all parcels from order {orderNumber} have been delivered} some {{delivered} of {total} parcels from order {orderNumber} delivered} other {order {orderNumber} has been delivered}}{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.return_received': 'We’ve received your return for order {orderNumber}',
  'heading.return_received': 'Your return has arrived',
  'body.return_received':
    'Your return for order {orderNumber} has arrived at {shop}. We’ll check the items and let you know about your refund or exchange shortly.',
  'sms.return_received': '{shop}: we’ve received your return for order {orderNumber}. We’ll be in touch about your refund shortly. {link}',
} as const;

export type NotifyMessageKey = keyof typeof en;
export type NotifyCatalogue = Readonly<Record<NotifyMessageKey, string>>;
