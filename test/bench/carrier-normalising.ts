import { readFileSync, readdirSync } from 'node:fs';
import type { TrackOutcome } from '../../packages/core/src/index';
import { compareAgainstBaseline } from './compare';

export interface NormaliseInput {
  httpStatus: number;
  body: unknown;
  trackingNumbers: readonly string[];
  fetchedAt: Date;
}

export interface CarrierNormalisingBenchmark {
  carrierName: string;
  /** The carrier package's `__fixtures__` folder. */
  fixturesDirectory: URL;
  /** The numbers a fixture answers for, or null when it is not a successful tracking answer. */
  successNumbers(body: unknown): string[] | null;
  /** The carrier's pure parse + normalise function. */
  normalise(input: NormaliseInput): readonly TrackOutcome[];
  /** XML carriers: their fixtures' extension and the parse the baseline times (fast-xml-parser). Default: JSON. */
  bodyFormat?: { extension: string; name: string; parse(text: string): unknown };
  /** The goal, as normalising time over parsing time. Default 3. */
  maxCostRatio?: number;
}

const JSON_FORMAT = { extension: '.json', name: 'JSON.parse', parse: (text: string): unknown => JSON.parse(text) };

const fetchedAt = new Date('2026-01-15T12:00:00Z');

/**
 * The goal for every carrier: normalising a body costs no more than 3× `JSON.parse` of it.
 * Measured on every successful fixture (recorded and composed), in the same run; end to end printed too.
 */
export async function benchmarkCarrierNormalising(benchmark: CarrierNormalisingBenchmark): Promise<void> {
  const format = benchmark.bodyFormat ?? JSON_FORMAT;
  const fixtures = readdirSync(benchmark.fixturesDirectory)
    .filter((file) => file.endsWith(format.extension))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, benchmark.fixturesDirectory), 'utf8');
      const body = format.parse(text);
      return { name, text, body, trackingNumbers: benchmark.successNumbers(body) };
    })
    .filter(
      (fixture): fixture is typeof fixture & { trackingNumbers: string[] } =>
        fixture.trackingNumbers !== null && fixture.trackingNumbers.length > 0,
    );

  // Every body must normalise to shipments, or the comparison would time error paths.
  for (const fixture of fixtures) {
    const failed = benchmark
      .normalise({ httpStatus: 200, body: fixture.body, trackingNumbers: fixture.trackingNumbers, fetchedAt })
      .find((outcome) => !outcome.ok);
    if (failed) throw new Error(`${benchmark.carrierName} ${fixture.name} did not normalise: ${failed.error?.message}`);
  }
  const kilobytes = fixtures.reduce((total, fixture) => total + fixture.text.length, 0) / 1024;
  console.log(
    `${benchmark.carrierName}: ${fixtures.length} success fixtures, ${kilobytes.toFixed(1)} KiB of ${format.extension.slice(1).toUpperCase()}`,
  );

  const parseAll = () => {
    let sink = 0;
    for (const fixture of fixtures) sink += format.parse(fixture.text) ? 1 : 0;
    return sink;
  };
  const normaliseAll = (parse: boolean) => () => {
    let sink = 0;
    for (const fixture of fixtures) {
      const body = parse ? format.parse(fixture.text) : fixture.body;
      sink += benchmark.normalise({ httpStatus: 200, body, trackingNumbers: fixture.trackingNumbers, fetchedAt }).length;
    }
    return sink;
  };

  await compareAgainstBaseline({
    title: `${benchmark.carrierName} normalising (bodies already parsed) against ${format.name} of the same bodies`,
    baseline: { name: `${format.name} (all fixtures)`, run: parseAll },
    candidate: { name: 'normalise (all fixtures)', run: normaliseAll(false) },
    maxCostRatio: benchmark.maxCostRatio ?? 3,
    timeMs: 1_500,
  });
  await compareAgainstBaseline({
    title: `${benchmark.carrierName} end to end: ${format.name} + normalise against ${format.name} alone (no goal)`,
    baseline: { name: `${format.name} (all fixtures)`, run: parseAll },
    candidate: { name: `${format.name} + normalise`, run: normaliseAll(true) },
    timeMs: 1_500,
  });
}
