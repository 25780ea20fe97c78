/**
 * English. ICU MessageFormat strings (formatted with intl-messageformat). Dates, times and lists arrive
 * pre-formatted through `Intl` in the customer's time zone. Apostrophes are typographic (’), which also
 * keeps them clear of ICU quoting.
 */
export const en = {
  // Order stages (agent panel)
  'stage.placed': 'Placed',
  'stage.confirmed': 'Confirmed',
  'stage.packed': 'Packed',
  'stage.shipped': 'Shipped',
  'stage.partially_shipped': 'Partially shipped',
  'stage.in_transit': 'In transit',
  'stage.out_for_delivery': 'Out for delivery',
  'stage.partially_delivered': 'Partially delivered',
  'stage.delivered': 'Delivered',
  'stage.exception': 'Needs attention',
  'stage.return_in_progress': 'Return in progress',
  'stage.returned': 'Returned',
  'stage.cancelled': 'Cancelled',

  // Who must act
  'actor.carrier': 'Carrier',
  'actor.shipper': 'Shop',
  'actor.recipient': 'Customer',
  'actor.customs': 'Customs',
  'actor.nobody': 'Nobody',

  // Parcel status labels (status line)
  'status.pending': 'Registered, no carrier data yet',
  'status.info_received': 'Label created',
  'status.in_transit': 'In transit',
  'status.out_for_delivery': 'Out for delivery',
  'status.available_for_pickup': 'Ready for pickup',
  'status.attempt_failed': 'Delivery attempt failed',
  'status.delivered': 'Delivered',
  'status.exception': 'Exception',
  'status.returning': 'Returning to sender',
  'status.returned': 'Returned to sender',
  'status.cancelled': 'Cancelled',
  'status.unknown': 'Unrecognised carrier status',
  'status.no_tracking_number': 'Being packed, no label yet',
  'status.no_tracking_result': 'Label created, no carrier data yet',
  'status.cancelled_before_shipping': 'Cancelled before shipping',

  // Reasons behind exceptions and carrier delays
  'reason.carrier_exception': 'no details given',
  'reason.customs_held': 'held by customs',
  'reason.customs_documents_needed': 'customs needs documents',
  'reason.customs_recipient_information_needed': 'customs needs information from the recipient',
  'reason.customs_duties_unpaid': 'import duties unpaid',
  'reason.held_for_payment': 'held until a charge is paid',
  'reason.held_by_carrier': 'held by the carrier',
  'reason.address_problem': 'address problem',
  'reason.damaged': 'damaged',
  'reason.lost': 'lost',
  'reason.rejected_by_carrier': 'refused by the carrier',
  'reason.disposed': 'disposed of',
  'reason.delayed_weather': 'bad weather',
  'reason.delayed_carrier_issue': 'operational problem',
  'reason.delayed_volume': 'high parcel volumes',
  'reason.delayed': 'no reason given',
  'reason.other': 'other',

  // Delay labels (status line) and descriptions (agent panel)
  'delayLabel.stalled': 'Stalled',
  'delayLabel.never_scanned': 'Not picked up',
  'delayLabel.late': 'Late',
  'delayLabel.carrier_exception': 'Exception',
  'delayLabel.carrier_delay': 'Carrier delay',
  'delayLabel.not_received_reported': 'Not received',
  'delay.stalled': 'Stalled: no scan for {hours, plural, one {# hour} other {# hours}} (threshold: {threshold} hours).',
  'delay.never_scanned':
    'Not picked up: label created on {date}, no carrier scan after {days, plural, one {# business day} other {# business days}}.',
  'delay.late':
    'Late: {days, plural, one {# day} other {# days}} past {reason, select, past_promised_date {the promised delivery date} other {the carrier’s estimate}} ({date}).',
  'delay.carrier_exception': 'Carrier exception: {reason}.',
  'delay.carrier_delay': 'The carrier reports a delay: {reason}.',
  'delay.not_received_reported': 'The customer says it never arrived; the carrier reports it delivered on {when}.',

  // Next actions (agent panel)
  'action.offer_reshipment_or_refund': 'Offer the customer a replacement or a refund.',
  'action.send_customs_documents':
    'Send the commercial invoice and item descriptions to {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.confirm_address_with_customer':
    'Confirm the delivery address with the customer and pass it on to {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_pay_charges':
    'Ask the customer to pay the duties or charges to {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_for_customs_information':
    'Ask the customer to give {carrier}{hasContact, select, yes { ({contact})} other {}} the information customs needs (for example an ID or tax number).',
  'action.ask_customer_to_rearrange_delivery':
    'Ask the customer to arrange a new delivery with {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_collect':
    'Ask the customer to collect the parcel{hasPlace, select, yes { at {place}} other { from {carrier}}}{hasDeadline, select, yes { by {deadline}} other {}}.',
  'action.check_delivery_place_with_customer':
    'Ask the customer to check with neighbours and around the delivery address{hasDate, select, yes {; open a trace with {carrier} if nothing has turned up by {date}} other {}}.',
  'action.open_carrier_trace': 'Open a trace with {carrier}{hasContact, select, yes { ({contact})} other {}} for {trackingNumber}.',
  'action.check_handover_with_warehouse': 'Ask the warehouse whether the parcel was handed to {carrier} (label created on {date}).',
  'action.check_fulfilment_with_warehouse':
    'Ask the warehouse when {nothingShipped, select, yes {the order} other {the remaining items}} will ship{hasDate, select, yes { (promised for {date})} other {}}.',
  'action.process_return_refund': 'Check the returned items and issue the refund.',
  'action.remind_customer_to_send_return': 'Remind the customer to hand the return parcel to {carrier}.',
  'action.wait_for_customs': 'Nothing to do: the parcel is with customs.',
  'action.apologise_and_share_estimate':
    'Apologise for the delay and share the current estimate{hasEta, select, yes { ({eta})} other { (none yet)}}.',
  'action.wait_for_return': 'Wait for the return to arrive, then refund or replace.',
  'action.wait_for_delivery': 'Nothing to do: the parcel is on its way{hasEta, select, yes { (expected {eta})} other {}}.',
  'action.wait_for_carrier_pickup': 'Nothing to do yet: {carrier} should pick the parcel up soon.',
  'action.wait_for_dispatch': 'Nothing to do: the order is being prepared for shipping.',
  'action.confirm_cancellation': 'Confirm the cancellation and check that the refund went through.',
  'action.share_delivery_details': 'Share the delivery details: delivered on {date}{hasPlace, select, yes { ({place})} other {}}.',

  // Times
  'time.dayAt': '{day} at {time}',
  'time.dayAtLocal': '{day} at {time} local time',
  'time.localTimeNote': 'local time at the scan location',
  'time.dateOnlyNote': 'date only',
  'age.lessThanAnHour': 'less than an hour ago',
  'age.hours': '{hours, plural, one {# hour} other {# hours}} ago',
  'age.days': '{days, plural, one {# day} other {# days}} ago',
  'age.aboutHours': 'about {hours, plural, one {# hour} other {# hours}} ago',
  'age.aboutDays': 'about {days, plural, one {# day} other {# days}} ago',

  // Status line
  'statusLine.statusWithReason': '{status} ({reason})',
  'statusLine.lastScan': 'last scan {age}',
  'statusLine.lastScanAt': 'last scan {age}, {place}',
  'statusLine.eta': '{source, select, carrier {expected {range}} other {predicted {range}}}',

  // Timeline
  'timeline.placed': 'Order placed',
  'timeline.confirmed': 'Order confirmed',
  'timeline.packed': 'Order packed',
  'timeline.cancelled': 'Order cancelled',

  // Answer to "where is my order?" — opening
  'answer.intro.placed': 'Thank you for your order {number}. We’ve received it and are getting it ready.',
  'answer.intro.confirmed': 'Your order {number} is confirmed and we’re getting it ready to ship.',
  'answer.intro.packed': 'Your order {number} is packed and will be handed to the carrier shortly.',
  'answer.intro.shipped': 'Your order {number} has shipped.',
  'answer.intro.partially_shipped': 'Part of your order {number} has shipped.',
  'answer.intro.in_transit': 'Your order {number} is on its way.',
  'answer.intro.out_for_delivery': 'Your order {number} is almost there.',
  'answer.intro.partially_delivered': 'Part of your order {number} has been delivered.',
  'answer.intro.delivered': 'Your order {number} has been delivered.',
  'answer.intro.exception': 'Here’s the latest on your order {number}.',
  'answer.intro.return_in_progress': 'Here’s the latest on the return for your order {number}.',
  'answer.intro.returned':
    '{fromCustomer, select, yes {We’ve received the return for your order {number}.} other {Your order {number} has come back to us.}}',
  'answer.intro.cancelled': 'Your order {number} has been cancelled.',
  'answer.parcelCount': 'The order was split into {count, plural, one {# parcel} other {# parcels}}.',
  'answer.unshipped': 'Still to be shipped: {items}.',

  // Answer — who the sentence is about
  'answer.subject.only': 'Your parcel',
  'answer.subject.onlyWithOrder': 'The parcel with your order {number}',
  'answer.subject.numbered': 'Parcel {index} of {count}',
  'answer.subject.numberedWithItems': 'Parcel {index} of {count} ({items})',
  'answer.subject.return': 'Your return parcel',

  // Answer — what the parcel is doing
  'answer.parcel.being_packed': '{subject} is being packed.',
  'answer.parcel.awaiting_pickup': '{subject} is packed and waiting to be picked up by {carrier}.',
  'answer.parcel.pickup_scheduled': '{subject} is packed and {carrier} has scheduled the pickup.',
  'answer.parcel.picked_up': '{subject} has been handed to {carrier}.',
  'answer.parcel.in_transit': '{subject} is on its way with {carrier}.',
  'answer.parcel.departed_origin_country': '{subject} has left the country of dispatch and is on its way to you with {carrier}.',
  'answer.parcel.arrived_in_destination_country':
    '{subject} has arrived in the destination country and is on its way to you with {carrier}.',
  'answer.parcel.handed_over_to_carrier': '{subject} has been handed over to {nextCarrier} for delivery.',
  'answer.parcel.customs_processing': '{subject} is going through customs.',
  'answer.parcel.customs_cleared': '{subject} has cleared customs and is on its way with {carrier}.',
  'answer.parcel.delayed':
    '{subject} is on its way with {carrier}, but delayed{reason, select, delayed_weather { by bad weather} delayed_carrier_issue { by an operational problem} delayed_volume { by very high parcel volumes} other {}}.',
  'answer.parcel.delivery_rescheduled': '{subject} is on its way; {carrier} has moved the delivery to a later day.',
  'answer.parcel.delivery_appointment_scheduled': '{subject} is on its way; a delivery appointment has been arranged with {carrier}.',
  'answer.parcel.rerouted': '{subject} is being redirected by {carrier} to a new address or pickup point.',
  'answer.parcel.missorted': '{subject} was sent to the wrong depot and is being redirected by {carrier}.',
  'answer.parcel.out_for_delivery': '{subject} is out for delivery with {carrier}{today, select, yes { today} other {}}.',
  'answer.parcel.ready_for_pickup':
    '{subject} is ready for you to collect{hasPlace, select, yes { at {place}} other { from {carrier}}}{hasDeadline, select, yes { until {deadline}} other {}}.',
  'answer.parcel.attempt_failed':
    '{subject} could not be delivered on {day}{reason, select, recipient_absent {: nobody was available to receive it} business_closed {: the business was closed} no_access {: the driver could not get to the door} other {}}.',
  'answer.parcel.attempt_failed_address': '{subject} could not be delivered on {day} because of a problem with the address.',
  'answer.parcel.refused': '{subject} was refused on delivery and is on its way back to us.',
  'answer.parcel.delivered': '{subject} was delivered by {carrier} on {when}.',
  'answer.parcel.delivered_to_neighbour': '{subject} was delivered to a neighbour by {carrier} on {when}.',
  'answer.parcel.delivered_to_safe_place': '{subject} was left in a safe place by {carrier} on {when}.',
  'answer.parcel.delivered_to_mailbox': '{subject} was put in your mailbox by {carrier} on {when}.',
  'answer.parcel.delivered_to_locker_or_parcel_shop':
    '{subject} was delivered to your chosen parcel locker or shop by {carrier} on {when}.',
  'answer.parcel.picked_up_by_recipient': '{subject} was collected on {when}.',
  'answer.parcel.signature_obtained':
    '{subject} was delivered by {carrier} on {when}{hasSigner, select, yes { and signed for by {signer}} other { against a signature}}.',
  'answer.parcel.carrier_exception': '{subject} is held up by a problem at {carrier}.',
  'answer.parcel.held_by_carrier': '{subject} is being held by {carrier} for checks.',
  'answer.parcel.customs_held': '{subject} is being held by customs{hasHeldAt, select, yes { in {heldAt}} other {}}.',
  'answer.parcel.customs_documents_needed':
    '{subject} is held at customs{hasHeldAt, select, yes { in {heldAt}} other {}}: {carrier} needs the customs documents before it can be released.',
  'answer.parcel.customs_recipient_information_needed': '{subject} is waiting at customs{hasHeldAt, select, yes { in {heldAt}} other {}}.',
  'answer.parcel.customs_duties_unpaid':
    '{subject} is held at customs{hasHeldAt, select, yes { in {heldAt}} other {}} until the import duties and taxes are paid.',
  'answer.parcel.held_for_payment': '{subject} is held by {carrier} until an outstanding charge is paid.',
  'answer.parcel.address_problem': '{subject} is on hold because {carrier} could not match the delivery address.',
  'answer.parcel.damaged': '{subject} was damaged in transit. We’re very sorry.',
  'answer.parcel.lost': '{subject} has been reported lost by {carrier}. We’re very sorry.',
  'answer.parcel.rejected_by_carrier': '{subject} was not accepted for transport by {carrier}.',
  'answer.parcel.disposed': '{subject} can no longer be delivered: it was disposed of in transit.',
  'answer.parcel.returning_undeliverable': '{subject} could not be delivered and is on its way back to us.',
  'answer.parcel.returned_undeliverable': '{subject} could not be delivered and has come back to us.',
  'answer.parcel.cancelled': '{subject} was cancelled before it was sent.',
  'answer.parcel.return_not_sent': '{subject} hasn’t been handed to {carrier} yet.',
  'answer.parcel.return_on_its_way': '{subject} is on its way back to us with {carrier}.',
  'answer.parcel.return_arrived': '{subject} arrived back with us on {when}.',

  // Answer — details
  'answer.lastUpdate': 'The last update from {carrier} was on {when}.',
  'answer.lastUpdateAt': 'The last update from {carrier} was on {when} ({place}).',
  'answer.deliveryPlace': '{carrier} noted where it was left: “{place}”.',
  'answer.eta.carrierDay': '{carrier} expects to deliver on {day}.',
  'answer.eta.carrierWindow': '{carrier} expects to deliver on {day} between {from} and {to}.',
  'answer.eta.carrierRange': '{carrier} expects to deliver between {from} and {to}.',
  'answer.eta.predictedDay': 'Based on our recent deliveries with {carrier}, we expect it on {from}.',
  'answer.eta.predictedRange': 'Based on our recent deliveries with {carrier}, we expect it on {from}, and by {to} at the latest.',
  'answer.trackingLink': 'Track it here: {url}',

  // Answer — delays
  'answer.delay.stalled': 'This is taking longer than usual, so we’re checking with {carrier}.',
  'answer.delay.never_scanned': 'This is taking longer than it should, so we’re checking with our warehouse.',
  'answer.delay.latePromise': 'We’re sorry we missed the delivery date we promised ({date}).',
  'answer.delay.lateCarrierEstimate': '{carrier} had expected to deliver by {date}; we’re sorry for the wait.',
  'answer.delay.orderLate': 'We’re sorry we’ve missed the delivery date we promised for your order ({date}).',
  'answer.delay.notReceived': 'We’re sorry it hasn’t reached you, and we’re looking into it with {carrier}.',

  // Answer — what the customer can do
  'answer.step.ask_customer_to_collect': 'Please bring photo ID or the pickup code {carrier} sent you.',
  'answer.step.ask_customer_to_rearrange_delivery':
    'Please arrange a new delivery with {carrier}{contactKind, select, url {: {contact}} phone { on {contact}} other {}}.',
  'answer.step.confirm_address_with_customer': 'Please reply with your full delivery address and we’ll pass it on to {carrier}.',
  'answer.step.ask_customer_to_pay_charges':
    'Please pay the outstanding amount to {carrier}{contactKind, select, url { here: {contact}} phone { on {contact}} other {}}; the parcel will then be released.',
  'answer.step.ask_customer_for_customs_information':
    'Customs needs some information from you before your parcel can be released. Please contact {carrier}{contactKind, select, url { here: {contact}} phone { on {contact}} other {}}.',
  'answer.step.check_delivery_place_with_customer':
    'Could you check with your neighbours and around your home (mailbox, porch, garage)? Parcels sometimes turn up a little later.',
  'answer.step.remind_customer_to_send_return':
    'Please hand it in at a {carrier} drop-off point; we’ll see it here as soon as it’s scanned.',
  'answer.step.send_customs_documents':
    'Please send the commercial invoice and a description of the items to {carrier}{contactKind, select, url { (here: {contact})} phone { (on {contact})} other {}}, so that customs can release the parcel.',

  // Answer — when someone else must act: who, and that the customer need not
  'answer.weAct.send_customs_documents': 'We’re sending them to {carrier}; you don’t need to do anything.',
  'answer.weAct.offer_reshipment_or_refund':
    'We’ll send you a replacement or refund you in full, whichever you prefer: just reply to let us know.',
  'answer.weAct.process_return_refund': 'We’re checking the returned items and will refund you shortly; you don’t need to do anything.',
  'answer.weAct.check_fulfilment_with_warehouse':
    'We’re checking with our warehouse when {nothingShipped, select, yes {your order} other {the rest of your order}} will ship; you don’t need to do anything.',
  'answer.nothingToDo': '{scope, select, parcel {You don’t need to do anything about this parcel.} other {You don’t need to do anything.}}',

  // Suggested agent reply
  'reply.greeting': 'Hi {givenName},',
  'reply.thanks': 'Thanks for getting in touch.',
  'reply.step.open_carrier_trace': 'I’ve asked {carrier} to trace your parcel and will get back to you as soon as I hear from them.',
  'reply.step.offer_reshipment_or_refund':
    'We’d be happy to send you a replacement or give you a full refund – just let me know which you’d prefer.',
  'reply.step.send_customs_documents': 'I’m sending {carrier} the documents customs needs, so that your parcel can be released.',
  'reply.step.check_handover_with_warehouse': 'I’ll get back to you as soon as I hear from our warehouse.',
  'reply.step.check_fulfilment_with_warehouse':
    'I’m checking with our warehouse when {nothingShipped, select, yes {your order} other {the rest of your order}} will ship and will get back to you shortly.',
  'reply.step.process_return_refund': 'We’re checking the returned items and will refund you shortly.',
  'reply.step.apologise_and_share_estimate': 'I’m sorry for the wait.',
  'reply.step.wait_for_return': 'As soon as your return arrives, we’ll take care of the refund.',
  'reply.step.confirm_cancellation': 'If you’ve already paid, the money will go back to your original payment method.',
  'reply.closing': 'If you have any other questions, just reply to this email.',
  'reply.signOff': 'Best regards,',
} as const;

export type MessageKey = keyof typeof en;
export type MessageCatalogue = Readonly<Record<MessageKey, string>>;
