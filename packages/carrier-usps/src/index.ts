export { createUsps, usps, type UspsSettings } from './usps-adapter';
export { USPS_CARRIER_ID } from './usps-carrier';
export { parseUspsTrackResponse } from './parse-usps-response';
export { USPS_EVENT_CODES, USPS_EVENT_TYPES, USPS_STATUS_CATEGORIES, USPS_RETURN_REASONS } from './usps-status-tables';

// USPS Subscriptions-Tracking v3 push: subscribe, SUSPENDED recovery, `X-HMAC` verifier and parser
export { createUspsPushReceiver, parseUspsPush, type UspsPushSettings } from './usps-push';
export { deleteUspsSubscription, getUspsSubscription, recoverUspsSubscription, subscribeUspsTracking } from './usps-push';
export type { UspsSubscription, UspsSubscriptionFilter, UspsSubscriptionOptions } from './usps-push';
export { createUspsPushSubscriber, type UspsPushSubscriberOptions } from './usps-push-subscriber';
