import { parseUspsTrackResponse } from '../../packages/carrier-usps/src/parse-usps-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

export default function runUspsParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'USPS',
    fixturesDirectory: new URL('../../packages/carrier-usps/src/__fixtures__/', import.meta.url),
    successNumbers: (body) => {
      const detail = body as { trackingNumber?: string; trackingEvents?: unknown };
      return Array.isArray(detail.trackingEvents) && detail.trackingNumber ? [detail.trackingNumber] : null;
    },
    normalise: parseUspsTrackResponse,
  });
}
