export {
  atRisk,
  atRiskCounts,
  AT_RISK_KINDS,
  DEFAULT_PICKUP_HOLD_DAYS,
  type AtRiskKind,
  type AtRiskPage,
  type AtRiskParcel,
  type AtRiskQuery,
  type PickupDeadlineSettings,
} from './at-risk';
export { carrierPerformance, percentileOfCounts, type CarrierPerformanceQuery, type LanePerformance } from './carrier-performance';
export { ORDER_LOOKUP_SOURCES, type OrderLookupSource } from './dashboard-tables';
export { recordOrderLookup, updateEffects, type NotificationFigures, type UpdateEffects, type UpdateEffectsQuery } from './update-effects';
export { dashboardHealth, type CarrierHealth, type DashboardHealth } from './dashboard-health';
export { dashboardReport, parseWindow, type DashboardReport } from './dashboard-report';
