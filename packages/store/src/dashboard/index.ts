export { atRisk, atRiskCounts, AT_RISK_KINDS, type AtRiskKind, type AtRiskPage, type AtRiskParcel, type AtRiskQuery } from './at-risk';
export { carrierPerformance, percentileOfCounts, type CarrierPerformanceQuery, type LanePerformance } from './carrier-performance';
