export { createHermes, hermes, type HermesSettings } from './hermes-adapter';
export { HERMES_CARRIER_ID } from './hermes-carrier';
export { parseHermesShipmentInfo } from './parse-hermes-response';
export { HERMES_STATUS_CODES } from './hermes-status-tables';
