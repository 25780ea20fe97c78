import { parseDhlTrackResponse } from '../../packages/carrier-dhl/src/parse-dhl-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

export default function runDhlParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'DHL',
    fixturesDirectory: new URL('../../packages/carrier-dhl/src/__fixtures__/', import.meta.url),
    successNumbers: (body) => {
      const shipments = (body as { shipments?: Array<{ id?: string | number }> }).shipments;
      return Array.isArray(shipments) && shipments[0]?.id !== undefined ? [String(shipments[0].id)] : null;
    },
    normalise: parseDhlTrackResponse,
  });
}
