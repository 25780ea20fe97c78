import { parseHermesShipmentInfo } from '../../packages/carrier-hermes/src/parse-hermes-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface HermesBody {
  shipmentinfo?: Array<{ shipmentID?: string; status?: unknown[] }>;
}

export default function runHermesParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'Hermes',
    fixturesDirectory: new URL('../../packages/carrier-hermes/src/__fixtures__/', import.meta.url),
    // Answers whose every entry has statuses (the e001 and error bodies are not successes).
    successNumbers: (body) => {
      const entries = (body as HermesBody).shipmentinfo;
      if (!entries?.length || !entries.every((entry) => entry.status?.length && entry.shipmentID)) return null;
      return entries.map((entry) => entry.shipmentID!);
    },
    normalise: parseHermesShipmentInfo,
    // Issue 14's goal for the EU carriers: at most 2×.
    maxCostRatio: 2,
  });
}
