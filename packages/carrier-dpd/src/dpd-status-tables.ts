import { createStatusTable } from '@wismo/core';

/*
 * DPD ParcelLifeCycle `statusInfo.status` values, as data. DPD publishes no code list for this service; the
 * states are the ones research/carriers.md §5 documents (the XSD types `status` as a plain string), with the
 * `description` text DPD sends for each in the recorded sample (docs/research/carrier-samples/dpd, karrio @ 9842f47c).
 * `label` texts are not used: the sample labels DeliveryFailure, ParcelShop and ReturningFromDelivery all
 * "Parcel out for delivery". Confidence per entry is in the package README.
 */
export const DPD_STATUS_CODES = createStatusTable({
  PickedUp: { status: 'in_transit', substatus: 'picked_up' }, // Parcel handed to DPD: "DPD has received your parcel."
  BetweenDepots: { status: 'in_transit', substatus: 'in_transit' }, // In transit: "The parcel is at the parcel dispatch centre."
  Depot: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "At parcel delivery centre."
  Courier: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // "The parcel has left the parcel delivery centre and is on its way to the consignee."
  ParcelShop: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // "Delivered by driver to Pickup parcelshop"
  DeliveryFailure: { status: 'attempt_failed', substatus: 'attempt_failed' }, // "Unfortunately we have not been able to deliver your parcel."
  ReturningFromDelivery: { status: 'attempt_failed', substatus: 'attempt_failed' }, // "After an unsuccessful delivery attempt the parcel is back at the recipient depot."
  Delivered: { status: 'delivered', substatus: 'delivered' }, // Delivered (state named by karrio's DPD mapping; no sample text)
});
