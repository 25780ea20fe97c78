import { parseGlsTrackResponse } from '../../packages/carrier-gls/src/parse-gls-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface GlsBody {
  parcels?: Array<{ requested?: string; errorCode?: string }>;
}

export default function runGlsParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'GLS',
    fixturesDirectory: new URL('../../packages/carrier-gls/src/__fixtures__/', import.meta.url),
    // Every requested number that found a parcel (one reference may name several parcels: counted once).
    successNumbers: (body) => {
      const parcels = (body as GlsBody).parcels;
      if (!Array.isArray(parcels)) return null;
      const numbers = [...new Set(parcels.filter((parcel) => parcel.requested && !parcel.errorCode).map((parcel) => parcel.requested!))];
      return numbers.length > 0 ? numbers : null;
    },
    normalise: parseGlsTrackResponse,
    // Issue 14's goal for the EU carriers: at most 2×.
    maxCostRatio: 2,
  });
}
