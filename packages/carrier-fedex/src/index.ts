export { createFedex, fedex, type FedexAdapter, type FedexSettings, type FedexProofOfDeliveryOptions } from './fedex-adapter';
export { FEDEX_CARRIER_ID } from './fedex-constants';
export {
  parseFedexTrackResponse,
  type FedexNumberResult,
  type FedexAlternative,
  type FedexProofOfDeliveryOutcome,
  type FedexProofOfDeliveryDocument,
} from './parse-fedex-response';
export {
  FEDEX_EVENT_TYPES,
  FEDEX_DERIVED_STATUS_CODES,
  FEDEX_EXCEPTION_CODES,
  FEDEX_ANCILLARY_REASONS,
  FEDEX_DELAY_TYPES,
  FEDEX_POSSESSION_CODES,
} from './fedex-status-tables';

// FedEx webhook push: `fdx-signature` verifier and a parser from the push payload
export { createFedexPushReceiver, parseFedexPush, type FedexPushSettings } from './fedex-push';
