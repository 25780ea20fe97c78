import { parseFedexTrackResponse } from '../../packages/carrier-fedex/src/parse-fedex-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface FedexBody {
  output?: { completeTrackResults?: Array<{ trackingNumber?: string; trackResults?: Array<{ error?: unknown }> }> };
}

export default function runFedexParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'FedEx',
    fixturesDirectory: new URL('../../packages/carrier-fedex/src/__fixtures__/', import.meta.url),
    // Only bodies in which every number was found: a batch with a not-found entry measures an error path.
    successNumbers: (body) => {
      const results = (body as FedexBody).output?.completeTrackResults;
      if (!results?.length || results.some((result) => !result.trackingNumber || result.trackResults?.some((item) => item.error)))
        return null;
      return results.map((result) => result.trackingNumber!);
    },
    normalise: parseFedexTrackResponse,
  });
}
