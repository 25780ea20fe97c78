import { canadaPostXmlParser } from '../../packages/carrier-canadapost/src/canadapost-api';
import { unwrapKarrioSample } from '../../packages/carrier-canadapost/src/__fixtures__/unwrap-karrio-sample';
import { parseCanadaPostTrackResponse } from '../../packages/carrier-canadapost/src/parse-canadapost-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface CanadaPostBody {
  'tracking-detail'?: { pin?: string; 'significant-events'?: { occurrence?: unknown[] } };
}

export default function runCanadaPostNormalisingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'Canada Post',
    fixturesDirectory: new URL('../../packages/carrier-canadapost/src/__fixtures__/', import.meta.url),
    // The parser object the adapter reads bodies with; the recorded samples without karrio's wrapper.
    bodyFormat: {
      extension: '.xml',
      name: 'fast-xml-parser parse',
      parse: (text) => canadaPostXmlParser.parse(unwrapKarrioSample(text)) as unknown,
    },
    maxCostRatio: 2,
    successNumbers: (body) => {
      const detail = (body as CanadaPostBody)['tracking-detail'];
      return detail?.pin && detail['significant-events']?.occurrence?.length ? [detail.pin] : null;
    },
    normalise: parseCanadaPostTrackResponse,
  });
}
