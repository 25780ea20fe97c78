/*
 * `@wismo/carrier-dhlparcelde/internal`: the parts the testkit and the fuzz tests build on. No stability promise:
 * these change with the package, without a major version.
 */
export {
  DHL_PARCEL_DE_CAPABILITIES,
  DHL_PARCEL_DE_MAX_PIECES_PER_REQUEST,
  DHL_PARCEL_DE_PIECE_DETAIL_REQUEST,
  DHL_PARCEL_DE_SANDBOX_LOGIN,
  DHL_PARCEL_DE_TRACK_PATH,
} from './dhl-parcel-de-carrier';
export { dhlParcelDeRequestXml } from './dhl-parcel-de-adapter';
export { dhlParcelDeXmlParser, readDhlParcelDeBody } from './dhl-parcel-de-api';
