export {
  startQueueWorker,
  QUEUE_NAMES,
  type QueueWorker,
  type QueueWorkerOptions,
  type RefreshJobData,
  type RefreshedShipment,
  type SubscriptionRenewals,
} from './queue-worker';
export {
  openQueueConnection,
  queueBackendKind,
  describeQueueUrl,
  type QueueBackendKind,
  type QueueConnection,
  type OpenQueueConnectionOptions,
} from './queue-connection';
export { queueRateLimitFor, DEFAULT_ARRIVAL_JITTER_MS, type QueueRateLimit } from './carrier-rate-limit';
export { createPushSubscriptionRenewals, type PushSubscriptionRenewalsOptions } from './subscription-renewals';
