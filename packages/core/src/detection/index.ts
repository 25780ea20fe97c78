export { detectCarrier, type DetectCarrierOptions, type DetectionCandidate } from './detect-carrier';
export { normaliseTrackingNumber } from './normalise-tracking-number';
