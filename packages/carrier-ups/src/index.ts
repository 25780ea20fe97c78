export { createUps, ups, type UpsSettings } from './ups-adapter';
export { UPS_CARRIER_ID } from './ups-carrier';
export { parseUpsTrackResponse } from './parse-ups-response';
export * from './ups-status-tables';

// UPS Track Alert push: subscribe (batches of 100, 14-day expiry), verify (v1 credential, v2 OAuth token), parse
export { createUpsPushReceiver, parseUpsTrackAlertPush, subscribeUpsTrackAlert } from './ups-push';
export type { UpsPushSettings, UpsSubscribeOptions, UpsSubscribeResult, UpsSubscription } from './ups-push';
export { createUpsPushSubscriber, type UpsPushSubscriberOptions } from './ups-push-subscriber';
