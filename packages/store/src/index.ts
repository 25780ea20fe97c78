export * from './store-types';
export { createStore, defaultStoreUrl } from './create-store';
export { createScheduler } from './scheduler/create-scheduler';
export { DEFAULT_REFRESH_POLICY, planNextCheck, type RefreshState, type NextCheckPlan } from './scheduler/refresh-policy';
export { StoreError, type StoreErrorCode, type StoreErrorIssue } from './store-error';
export * from './dashboard';
