import { parseRoyalMailEventsResponse } from '../../packages/carrier-royalmail/src/parse-royalmail-response';
import { benchmarkCarrierNormalising } from './carrier-normalising';

interface RoyalMailBody {
  mailPieces?: { mailPieceId?: string; events?: unknown[] };
}

export default function runRoyalMailNormalisingBenchmark(): Promise<void> {
  return benchmarkCarrierNormalising({
    carrierName: 'Royal Mail',
    fixturesDirectory: new URL('../../packages/carrier-royalmail/src/__fixtures__/', import.meta.url),
    // `/events` answers (one item each); summaries and signatures are other endpoints.
    successNumbers: (body) => {
      const piece = (body as RoyalMailBody).mailPieces;
      return piece && !Array.isArray(piece) && piece.events?.length && piece.mailPieceId ? [piece.mailPieceId] : null;
    },
    normalise: parseRoyalMailEventsResponse,
    maxCostRatio: 2,
  });
}
