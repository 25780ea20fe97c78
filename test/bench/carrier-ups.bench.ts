import { parseUpsTrackResponse } from '../../packages/carrier-ups/src/parse-ups-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface UpsBody {
  trackResponse?: { shipment?: Array<{ inquiryNumber?: string; package?: unknown[] }> };
}

export default function runUpsParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'UPS',
    fixturesDirectory: new URL('../../packages/carrier-ups/src/__fixtures__/', import.meta.url),
    successNumbers: (body) => {
      const shipment = (body as UpsBody).trackResponse?.shipment?.[0];
      return shipment?.package?.length && shipment.inquiryNumber ? [shipment.inquiryNumber] : null;
    },
    normalise: parseUpsTrackResponse,
  });
}
