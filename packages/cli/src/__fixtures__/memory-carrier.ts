import {
  CARRIER_ADAPTER_SPECIFICATION_VERSION,
  CarrierUnavailableError,
  NotFoundError,
  buildShipment,
  createEvent,
  parseCarrierDateTime,
  type CarrierAdapter,
  type ShipmentStatus,
  type TrackOutcome,
} from '@wismo/core';

export interface MemoryCarrierOptions {
  id?: string;
  maxNumbersPerRequest?: number;
  /** Status from the number; null → not found. Default: by the number's last digit. */
  statusOf?: (trackingNumber: string) => ShipmentStatus | null;
  /** Random latency per batch, deterministic from the seed. */
  latencyMs?: { min: number; max: number };
  /** Share of batches that fail with a retryable carrier_unavailable. */
  failureRate?: number;
  seed?: number;
}

const STATUS_BY_DIGIT: Array<ShipmentStatus | null> = [
  'delivered',
  'in_transit',
  'delivered',
  'out_for_delivery',
  'in_transit',
  'delivered',
  'exception',
  'info_received',
  null,
  'delivered',
];

/** An in-memory carrier for engine tests: out-of-order answers, failures, and counters of what it saw. */
export function createMemoryCarrier(options: MemoryCarrierOptions = {}) {
  const id = options.id ?? 'memory';
  let seed = options.seed ?? 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const counters = { batches: 0, numbers: 0, inFlight: 0, maxInFlight: 0, failures: 0, failedNumbers: 0 };
  const statusOf = options.statusOf ?? ((number: string) => STATUS_BY_DIGIT[Number(number.at(-1)) || 0] ?? null);
  const adapter: CarrierAdapter = {
    specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
    id,
    name: `Memory ${id}`,
    contact: { default: { phone: null, url: 'https://example.test/contact' } },
    capabilities: {
      maxNumbersPerRequest: options.maxNumbersPerRequest ?? 10,
      rateLimit: { requests: 1_000, intervalMs: 1_000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: true,
    },
    trackingUrl: (number) => `https://example.test/track/${number}`,
    async track(numbers): Promise<TrackOutcome[]> {
      counters.batches += 1;
      counters.numbers += numbers.length;
      counters.inFlight += 1;
      counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
      try {
        if (options.latencyMs) {
          const wait = options.latencyMs.min + random() * (options.latencyMs.max - options.latencyMs.min);
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        if (options.failureRate && random() < options.failureRate) {
          counters.failures += 1;
          counters.failedNumbers += numbers.length;
          const error = new CarrierUnavailableError(`${id} answered HTTP 503`, { carrierId: id, httpStatus: 503 });
          return numbers.map((trackingNumber) => ({ trackingNumber, ok: false, error: error.forTrackingNumber(trackingNumber) }));
        }
        return numbers.map((trackingNumber): TrackOutcome => {
          const status = statusOf(trackingNumber);
          if (!status)
            return {
              trackingNumber,
              ok: false,
              error: new NotFoundError(`${id} has no shipment ${trackingNumber}`, { carrierId: id, trackingNumber }),
            };
          const event = createEvent({
            time: parseCarrierDateTime('2024-01-02T10:00:00+01:00'),
            code: status,
            description: `Status ${status}`,
            mapped: { status },
          });
          return { trackingNumber, ok: true, shipment: buildShipment({ carrier: id, trackingNumber, events: [event] }) };
        });
      } finally {
        counters.inFlight -= 1;
      }
    },
  };
  return { adapter, counters };
}
