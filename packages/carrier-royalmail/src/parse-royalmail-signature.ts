import { NotFoundError, parseWithSchema, type BadResponseError, type CarrierTime, type WismoError } from '@wismo/core';
import { royalMailSignatureResponseSchema, type RoyalMailSignatureResponse } from './royalmail-api';
import { ROYALMAIL_CARRIER_ID, ROYALMAIL_CARRIER_NAME } from './royalmail-carrier';
import { royalMailRequestError } from './parse-royalmail-response';
import { ROYALMAIL_NO_SIGNATURE_CODES } from './royalmail-status-tables';
import { royalMailTime } from './royalmail-time';

export interface RoyalMailSignature {
  recipientName: string | null;
  signedAt: CarrierTime | null;
  /** As Royal Mail sends it, e.g. `image/svg+xml` or `image/png`. */
  imageFormat: string | null;
  /** The image, base64 (or SVG text) as Royal Mail sends it. */
  image: string | null;
}

export type RoyalMailSignatureOutcome =
  { trackingNumber: string; ok: true; signature: RoyalMailSignature } | { trackingNumber: string; ok: false; error: WismoError };

/** Pure: `/signature`. E1144/E1145 (no proof of delivery) and E1142 are not_found; never throws. */
export function parseRoyalMailSignatureResponse(httpStatus: number, body: unknown, trackingNumber: string): RoyalMailSignatureOutcome {
  const failure = royalMailRequestError(httpStatus, body);
  if (failure) {
    const error = failure(trackingNumber);
    if (error.carrierCodes.some((code) => ROYALMAIL_NO_SIGNATURE_CODES.has(code))) {
      return {
        trackingNumber,
        ok: false,
        error: new NotFoundError(`Royal Mail has no signature for ${trackingNumber} (${error.carrierCodes.join(', ')})`, {
          carrierId: ROYALMAIL_CARRIER_ID,
          httpStatus,
          trackingNumber,
          carrierCodes: error.carrierCodes,
        }),
      };
    }
    return { trackingNumber, ok: false, error };
  }
  let response: RoyalMailSignatureResponse;
  try {
    response = parseWithSchema(royalMailSignatureResponseSchema, body, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CARRIER_ID, httpStatus);
  } catch (error) {
    return { trackingNumber, ok: false, error: (error as BadResponseError).forTrackingNumber(trackingNumber) };
  }
  const signature = response.mailPieces.signature;
  return {
    trackingNumber,
    ok: true,
    signature: {
      recipientName: signature.recipientName ?? null,
      signedAt: royalMailTime(signature.signatureDateTime),
      imageFormat: signature.imageFormat ?? null,
      image: signature.image ?? null,
    },
  };
}
