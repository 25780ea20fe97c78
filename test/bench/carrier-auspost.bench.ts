import { parseAusPostTrackResponse } from '../../packages/carrier-auspost/src/parse-auspost-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface AusPostBody {
  tracking_results?: Array<{ tracking_id?: string; trackable_items?: unknown[] }>;
}

export default function runAusPostNormalisingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'Australia Post',
    fixturesDirectory: new URL('../../packages/carrier-auspost/src/__fixtures__/', import.meta.url),
    // Every id of a body with trackable items (the recorded answer holds three).
    successNumbers: (body) => {
      const ids = ((body as AusPostBody).tracking_results ?? [])
        .filter((result) => result.trackable_items?.length && result.tracking_id)
        .map((result) => result.tracking_id!);
      return ids.length > 0 ? ids : null;
    },
    normalise: parseAusPostTrackResponse,
    maxCostRatio: 2,
  });
}
