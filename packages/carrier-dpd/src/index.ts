export { createDpd, dpd, type DpdSettings } from './dpd-adapter';
export { DPD_CARRIER_ID } from './dpd-carrier';
export { parseDpdTrackingResponse } from './parse-dpd-response';
export { DPD_STATUS_CODES } from './dpd-status-tables';
