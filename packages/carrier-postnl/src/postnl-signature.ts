import { BadResponseError, NotFoundError, parseCarrierDateTime, type CarrierTime, type WismoError } from '@wismo/core';
import { parseBodyWithSchema } from '@wismo/core/internal';
import { postnlSignatureResponseSchema } from './postnl-api';
import { POSTNL_CARRIER_ID } from './postnl-carrier';
import { POSTNL, POSTNL_NOT_FOUND_WARNING, postnlRequestError } from './parse-postnl-response';

export interface PostnlSignature {
  /** `SignatureDate`: ISO without an offset, so local Dutch time. */
  signedAt: CarrierTime | null;
  /** The spec says "base64 encoded GIF" but its example is a PNG: the type is read from the bytes. */
  mimeType: 'image/png' | 'image/gif' | 'application/octet-stream';
  /** Base64, as PostNL sends it. */
  imageBase64: string;
}

export type PostnlSignatureOutcome =
  | { barcode: string; ok: true; signature: PostnlSignature; error?: undefined }
  | { barcode: string; ok: false; error: WismoError; signature?: undefined };

function mimeTypeOf(base64: string): PostnlSignature['mimeType'] {
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (base64.startsWith('R0lGOD')) return 'image/gif';
  return 'application/octet-stream';
}

/** Pure: one signature answer as an outcome. "No signature found" (warning 2) is `not_found`. */
export function parsePostnlSignatureResponse(httpStatus: number, body: unknown, barcode: string): PostnlSignatureOutcome {
  if (httpStatus < 200 || httpStatus >= 300)
    return { barcode, ok: false, error: postnlRequestError(httpStatus, body).forTrackingNumber(barcode) };
  const response = parseBodyWithSchema(postnlSignatureResponseSchema, body, POSTNL, httpStatus);
  if (response instanceof BadResponseError) return { barcode, ok: false, error: response.forTrackingNumber(barcode) };
  const image = response.Signature?.SignatureImage?.trim();
  if (image)
    return {
      barcode,
      ok: true,
      signature: { signedAt: parseCarrierDateTime(response.Signature?.SignatureDate), mimeType: mimeTypeOf(image), imageBase64: image },
    };
  const warnings = (response.Warnings ?? []).filter((warning) => warning !== null);
  const codes = warnings.map((warning) => warning.Code?.trim()).filter((code): code is string => Boolean(code));
  const said = warnings
    .map((warning) => warning.Message?.trim())
    .filter(Boolean)
    .join('; ');
  const options = { carrierId: POSTNL_CARRIER_ID, httpStatus, carrierCodes: codes, trackingNumber: barcode };
  if (codes.length === 0 || codes.includes(POSTNL_NOT_FOUND_WARNING))
    return { barcode, ok: false, error: new NotFoundError(`PostNL has no signature for ${barcode}${said ? ` (${said})` : ''}.`, options) };
  return {
    barcode,
    ok: false,
    error: new BadResponseError(`PostNL answered the signature request for ${barcode} without a signature (${said})`, options),
  };
}
