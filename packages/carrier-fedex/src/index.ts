export { createFedex, fedex, type FedexAdapter, type FedexSettings, type FedexProofOfDeliveryOptions } from './fedex-adapter';
export { FEDEX_CARRIER_ID } from './fedex-constants';
export {
  parseFedexTrackResponse,
  type FedexNumberResult,
  type FedexProofOfDeliveryOutcome,
  type FedexProofOfDeliveryDocument,
} from './parse-fedex-response';
// FedEx webhook push: `fdx-signature` verifier and a parser from the push payload
export { createFedexPushReceiver, parseFedexPush, type FedexPushSettings } from './fedex-push';
