export * from './store-types';
export { createStore, defaultStoreUrl } from './create-store';
export { createScheduler } from './scheduler/create-scheduler';
export {
  createCarrierRequestCounter,
  type CarrierRequestCounter,
  type CarrierRequestCounterOptions,
} from './scheduler/carrier-request-counter';
export {
  DEFAULT_EXPIRING_WITHIN_MS,
  type ClaimPushSubscriptionsOptions,
  type ListPushSubscriptionsQuery,
  type PushSubscription,
  type PushSubscriptionCarrierSummary,
  type PushSubscriptionPage,
  type PushSubscriptionRecordInput,
  type PushSubscriptionState,
  type PushSubscriptionStore,
} from './subscriptions/push-subscription-store';
export {
  renewPushSubscriptions,
  DEFAULT_RENEWAL_RETRY,
  type PushSubscriptionRenewalOptions,
  type PushSubscriptionRenewalReport,
} from './scheduler/subscription-renewals';
export { DEFAULT_REFRESH_POLICY, planNextCheck, type RefreshState, type NextCheckPlan } from './scheduler/refresh-policy';
export { StoreError, type StoreErrorCode, type StoreErrorIssue } from './store-error';
export * from './dashboard';
