import { parseLaposteTrackResponse } from '../../packages/carrier-laposte/src/parse-laposte-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface LaposteAnswer {
  returnCode?: number;
  shipment?: { idShip?: string };
}

export default function runLaposteParsingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'La Poste',
    fixturesDirectory: new URL('../../packages/carrier-laposte/src/__fixtures__/', import.meta.url),
    // Bodies whose every answer carries a shipment (one id: an object; the recorded sample: an array).
    successNumbers: (body) => {
      const answers = (Array.isArray(body) ? body : [body]) as LaposteAnswer[];
      const ids = answers.map((answer) => answer?.shipment?.idShip);
      return ids.length > 0 && ids.every((id): id is string => typeof id === 'string') ? ids : null;
    },
    normalise: parseLaposteTrackResponse,
    // Issue 14's goal for the EU carriers: at most 2×.
    maxCostRatio: 2,
  });
}
