import { bpostXmlParser } from '../../packages/carrier-bpost/src/bpost-api';
import { parseBpostTrackingResponse } from '../../packages/carrier-bpost/src/parse-bpost-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface BpostAnswer {
  itemTracking?: { itemCode?: string; stateInfo?: unknown[] };
}

export default function runBpostNormalisingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'bpost',
    fixturesDirectory: new URL('../../packages/carrier-bpost/src/__fixtures__/', import.meta.url),
    // The same parser object the adapter reads bodies with (fast-xml-parser, `isArray` for stateInfo).
    bodyFormat: { extension: '.xml', name: 'fast-xml-parser parse', parse: (text) => bpostXmlParser.parse(text) as unknown },
    // Issue 14: XML carriers normalise in at most twice the time fast-xml-parser takes to parse the bodies.
    maxCostRatio: 2,
    successNumbers: (body) => {
      const item = (body as BpostAnswer)?.itemTracking;
      return item?.itemCode && item.stateInfo?.length ? [item.itemCode] : null;
    },
    normalise: parseBpostTrackingResponse,
  });
}
