import type { DhlTrackResponse } from './dhl-api';

/**
 * The structural twin of `dhlTrackResponseSchema` (dhl-api.ts) for the success path: it accepts
 * exactly what the zod schema accepts, without building a parsed copy of the body. A property test
 * (check-dhl-response.test.ts) keeps both verdicts equal; change them together.
 */

/** Null when the value fits, else a description of the misfit with the path *below* the value ("a.0: ..."). */
type Check = (value: unknown) => string | null;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

// Paths are only built on a misfit, while unwinding: a body that fits costs no string work.
function below(segment: string | number, problem: string): string {
  return problem.startsWith(':') ? `${segment}${problem}` : `${segment}.${problem}`;
}

/** `z.string().nullish()` */
function text(value: unknown): string | null {
  return isAbsent(value) || typeof value === 'string' ? null : ': expected a string';
}

/** `z.boolean().nullish()` */
function flag(value: unknown): string | null {
  return isAbsent(value) || typeof value === 'boolean' ? null : ': expected a boolean';
}

/** `z.union([z.string(), z.number()]).nullish()` */
function identifier(value: unknown): string | null {
  return isAbsent(value) || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? null : ': expected a string or number';
}

/** `z.array(z.string()).nullish()` */
function strings(value: unknown): string | null {
  if (isAbsent(value)) return null;
  if (!Array.isArray(value)) return ': expected an array';
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') return `${index}: expected a string`;
  return null;
}

/** `z.object({...})` (required; wrap in `nullish` for `.nullish()`). */
function object(fields: Readonly<Record<string, Check>>): Check {
  const keys = Object.keys(fields);
  const checks = keys.map((key) => fields[key]!);
  return (value) => {
    if (!isObject(value)) return ': expected an object';
    for (let index = 0; index < keys.length; index++) {
      const problem = checks[index]!(value[keys[index]!]);
      if (problem) return below(keys[index]!, problem);
    }
    return null;
  };
}

/** `z.array(item)` (required; wrap in `nullish` for `.nullish()`). */
function list(item: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return ': expected an array';
    for (let index = 0; index < value.length; index++) {
      const problem = item(value[index]);
      if (problem) return below(index, problem);
    }
    return null;
  };
}

/** `.nullish()` */
function nullish(check: Check): Check {
  return (value) => (isAbsent(value) ? null : check(value));
}

function isText(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

const address = object({ addressLocality: text, postalCode: text, countryCode: text, addressRegion: text });
const place = object({ address: nullish(address) });
const eventWithPath = object({ timestamp: text, location: nullish(place), statusCode: text, status: text, statusDetailed: text, description: text, remark: text });

/** `dhlPlaceSchema.nullish()`, checked directly. */
function fitsOptionalPlace(value: unknown): boolean {
  if (isAbsent(value)) return true;
  if (!isObject(value)) return false;
  const inner = value.address;
  if (isAbsent(inner)) return true;
  if (!isObject(inner)) return false;
  return isText(inner.addressLocality) && isText(inner.postalCode) && isText(inner.countryCode) && isText(inner.addressRegion);
}

/** `dhlEventSchema`. Events are most of a body: a direct check first; the generic one only runs to say what is wrong. */
const event: Check = (value) => {
  if (
    isObject(value) &&
    isText(value.timestamp) &&
    isText(value.statusCode) &&
    isText(value.status) &&
    isText(value.statusDetailed) &&
    isText(value.description) &&
    isText(value.remark) &&
    fitsOptionalPlace(value.location)
  ) {
    return null;
  }
  return eventWithPath(value);
};

const person = object({ name: text, givenName: text, familyName: text, organizationName: text });
const reference = object({ number: identifier, type: text });
const referenceList = list(reference);
/** `z.union([z.array(reference), reference]).nullish()` */
const referenceOrList: Check = (value) => (isAbsent(value) ? null : Array.isArray(value) ? referenceList(value) : reference(value));

const details = object({
  product: nullish(object({ productName: text, productCode: text })),
  provider: nullish(object({ destinationProvider: text })),
  proofOfDelivery: nullish(object({ timestamp: text, signatureUrl: text, documentUrl: text, signed: nullish(person) })),
  proofOfDeliverySignedAvailable: flag,
  pieceIds: strings,
  references: referenceOrList,
});

const shipment = object({
  id: identifier,
  service: text,
  origin: nullish(place),
  destination: nullish(place),
  status: nullish(event),
  estimatedTimeOfDelivery: text,
  estimatedDeliveryTimeFrame: nullish(object({ estimatedFrom: text, estimatedThrough: text })),
  returnFlag: flag,
  details: nullish(details),
  events: nullish(list(event)),
});

const response = object({ shipments: list(shipment) });

/** Null when `value` has the shape of `dhlTrackResponseSchema`, else where it first does not ("shipments.0.id: ..."). */
export function checkDhlTrackResponse(value: unknown): string | null {
  const problem = response(value);
  return problem === null ? null : problem.startsWith(':') ? `(root)${problem}` : problem;
}

export function isDhlTrackResponse(value: unknown): value is DhlTrackResponse {
  return checkDhlTrackResponse(value) === null;
}
