export {
  atRisk,
  atRiskCounts,
  AT_RISK_KINDS,
  type AtRiskKind,
  type AtRiskPage,
  type AtRiskParcel,
  type AtRiskQuery,
  type PickupDeadlineSettings,
} from './at-risk';
export { DEFAULT_PICKUP_HOLD_DAYS } from './pickup-hold-days';
export { carrierPerformance, percentileOfCounts, type CarrierPerformanceQuery, type LanePerformance } from './carrier-performance';
export { ORDER_LOOKUP_SOURCES, type OrderLookupSource } from './dashboard-tables';
export { recordOrderLookup, updateEffects, type NotificationFigures, type UpdateEffects, type UpdateEffectsQuery } from './update-effects';
export { dashboardHealth, type CarrierHealth, type DashboardHealth } from './dashboard-health';
export { dashboardReport, parseWindow, type DashboardReport } from './dashboard-report';
export { onTimeTrend, MAX_TREND_WEEKS, type OnTimeTrend, type OnTimeTrendQuery, type OnTimeWeek } from './on-time-trend';
export {
  carrierRequestCounts,
  DEFAULT_CARRIER_REQUEST_COUNT_RETENTION_MS,
  REQUEST_ERROR_KINDS,
  type CarrierAccountRequests,
  type RequestErrorKind,
} from './carrier-requests';
