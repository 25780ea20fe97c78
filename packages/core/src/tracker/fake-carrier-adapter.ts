import { CARRIER_ADAPTER_SPECIFICATION_VERSION, failAll, type CarrierAdapter, type TrackOutcome } from '../adapter/carrier-adapter';
import { NotFoundError, type WismoError } from '../errors';
import { buildShipment, createEvent } from '../status/build-shipment';
import type { ShipmentStatus } from '../status/statuses';
import { parseCarrierDateTime } from '../time/carrier-time';

export interface FakeCarrierOptions {
  id?: string;
  maxNumbersPerRequest?: number;
  /** Status per tracking number; numbers not listed are not found. */
  statuses?: Record<string, ShipmentStatus>;
  /** Numbers whose lookup fails with this error. */
  failures?: Record<string, WismoError>;
  /** Makes the whole batch fail. */
  batchFailure?: WismoError;
  latencyMs?: number;
}

/** An in-memory adapter for tracker tests and benchmarks: records every batch it receives. */
export function createFakeCarrierAdapter(options: FakeCarrierOptions = {}): CarrierAdapter & { batches: string[][] } {
  const id = options.id ?? 'fake';
  const batches: string[][] = [];
  return {
    specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
    id,
    name: `Fake ${id}`,
    contact: { default: { phone: null, url: 'https://example.test/contact' } },
    capabilities: {
      maxNumbersPerRequest: options.maxNumbersPerRequest ?? 10,
      rateLimit: { requests: 1000, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: false,
    },
    trackingUrl: (number) => `https://example.test/track/${number}`,
    batches,
    async track(numbers): Promise<TrackOutcome[]> {
      batches.push([...numbers]);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (options.batchFailure) return failAll(numbers, options.batchFailure);
      return numbers.map((trackingNumber) => {
        const failure = options.failures?.[trackingNumber];
        if (failure) return { trackingNumber, ok: false, error: failure.forTrackingNumber(trackingNumber) };
        const status = options.statuses?.[trackingNumber];
        if (!status)
          return { trackingNumber, ok: false, error: new NotFoundError(`${trackingNumber} not found`, { carrierId: id, trackingNumber }) };
        const event = createEvent({
          time: parseCarrierDateTime('2024-01-02T10:00:00+01:00'),
          code: status,
          description: status,
          mapped: { status },
        });
        return { trackingNumber, ok: true, shipment: buildShipment({ carrier: id, trackingNumber, events: [event] }) };
      });
    },
  };
}
