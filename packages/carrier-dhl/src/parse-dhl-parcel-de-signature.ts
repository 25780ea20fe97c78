import { BadResponseError, NotFoundError, WismoError, parseWithSchema } from '@wismo/core';
import { dhlParcelDeSignatureResponseSchema } from './dhl-parcel-de-api';
import { DHL_PARCEL_DE_CARRIER_ID, DHL_PARCEL_DE_CARRIER_NAME } from './dhl-parcel-de-carrier';
import { dhlParcelDeTime } from './dhl-parcel-de-time';
import { DHL_PARCEL_DE_RESULT_CODES, dhlParcelDeHttpError, dhlParcelDeResultError } from './parse-dhl-parcel-de-response';
import type { DhlParcelDeSignature } from './dhl-parcel-de-adapter';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

export type ParsedDhlParcelDeSignature = { ok: true; signature: DhlParcelDeSignature } | { ok: false; error: WismoError };

/**
 * Pure: a `d-get-signature` answer → the signature image. The image comes hex-encoded in the `image` attribute
 * (`474946383961…` = `GIF89a`). Result codes as for tracking (100 → `not_found`, 63 → `carrier_unavailable`).
 */
export function parseDhlParcelDeSignatureResponse(input: {
  httpStatus: number;
  body: unknown;
  trackingNumber: string;
}): ParsedDhlParcelDeSignature {
  const { httpStatus, body, trackingNumber } = input;
  const options = { carrierId: DHL_PARCEL_DE_CARRIER_ID, httpStatus, trackingNumber };
  try {
    if (httpStatus === 401 || httpStatus === 403 || (body === undefined && (httpStatus < 200 || httpStatus >= 300)))
      throw dhlParcelDeHttpError(httpStatus);
    const response = parseWithSchema(
      dhlParcelDeSignatureResponseSchema,
      body,
      DHL_PARCEL_DE_CARRIER_NAME,
      DHL_PARCEL_DE_CARRIER_ID,
      httpStatus,
    ).data;
    const code = response.code?.trim() ?? '';
    if (code !== DHL_PARCEL_DE_RESULT_CODES.success) throw dhlParcelDeResultError(code || '?', response.error, httpStatus);
    const entry = (response.data ?? []).find((item) => item.image);
    if (!entry?.image) throw new NotFoundError(`${DHL_PARCEL_DE_CARRIER_NAME} has no signature for ${trackingNumber}.`, options);
    const hex = entry.image.trim();
    if (!HEX.test(hex)) throw new BadResponseError(`${DHL_PARCEL_DE_CARRIER_NAME} sent a signature that is not hex-encoded.`, options);
    return {
      ok: true,
      signature: {
        mimeType: entry['mime-type']?.trim() || 'image/gif',
        image: new Uint8Array(Buffer.from(hex, 'hex')),
        deliveredOn: dhlParcelDeTime(entry['event-date']),
      },
    };
  } catch (error) {
    if (WismoError.isInstance(error)) return { ok: false, error };
    throw error;
  }
}
