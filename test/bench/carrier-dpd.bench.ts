import { dpdXmlParser } from '../../packages/carrier-dpd/src/dpd-api';
import { parseDpdTrackingResponse } from '../../packages/carrier-dpd/src/parse-dpd-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface DpdAnswer {
  Envelope?: { Body?: { getTrackingDataResponse?: { trackingresult?: { statusInfo?: unknown[] } } } };
}

/** The parcel a body answers for: DPD echoes no number, so any valid one stands for it. */
const PARCEL_LABEL_NUMBER = '05308801410058';

export default function runDpdNormalisingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'DPD',
    fixturesDirectory: new URL('../../packages/carrier-dpd/src/__fixtures__/', import.meta.url),
    // The same parser object the adapter reads bodies with (fast-xml-parser, `isArray` for repeated elements).
    bodyFormat: { extension: '.xml', name: 'fast-xml-parser parse', parse: (text) => dpdXmlParser.parse(text) as unknown },
    // Issue 14: XML carriers normalise in at most twice the time fast-xml-parser takes to parse the bodies.
    maxCostRatio: 2,
    successNumbers: (body) =>
      (body as DpdAnswer)?.Envelope?.Body?.getTrackingDataResponse?.trackingresult?.statusInfo?.length ? [PARCEL_LABEL_NUMBER] : null,
    normalise: parseDpdTrackingResponse,
  });
}
