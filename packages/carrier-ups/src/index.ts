export { createUps, ups, type UpsSettings } from './ups-adapter';
export { UPS_CARRIER_ID } from './ups-carrier';
export { parseUpsTrackResponse } from './parse-ups-response';
export {
  UPS_ACTIVITY_TYPES,
  UPS_LEGACY_ACTIVITY_TYPES,
  UPS_STATUS_DESCRIPTION_CODES,
  UPS_MOVEMENT_SCAN_CODES,
  UPS_PACKAGE_EXCEPTION_CODES,
  UPS_DELIVERY_CODES,
  UPS_MANIFEST_CODES,
  UPS_UPDATE_CODES,
  UPS_FREIGHT_ACTIVITY_CODES,
  UPS_FREIGHT_EXCEPTION_CODES,
  UPS_MAIL_INNOVATIONS_CODES,
} from './ups-status-tables';

// UPS Track Alert push: subscribe (batches of 100, 14-day expiry), verify (v1 credential, v2 OAuth token), parse
export {
  createUpsPushReceiver,
  parseUpsTrackAlertPush,
  subscribeUpsTrackAlert,
  upsSubscriptionsToRenew,
  UPS_TRACK_ALERT_BATCH_SIZE,
  UPS_TRACK_ALERT_SUBSCRIPTION_MS,
  type UpsPushSettings,
  type UpsSubscribeOptions,
  type UpsSubscribeResult,
  type UpsSubscription,
} from './ups-push';
export { createUpsPushSubscriber, type UpsPushSubscriberOptions } from './ups-push-subscriber';
