import type { Shipment } from '../status/shipment';

/**
 * The version of the push contract. A breaking change to `PushReceiver` bumps it. Carrier packages (UPS Track Alert,
 * FedEx, USPS, DHL) and aggregator bridges (AfterShip, EasyPost, Ship24, 17TRACK) implement the same interface, so
 * one route and one store method serve them all.
 */
export const PUSH_RECEIVER_SPECIFICATION_VERSION = 1;

/** One HTTP delivery as the server received it, before anything was parsed. */
export interface PushRequest {
  method: string;
  /** Path and query as received (`/webhooks/carriers/ups?x=1`), for schemes that sign the path. */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The body exactly as received: every signature is computed over these bytes, never over re-serialised JSON. */
  body: Uint8Array;
  /** When wismo received it (staleness checks compare the sender's timestamp with this). */
  receivedAt: Date;
}

/** Why a delivery was refused. Messages name the scheme and the header, never a secret or the received value. */
export type PushVerificationFailure =
  /** The header carrying the signature or credential is absent. */
  | 'missing_signature'
  /** The signature, credential or token does not match. */
  | 'bad_signature'
  /** The sender's timestamp is outside the tolerance window (a replay of an old delivery, or a skewed clock). */
  | 'stale'
  /** The body is not what the scheme signs (e.g. USPS's envelope without `timestamp`). */
  | 'malformed';

export type PushVerification =
  | {
      ok: true;
      /** The sender's own id of this delivery (AfterShip `event_id`, EasyPost `id`), else null: the body's digest dedupes. */
      deliveryId: string | null;
      /** The sender's timestamp, when the scheme signs one. */
      sentAt: Date | null;
    }
  | { ok: false; failure: PushVerificationFailure; message: string };

/**
 * What a push says about one tracking number. `shipment` is built with core's `buildShipment`, so statuses, events
 * and times follow the same rules as a poll answer (unknown codes are `unknown` with `unmapped: true`).
 */
export interface PushUpdate {
  /** The carrier of the tracking number (a bridge names it from the aggregator's courier code). */
  carrier: string;
  trackingNumber: string;
  /**
   * True when the push carries the parcel's whole story, as a poll answer does (DHL eCommerce Americas, FedEx's
   * Track-API-shaped pushes): the store ingests it as one. False when it carries only the newest scan(s) (UPS Track
   * Alert): the store merges the events, keeps what it knew otherwise, and moves the next poll forward.
   */
  complete: boolean;
  shipment: Shipment;
}

/** An item of a push that could not be read. Reported, never dropped silently. */
export interface PushItemReject {
  /** Position of the item in the push (0 for a single-item push); null when the whole body could not be read. */
  index: number | null;
  trackingNumber: string | null;
  code: 'malformed' | 'unsupported';
  message: string;
}

export interface PushParseResult {
  updates: PushUpdate[];
  rejects: PushItemReject[];
}

export interface PushParseContext {
  receivedAt: Date;
}

/** A response the receiver writes itself (a token endpoint, a verification challenge). */
export interface PushHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Receives one source's pushes. Required: identity, `verify` and `parse`, both pure and synchronous apart from I/O
 * a scheme truly needs. `verify` runs on the raw body first, in constant time; `parse` runs only on verified bodies
 * and never throws: what it cannot read comes back in `rejects`.
 */
export interface PushReceiver {
  readonly specificationVersion: typeof PUSH_RECEIVER_SPECIFICATION_VERSION;
  /** Stable id, lower case, used in the URL (`/webhooks/carriers/{source}`) and in stored receipts. */
  readonly source: string;
  /** A carrier pushing its own parcels, or an aggregator bridging many carriers. */
  readonly kind: 'carrier' | 'aggregator';
  verify(request: PushRequest): PushVerification | Promise<PushVerification>;
  parse(body: string, context: PushParseContext): PushParseResult;
  /**
   * For senders that first fetch a token from us (UPS Track Alert v2 calls our OAuth token URL with client
   * credentials). Mounted at `POST /webhooks/carriers/{source}/token`; absent for every other scheme.
   */
  answerTokenRequest?(request: PushRequest): PushHttpAnswer;
}
