import { parsePostnlStatusResponse } from '../../packages/carrier-postnl/src/parse-postnl-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface PostnlBody {
  CompleteStatus?: { Shipment?: { Barcode?: string } };
  CurrentStatus?: { Shipment?: { Barcode?: string } };
}

export default function runPostnlParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'PostNL',
    fixturesDirectory: new URL('../../packages/carrier-postnl/src/__fixtures__/', import.meta.url),
    successNumbers: (body) => {
      const shipment = (body as PostnlBody).CompleteStatus?.Shipment ?? (body as PostnlBody).CurrentStatus?.Shipment;
      return shipment?.Barcode ? [shipment.Barcode] : null;
    },
    normalise: parsePostnlStatusResponse,
    // Issue 14's goal for the EU carriers: at most 2×.
    maxCostRatio: 2,
  });
}
