import { readFileSync, readdirSync } from 'node:fs';
import { dhlParcelDeXmlParser, readDhlParcelDeBody } from '../../packages/carrier-dhlparcelde/src/dhl-parcel-de-api';
import { parseDhlParcelDeResponse } from '../../packages/carrier-dhlparcelde/src/parse-dhl-parcel-de-response';
import { compareAgainstBaseline } from './compare';

const fetchedAt = new Date('2026-01-15T12:00:00Z');
const fixturesDirectory = new URL('../../packages/carrier-dhlparcelde/src/__fixtures__/', import.meta.url);
const PIECE_CODE = /piece-code="(\d+)"/g;

/**
 * The goal for the XML carriers: normalising a parsed body costs at most 2× fast-xml-parser's parse of
 * the same body. Measured on every successful `d-get-piece-detail` fixture (recorded and composed), in one run.
 */
export default async function runDhlParcelDeNormalisingBenchmark(): Promise<void> {
  const fixtures = readdirSync(fixturesDirectory)
    .filter((name) => name.endsWith('.xml') && !name.includes('error') && !name.includes('signature'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, fixturesDirectory), 'utf8');
      const body = readDhlParcelDeBody({ status: 200, headers: {}, body: text, url: 'https://bench.test' });
      // The pieces' own codes (`searched-piece-code` repeats them): the numbers each body answers.
      const trackingNumbers = [...new Set([...text.matchAll(PIECE_CODE)].map((match) => match[1]!))];
      return { name, text, body, trackingNumbers };
    });
  for (const fixture of fixtures) {
    const failed = parseDhlParcelDeResponse({
      httpStatus: 200,
      body: fixture.body,
      trackingNumbers: fixture.trackingNumbers,
      fetchedAt,
    }).find((outcome) => !outcome.ok);
    if (failed) throw new Error(`DHL Parcel DE ${fixture.name} did not normalise: ${failed.error?.message}`);
  }
  const kilobytes = fixtures.reduce((total, fixture) => total + fixture.text.length, 0) / 1024;
  console.log(`DHL Parcel DE: ${fixtures.length} success fixtures, ${kilobytes.toFixed(1)} KiB of XML`);

  const parseAll = () => {
    let sink = 0;
    for (const fixture of fixtures) sink += dhlParcelDeXmlParser.parse(fixture.text) ? 1 : 0;
    return sink;
  };
  const normaliseAll = (parse: boolean) => () => {
    let sink = 0;
    for (const fixture of fixtures) {
      const body = parse ? readDhlParcelDeBody({ status: 200, headers: {}, body: fixture.text, url: 'https://bench.test' }) : fixture.body;
      sink += parseDhlParcelDeResponse({ httpStatus: 200, body, trackingNumbers: fixture.trackingNumbers, fetchedAt }).length;
    }
    return sink;
  };

  await compareAgainstBaseline({
    title: 'DHL Parcel DE normalising (bodies already parsed) against fast-xml-parser parse of the same bodies',
    baseline: { name: 'XMLParser.parse (all fixtures)', run: parseAll },
    candidate: { name: 'normalise (all fixtures)', run: normaliseAll(false) },
    maxCostRatio: 2,
    timeMs: 1_500,
  });
  await compareAgainstBaseline({
    title: 'DHL Parcel DE end to end: validate + parse XML + normalise against XMLParser.parse alone (no goal)',
    baseline: { name: 'XMLParser.parse (all fixtures)', run: parseAll },
    candidate: { name: 'readBody + normalise', run: normaliseAll(true) },
    timeMs: 1_500,
  });
}
