import { createTracker } from '../../packages/core/src/index';
import { createFakeCarrierAdapter } from '../../packages/core/src/tracker/fake-carrier-adapter';
import { compareAgainstBaseline } from './compare';

const SHIPMENT_COUNT = 1_000;

async function cachedTrackAgainstMap(): Promise<void> {
  const trackingNumbers = Array.from({ length: SHIPMENT_COUNT }, (_, index) => `BENCH${index}`);
  const adapter = createFakeCarrierAdapter({
    maxNumbersPerRequest: 50,
    statuses: Object.fromEntries(trackingNumbers.map((number) => [number, 'in_transit' as const])),
  });
  const tracker = createTracker({ carriers: [adapter] });
  const warmed = await tracker.trackMany(trackingNumbers.map((trackingNumber) => ({ trackingNumber, carrier: 'fake' })));
  const plainMap = new Map(warmed.map((outcome) => [`fake:${outcome.trackingNumber}`, outcome.shipment]));
  let index = 0;
  const batchesBefore = adapter.batches.length;
  await compareAgainstBaseline({
    title: `Cached track() against a plain Map lookup (${SHIPMENT_COUNT} shipments warm in cache)`,
    baseline: { name: 'Map.get', run: () => plainMap.get(`fake:${trackingNumbers[index++ % SHIPMENT_COUNT]}`) },
    candidate: {
      name: 'await tracker.track() (cache hit)',
      run: () => tracker.track(trackingNumbers[index++ % SHIPMENT_COUNT]!, { carrier: 'fake' }),
    },
  });
  console.log(`  upstream batches during the cached run: ${adapter.batches.length - batchesBefore} (must be 0)`);
}

async function coalescing(maxNumbersPerRequest: number): Promise<void> {
  const trackingNumbers = Array.from({ length: 10 }, (_, index) => `COALESCE${index}`);
  const adapter = createFakeCarrierAdapter({
    maxNumbersPerRequest,
    latencyMs: 20,
    statuses: Object.fromEntries(trackingNumbers.map((number) => [number, 'in_transit' as const])),
  });
  const tracker = createTracker({ carriers: [adapter], cache: false });
  const started = performance.now();
  await Promise.all(Array.from({ length: 1_000 }, (_, index) => tracker.track(trackingNumbers[index % 10]!, { carrier: 'fake' })));
  const elapsed = performance.now() - started;
  const expectedBatches = Math.ceil(10 / maxNumbersPerRequest);
  const stats = tracker.stats();
  console.log(
    `Coalescing: 1,000 concurrent track() for 10 numbers, carrier batch size ${maxNumbersPerRequest}\n` +
      `  upstream requests: ${stats.upstreamBatches} (numbers sent: ${stats.upstreamNumbers}); batches needed: ${expectedBatches}; coalesced calls: ${stats.coalesced}; ${elapsed.toFixed(1)} ms\n` +
      `  goal ≤ 1 request per batch: ${stats.upstreamBatches <= expectedBatches ? 'met' : 'NOT met'}`,
  );
}

export default async function runCoreTrackerBenchmark(): Promise<void> {
  await cachedTrackAgainstMap();
  await coalescing(10);
  await coalescing(1);
}
