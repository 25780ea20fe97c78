import { BadResponseError, InvalidNumberError, NotFoundError, WismoError, parseWithSchema } from '@wismo/core';
import { glsDeliveryInfoResponseSchema } from './gls-api';
import { GLS_CARRIER_ID, GLS_CARRIER_NAME } from './gls-carrier';
import { GLS_ERROR_CODES, glsRequestError } from './parse-gls-response';

export interface GlsParcelShop {
  parcelShopId: string;
  /** `GLS_DE`, …: the partner (country organisation) that runs the shop. */
  partnerId: string | null;
  /** GLS's Parcel Shop Management API link with the shop's address and opening hours (needs that API on your app). */
  detailsUrl: string | null;
}

export type GlsParcelShopOutcome =
  | { trackingNumber: string; ok: true; parcelShop: GlsParcelShop; error?: undefined }
  | { trackingNumber: string; ok: false; error: WismoError; parcelShop?: undefined };

/** Pure: one deliveryinfo answer as an outcome. `E_404_02` "No Delivery Info" is `not_found`; `E_400_03` a wrong postal code. */
export function parseGlsDeliveryInfoResponse(
  httpStatus: number,
  body: unknown,
  trackingNumber: string,
  nowMs: number,
): GlsParcelShopOutcome {
  if (httpStatus < 200 || httpStatus >= 300)
    return { trackingNumber, ok: false, error: glsRequestError(httpStatus, body, nowMs).forTrackingNumber(trackingNumber) };
  let response;
  try {
    response = parseWithSchema(glsDeliveryInfoResponseSchema, body, GLS_CARRIER_NAME, GLS_CARRIER_ID, httpStatus);
  } catch (error) {
    if (WismoError.isInstance(error)) return { trackingNumber, ok: false, error: error.forTrackingNumber(trackingNumber) };
    throw error;
  }
  const shop = response.parcelshopDelivery;
  const parcelShopId = shop?.parcelshopId?.trim();
  if (parcelShopId) {
    return {
      trackingNumber,
      ok: true,
      parcelShop: {
        parcelShopId,
        partnerId: shop?.partnerId?.trim() || null,
        detailsUrl: shop?._links?.parcelShopManagement?.href?.trim() || null,
      },
    };
  }
  const code = response.errorCode?.trim();
  const said = [code, response.errorMessage?.trim()].filter(Boolean).join(' ');
  const options = { carrierId: GLS_CARRIER_ID, httpStatus, carrierCodes: code ? [code] : [], trackingNumber };
  if (code === GLS_ERROR_CODES.wrongPostalCode)
    return {
      trackingNumber,
      ok: false,
      error: new InvalidNumberError(`GLS: the postal code does not match parcel ${trackingNumber} (${said}).`, options),
    };
  if (!code || code.startsWith('E_404'))
    return {
      trackingNumber,
      ok: false,
      error: new NotFoundError(`GLS has no ParcelShop delivery for ${trackingNumber}${said ? ` (${said})` : ''}.`, options),
    };
  return {
    trackingNumber,
    ok: false,
    error: new BadResponseError(`GLS answered the delivery-info request for ${trackingNumber} with ${said}`, options),
  };
}
