import { readFileSync, readdirSync } from 'node:fs';
import { parseAusPostTrackResponse } from '@wismo/carrier-auspost';
import { parseBpostTrackingResponse } from '@wismo/carrier-bpost';
import { readBpostBody } from '@wismo/carrier-bpost/internal';
import { parseDhlTrackResponse } from '@wismo/carrier-dhl';
import { parseDhlParcelDeResponse } from '@wismo/carrier-dhlparcelde';
import { readDhlParcelDeBody } from '@wismo/carrier-dhlparcelde/internal';
import { parseDpdTrackingResponse } from '@wismo/carrier-dpd';
import { readDpdBody } from '@wismo/carrier-dpd/internal';
import { parseCanadaPostTrackResponse } from '@wismo/carrier-canadapost';
import { readCanadaPostBody } from '@wismo/carrier-canadapost/internal';
import { parseFedexTrackResponse } from '@wismo/carrier-fedex';
import { parseGlsTrackResponse } from '@wismo/carrier-gls';
import { parseHermesShipmentInfo } from '@wismo/carrier-hermes';
import { parseLaposteTrackResponse } from '@wismo/carrier-laposte';
import { parsePostnlStatusResponse } from '@wismo/carrier-postnl';
import { parseRoyalMailEventsResponse, parseRoyalMailSummaryResponse } from '@wismo/carrier-royalmail';
import { parseUpsTrackResponse } from '@wismo/carrier-ups';
import { parseUspsTrackResponse } from '@wismo/carrier-usps';
import {
  SUBSTATUSES,
  TRACKING_ERROR_CODES,
  WismoError,
  shipmentSchema,
  type CarrierTime,
  type HttpResponse,
  type Shipment,
  type TrackOutcome,
} from '@wismo/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutation, mutationArbitrary, type Mutation } from './json-mutations';
import { applyTextMutation, mutateXmlTree, textMutationArbitrary, xmlText, xmlTree, type TextMutation } from './xml-mutations';

/**
 * Every carrier parser, fed mutated copies of its own recorded and composed responses, keeps its promises: one
 * outcome per requested number, each a valid `Shipment` or a typed `WismoError`; honest times (an instant always has
 * its offset); unmapped events are `unknown`. XML and SOAP carriers get their body as text, mutated as a tree and as
 * text (`xml-mutations.ts`), and read it through their adapter's `readBody`. `pnpm test` runs a few hundred seeded
 * inputs per carrier (100 per XML carrier); `pnpm fuzz` (FUZZ_RUNS=10000) runs more and the counts it prints go into
 * the closing note.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
/** XML inputs cost a tree round trip and a validator pass each: fewer of them in `pnpm test`, as many as asked otherwise. */
const XML_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** The work budget of one input: its JSON text is at most this long (mutations are dropped until it fits). */
const MAX_BODY_CHARACTERS = 2_000_000;
const FETCHED_AT = new Date('2026-01-15T12:00:00Z');

interface ParseInput {
  httpStatus: number;
  body: unknown;
  trackingNumbers: readonly string[];
  fetchedAt: Date;
}

interface FuzzedCarrier {
  id: string;
  /** The suite's name, where one carrier has two parsers; the id otherwise. */
  name?: string;
  /** XML carriers get their body as text (`ParseInput.body` is a string) and read it as their adapter does. */
  format?: 'json' | 'xml';
  /** Inputs per run, where the default is too slow for `pnpm test`. */
  runs?: number;
  parse: (input: ParseInput) => readonly TrackOutcome[];
  fixtures: string;
  /** The numbers a body answers for (for XML, its tree with attributes as `@_name`), so that mutations reach the shipment paths. */
  numbersOf: (body: unknown) => string[];
}

type Loose = Record<string, unknown> | undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (values: unknown[]): string[] => values.filter((value): value is string => typeof value === 'string' && value !== '');

/** The string values of the named keys anywhere in a body (depth-limited), once each. */
function stringsUnder(body: unknown, keys: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 12) return;
    for (const [key, value] of Object.entries(node)) {
      if (keys.includes(key) && typeof value === 'string' && value.trim() !== '') found.add(value.trim());
      else visit(value, depth + 1);
    }
  };
  visit(body, 0);
  return [...found];
}

/**
 * What the adapter does with an XML response: `readBody` turns the text into a tree (or throws a typed error, which
 * `defineCarrier` answers for every number), then the pure parser reads the tree. Anything else thrown stays a throw,
 * so the fuzz sees it.
 */
function throughReadBody(
  readBody: (response: HttpResponse) => unknown,
  parse: (input: ParseInput) => readonly TrackOutcome[],
): FuzzedCarrier['parse'] {
  return (input) => {
    let body: unknown;
    try {
      body = readBody({
        status: input.httpStatus,
        headers: { 'content-type': 'application/xml' },
        body: String(input.body),
        url: 'https://carrier.invalid/track',
      });
    } catch (error) {
      if (!WismoError.isInstance(error)) throw error;
      return input.trackingNumbers.map((trackingNumber) => ({
        trackingNumber,
        ok: false as const,
        error: error.forTrackingNumber(trackingNumber),
      }));
    }
    return parse({ ...input, body });
  };
}

const CARRIERS: FuzzedCarrier[] = [
  {
    id: 'ups',
    parse: parseUpsTrackResponse,
    fixtures: '../../packages/carrier-ups/src/__fixtures__/',
    numbersOf: (body) =>
      strings(asArray(((body as Loose)?.trackResponse as Loose)?.shipment).map((shipment) => (shipment as Loose)?.inquiryNumber)),
  },
  {
    id: 'fedex',
    parse: parseFedexTrackResponse,
    fixtures: '../../packages/carrier-fedex/src/__fixtures__/',
    numbersOf: (body) =>
      strings(asArray(((body as Loose)?.output as Loose)?.completeTrackResults).map((result) => (result as Loose)?.trackingNumber)),
  },
  {
    id: 'usps',
    parse: parseUspsTrackResponse,
    fixtures: '../../packages/carrier-usps/src/__fixtures__/',
    numbersOf: (body) => strings([(body as Loose)?.trackingNumber]),
  },
  {
    id: 'dhl',
    parse: parseDhlTrackResponse,
    fixtures: '../../packages/carrier-dhl/src/__fixtures__/',
    numbersOf: (body) =>
      asArray((body as Loose)?.shipments)
        .map((shipment) => String((shipment as Loose)?.id ?? ''))
        .filter(Boolean),
  },
  {
    id: 'gls',
    parse: parseGlsTrackResponse,
    fixtures: '../../packages/carrier-gls/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['requested']),
  },
  {
    id: 'postnl',
    parse: parsePostnlStatusResponse,
    fixtures: '../../packages/carrier-postnl/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['Barcode']),
  },
  {
    id: 'laposte',
    parse: parseLaposteTrackResponse,
    fixtures: '../../packages/carrier-laposte/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['idShip']),
  },
  {
    id: 'hermes',
    parse: parseHermesShipmentInfo,
    fixtures: '../../packages/carrier-hermes/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['shipmentID']),
  },
  // Royal Mail's two endpoints (events of one item, summaries of many) get the same fixtures: each must answer the other's shape too.
  {
    id: 'royalmail',
    name: 'royalmail events',
    parse: parseRoyalMailEventsResponse,
    fixtures: '../../packages/carrier-royalmail/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['mailPieceId']),
  },
  {
    id: 'royalmail',
    name: 'royalmail summary',
    parse: parseRoyalMailSummaryResponse,
    fixtures: '../../packages/carrier-royalmail/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['mailPieceId']),
  },
  {
    id: 'auspost',
    parse: parseAusPostTrackResponse,
    fixtures: '../../packages/carrier-auspost/src/__fixtures__/',
    numbersOf: (body) => stringsUnder(body, ['tracking_id']),
  },
  {
    id: 'dpd',
    format: 'xml',
    parse: throughReadBody(readDpdBody, parseDpdTrackingResponse),
    fixtures: '../../packages/carrier-dpd/src/__fixtures__/',
    // DPD answers one parcel per request and does not repeat its number: the fallback number stands in.
    numbersOf: () => [],
  },
  {
    id: 'bpost',
    format: 'xml',
    parse: throughReadBody(readBpostBody, parseBpostTrackingResponse),
    fixtures: '../../packages/carrier-bpost/src/__fixtures__/',
    numbersOf: (tree) => stringsUnder(tree, ['itemCode']),
  },
  {
    id: 'dhlparcelde',
    format: 'xml',
    parse: throughReadBody(readDhlParcelDeBody, parseDhlParcelDeResponse),
    fixtures: '../../packages/carrier-dhlparcelde/src/__fixtures__/',
    numbersOf: (tree) => stringsUnder(tree, ['@_piece-code']),
  },
  // This suite found that an element named `<prototype>` made `readCanadaPostBody` throw a plain Error; it is typed now.
  {
    id: 'canadapost',
    format: 'xml',
    parse: throughReadBody(readCanadaPostBody, parseCanadaPostTrackResponse),
    fixtures: '../../packages/carrier-canadapost/src/__fixtures__/',
    numbersOf: (tree) => stringsUnder(tree, ['pin']),
  },
];

interface Fixture {
  name: string;
  /** The parsed JSON body, or the XML text. */
  body: unknown;
  httpStatus: number;
  numbers: string[];
}

function loadFixtures(carrier: FuzzedCarrier): Fixture[] {
  const directory = new URL(carrier.fixtures, import.meta.url);
  const xml = carrier.format === 'xml';
  return readdirSync(directory)
    .filter((name) => name.endsWith(xml ? '.xml' : '.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, directory), 'utf8');
      const body = xml ? text : (JSON.parse(text) as unknown);
      // Error fixtures name their status (`error-404-…`, `composed-oauth-401-…`); the rest answered 200.
      const status = /(?:^|-)([45]\d\d)(?:-|\.)/.exec(name);
      const numbers = carrier.numbersOf(xml ? xmlTree(text) : body);
      return { name, body, httpStatus: status ? Number(status[1]) : 200, numbers: numbers.length > 0 ? numbers : ['1Z999AA10123456784'] };
    });
}

const STATUSES = [200, 201, 204, 206, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504];

interface Recipe {
  fixture: number;
  mutations: Mutation[];
  /** null keeps the fixture's own status. */
  httpStatus: number | null;
  numbers: 'fixture' | 'other' | 'two' | 'respelled' | 'duplicated';
}

const recipeArbitrary: fc.Arbitrary<Recipe> = fc.record({
  fixture: fc.nat(),
  mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }),
  // Mostly the fixture's own status; one input in five gets another.
  httpStatus: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...STATUSES), weight: 1 }),
  numbers: fc.constantFrom('fixture', 'fixture', 'fixture', 'other', 'two', 'respelled', 'duplicated'),
});

interface XmlRecipe extends Recipe {
  /** Applied to the text after the tree mutations. */
  textMutations: TextMutation[];
}

const xmlRecipeArbitrary: fc.Arbitrary<XmlRecipe> = fc.record({
  fixture: fc.nat(),
  // Tree mutations may be none: then the text mutations meet the fixture as recorded.
  mutations: fc.array(mutationArbitrary, { minLength: 0, maxLength: 4 }),
  httpStatus: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...STATUSES), weight: 1 }),
  numbers: fc.constantFrom('fixture', 'fixture', 'fixture', 'other', 'two', 'respelled', 'duplicated'),
  // One input in three keeps well-formed XML so that the tree mutations reach the parser.
  textMutations: fc.oneof(
    { arbitrary: fc.constant<TextMutation[]>([]), weight: 1 },
    { arbitrary: fc.array(textMutationArbitrary, { minLength: 1, maxLength: 2 }), weight: 2 },
  ),
});

function numbersFor(recipe: Recipe, fixture: Fixture): string[] {
  const [first] = fixture.numbers;
  switch (recipe.numbers) {
    case 'fixture':
      return fixture.numbers;
    case 'other':
      return ['ZZ0000000000000000'];
    case 'two':
      return [...fixture.numbers, 'ZZ0000000000000001'];
    case 'respelled':
      return [` ${first!.toLowerCase().split('').join(' ')} `];
    case 'duplicated':
      return [first!, first!];
  }
}

interface FuzzInput {
  fixture: string;
  applied: string[];
  input: ParseInput;
}

/** The body as JSON, or null when it nests too deeply to write. */
function jsonText(body: unknown): string | null {
  try {
    return JSON.stringify(body) ?? 'null';
  } catch {
    return null;
  }
}

/**
 * The recipe applied to a copy of its fixture, as JSON text and back (what a parser really receives). A mutation
 * that would take the text over the budget is skipped, so every input fits the budget.
 */
function build(recipe: Recipe, fixtures: Fixture[]): FuzzInput {
  const fixture = fixtures[recipe.fixture % fixtures.length]!;
  let text = jsonText(fixture.body)!;
  const applied: string[] = [];
  for (const mutation of recipe.mutations) {
    const result = applyMutation(JSON.parse(text), mutation);
    const next = jsonText(result.body);
    if (next === null || next.length > MAX_BODY_CHARACTERS) continue;
    text = next;
    applied.push(`${mutation.kind} at ${result.where}`);
  }
  return {
    fixture: fixture.name,
    applied,
    input: {
      httpStatus: recipe.httpStatus ?? fixture.httpStatus,
      body: JSON.parse(text),
      trackingNumbers: numbersFor(recipe, fixture),
      fetchedAt: FETCHED_AT,
    },
  };
}

/** The XML recipe applied to its fixture's text: tree mutations through fast-xml-parser, then text mutations, within the budget. */
function buildXml(recipe: XmlRecipe, fixtures: Fixture[]): FuzzInput {
  const fixture = fixtures[recipe.fixture % fixtures.length]!;
  let text = fixture.body as string;
  const applied: string[] = [];
  for (const mutation of recipe.mutations) {
    const result = mutateXmlTree(text, mutation);
    if (result === null || result.text.length > MAX_BODY_CHARACTERS) continue;
    text = result.text;
    applied.push(`${mutation.kind} at ${result.where}`);
  }
  for (const mutation of recipe.textMutations) {
    const result = applyTextMutation(text, mutation, MAX_BODY_CHARACTERS);
    if (result.text.length > MAX_BODY_CHARACTERS) continue;
    text = result.text;
    applied.push(result.what);
  }
  return {
    fixture: fixture.name,
    applied,
    input: {
      httpStatus: recipe.httpStatus ?? fixture.httpStatus,
      body: text,
      trackingNumbers: numbersFor(recipe, fixture),
      fetchedAt: FETCHED_AT,
    },
  };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function timeProblems(label: string, time: CarrierTime | null): string[] {
  if (!time) return [];
  if (time.timeKind === 'instant') {
    if (!time.occurredAt || !INSTANT.test(time.occurredAt) || Number.isNaN(Date.parse(time.occurredAt)))
      return [`${label}: instant without a valid offset: ${time.occurredAt}`];
    if (time.localTime !== null && !LOCAL.test(time.localTime)) return [`${label}: instant with local time ${time.localTime}`];
    return [];
  }
  if (time.occurredAt !== null) return [`${label}: ${time.timeKind} time with occurredAt ${time.occurredAt}`];
  if (time.timeKind === 'local' && (time.localTime === null || !LOCAL.test(time.localTime)))
    return [`${label}: local time ${time.localTime}`];
  if (time.timeKind === 'date' && time.localTime !== null && !DATE.test(time.localTime)) return [`${label}: date ${time.localTime}`];
  return [];
}

/** What a value read through `Object.prototype` looks like once written out (`{}.constructor.name` is "Object"). */
const PROTOTYPE_LEAK = /"(?:Object|Function)"|\[native code\]/;

function shipmentProblems(carrierId: string, shipment: Shipment, inputText = ''): string[] {
  const parsed = shipmentSchema.safeParse(shipment);
  if (!parsed.success)
    return [
      `not a valid Shipment: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    ];
  const problems: string[] = [];
  const leak = PROTOTYPE_LEAK.exec(JSON.stringify({ ...shipment, raw: undefined }));
  if (leak && !inputText.includes(leak[0])) problems.push(`a value read through Object.prototype: ${leak[0]}`);
  if (shipment.carrier !== carrierId) problems.push(`carrier ${shipment.carrier}`);
  if (SUBSTATUSES[shipment.substatus].status !== shipment.status) problems.push(`shipment ${shipment.status}/${shipment.substatus}`);
  problems.push(...timeProblems('statusSince', shipment.statusSince), ...timeProblems('deliveredAt', shipment.deliveredAt));
  shipment.events.forEach((event, index) => {
    problems.push(...timeProblems(`events.${index}`, event));
    if (SUBSTATUSES[event.substatus].status !== event.status) problems.push(`events.${index}: ${event.status}/${event.substatus}`);
    if (event.unmapped && event.status !== 'unknown') problems.push(`events.${index}: unmapped but ${event.status}`);
  });
  const estimate = shipment.estimatedDelivery;
  if (estimate) {
    const shape = estimate.timeKind === 'instant' ? INSTANT : estimate.timeKind === 'local' ? LOCAL : DATE;
    for (const end of [estimate.from, estimate.to])
      if (end !== null && !shape.test(end)) problems.push(`estimatedDelivery (${estimate.timeKind}): ${end}`);
  }
  return problems;
}

interface Counts {
  inputs: number;
  shipments: number;
  errors: Record<string, number>;
  failures: number;
}

/** What is wrong with the outcomes of one input (empty when the parser kept every promise). */
function check(carrier: FuzzedCarrier, input: ParseInput, counts: Counts): string[] {
  let outcomes: readonly TrackOutcome[];
  try {
    outcomes = carrier.parse(input);
  } catch (error) {
    return [`threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}`];
  }
  if (outcomes.length !== input.trackingNumbers.length) return [`${outcomes.length} outcomes for ${input.trackingNumbers.length} numbers`];
  const problems: string[] = [];
  // An XML text's values stand between `>` and `<`: written as quotes, a value the carrier really sent is not taken for a leak.
  const inputText = typeof input.body === 'string' ? input.body.replace(/[<>]/g, '"') : JSON.stringify(input.body);
  outcomes.forEach((outcome, index) => {
    if (outcome.trackingNumber !== input.trackingNumbers[index]) problems.push(`outcome ${index} is for ${outcome.trackingNumber}`);
    if (outcome.ok) {
      counts.shipments++;
      problems.push(...shipmentProblems(carrier.id, outcome.shipment, inputText));
      return;
    }
    const error = outcome.error as unknown;
    if (!WismoError.isInstance(error)) return problems.push(`outcome ${index}: not a WismoError: ${String(error)}`);
    counts.errors[error.code] = (counts.errors[error.code] ?? 0) + 1;
    if (!(TRACKING_ERROR_CODES as readonly string[]).includes(error.code)) problems.push(`outcome ${index}: code ${error.code}`);
    if (typeof error.message !== 'string' || error.message.trim() === '') problems.push(`outcome ${index}: no message`);
    if (error.carrierId !== carrier.id) problems.push(`outcome ${index}: carrierId ${error.carrierId}`);
  });
  return problems;
}

function report(carrierId: string, counts: Counts): string {
  const errors = Object.entries(counts.errors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  return `fuzz ${carrierId}: ${counts.inputs} inputs (seed ${SEED}), ${counts.shipments} valid shipments, typed errors: ${errors || 'none'}; ${counts.failures} failures`;
}

describe.each(
  CARRIERS.map((carrier) => ({
    ...carrier,
    name: carrier.name ?? carrier.id,
    runs: carrier.runs ?? (carrier.format === 'xml' ? XML_RUNS : RUNS),
  })),
)('$name parser, fed mutated fixtures', (carrier) => {
  it(
    `returns a valid Shipment or a typed WismoError for each of ${carrier.runs} inputs`,
    () => {
      const fixtures = loadFixtures(carrier);
      expect(fixtures.length).toBeGreaterThan(0);
      const xml = carrier.format === 'xml';
      const recipes: Recipe[] = fc.sample(xml ? xmlRecipeArbitrary : recipeArbitrary, {
        numRuns: carrier.runs,
        seed: SEED + carrier.name.length,
      });
      const counts: Counts = { inputs: 0, shipments: 0, errors: {}, failures: 0 };
      const failures: string[] = [];
      // Printed only, never asserted: it points at the input to look at when a run gets slow.
      let slowest = { ms: 0, input: '' };
      for (const recipe of recipes) {
        const fuzzed = xml ? buildXml(recipe as XmlRecipe, fixtures) : build(recipe, fixtures);
        counts.inputs++;
        const started = performance.now();
        const problems = check(carrier, fuzzed.input, counts);
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, input: `${fuzzed.fixture} [${fuzzed.applied.join('; ')}]` };
        if (problems.length === 0) continue;
        counts.failures++;
        if (failures.length < 8) {
          failures.push(
            `${fuzzed.fixture} [${fuzzed.applied.join('; ')}] HTTP ${fuzzed.input.httpStatus} ${JSON.stringify(fuzzed.input.trackingNumbers)}: ${problems.slice(0, 3).join(' | ')}`,
          );
        }
      }
      process.stdout.write(
        `${report(carrier.name, counts)}\n  slowest input: ${slowest.ms.toFixed(0)} ms, ${slowest.input.slice(0, 300)}\n`,
      );
      expect(failures).toEqual([]);
    },
    Math.max(60_000, carrier.runs * 100),
  );
});

describe('the fuzz checks themselves', () => {
  const fixture = { name: 'fixture.json', body: {}, httpStatus: 200, numbers: ['N1'] };
  const counts = (): Counts => ({ inputs: 0, shipments: 0, errors: {}, failures: 0 });
  const input: ParseInput = { httpStatus: 200, body: {}, trackingNumbers: ['N1'], fetchedAt: FETCHED_AT };
  const [goodShipment] = parseDhlTrackResponse({
    ...input,
    body: { shipments: [{ id: 'N1', events: [{ timestamp: '2024-05-01T10:00:00+02:00', statusCode: 'transit' }] }] },
  });

  it('catch a parser that throws, answers untyped errors, or loses a number', () => {
    const carrier = (parse: FuzzedCarrier['parse']): FuzzedCarrier => ({ id: 'dhl', parse, fixtures: '', numbersOf: () => [] });
    expect(
      check(
        carrier(() => {
          throw new TypeError('boom');
        }),
        input,
        counts(),
      )[0],
    ).toMatch(/^threw TypeError/);
    expect(
      check(
        carrier(() => [{ trackingNumber: 'N1', ok: false, error: new Error('plain') as WismoError }]),
        input,
        counts(),
      )[0],
    ).toMatch(/not a WismoError/);
    expect(
      check(
        carrier(() => []),
        input,
        counts(),
      )[0],
    ).toMatch(/0 outcomes for 1 numbers/);
    expect(
      check(
        carrier(() => [goodShipment!]),
        input,
        counts(),
      ),
    ).toEqual([]);
    expect(numbersFor({ fixture: 0, mutations: [], httpStatus: null, numbers: 'duplicated' }, fixture)).toEqual(['N1', 'N1']);
  });

  it('catch an instant without an offset, a local time stamped Z, and an unmapped event with a status', () => {
    const shipment = structuredClone(goodShipment!.shipment!);
    shipment.events[0] = { ...shipment.events[0]!, occurredAt: '2024-05-01T10:00:00' };
    expect(shipmentProblems('dhl', shipment)).toEqual(['events.0: instant without a valid offset: 2024-05-01T10:00:00']);
    shipment.events[0] = { ...shipment.events[0]!, timeKind: 'local', occurredAt: null, localTime: '2024-05-01T10:00:00Z' };
    expect(shipmentProblems('dhl', shipment)).toEqual(['events.0: local time 2024-05-01T10:00:00Z']);
    shipment.events[0] = { ...goodShipment!.shipment!.events[0]!, unmapped: true };
    expect(shipmentProblems('dhl', shipment)).toEqual(['events.0: unmapped but in_transit']);
  });
});

describe('the XML path', () => {
  const dpd = CARRIERS.find((carrier) => carrier.id === 'dpd')!;
  const text = readFileSync(new URL('../../packages/carrier-dpd/src/__fixtures__/composed-delivered.xml', import.meta.url), 'utf8');
  const input = (body: string): ParseInput => ({ httpStatus: 200, body, trackingNumbers: ['N1', 'N2'], fetchedAt: FETCHED_AT });

  it('keeps a fixture a shipment through the tree round trip, so tree mutations reach the parser', () => {
    const roundTripped = xmlText(xmlTree(text))!;
    expect(roundTripped).not.toBe(text);
    const outcomes = dpd.parse(input(roundTripped));
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(outcomes[0]!.shipment!.status).toBe(dpd.parse(input(text))[0]!.shipment!.status);
  });

  it("answers readBody's typed refusal for every number and lets anything else throw, for check to catch", () => {
    const truncated = applyTextMutation(text, { kind: 'truncate', at: 200, pick: 0, size: 1 }, MAX_BODY_CHARACTERS).text;
    expect(dpd.parse(input(truncated)).map((outcome) => outcome.error?.code)).toEqual(['bad_response', 'bad_response']);
    const untyped = throughReadBody(() => JSON.parse('<'), parseDpdTrackingResponse);
    expect(check({ ...dpd, parse: untyped }, input(text), { inputs: 0, shipments: 0, errors: {}, failures: 0 })[0]).toMatch(
      /^threw SyntaxError/,
    );
  });
});

describe('the prototype-leak check', () => {
  it('flags a carrier name that came from Object.prototype, not from the carrier', () => {
    const [outcome] = parseDhlTrackResponse({
      httpStatus: 200,
      body: { shipments: [{ id: 'N1', events: [] }] },
      trackingNumbers: ['N1'],
      fetchedAt: FETCHED_AT,
    });
    const shipment = {
      ...outcome!.shipment!,
      legs: [{ carrier: 'constructor', carrierName: 'Object', trackingNumber: null, role: 'last_mile' as const }],
    };
    expect(shipmentProblems('dhl', shipment, '{"destinationProvider":"constructor"}')).toEqual([
      'a value read through Object.prototype: "Object"',
    ]);
    expect(shipmentProblems('dhl', shipment, '{"destinationProvider":"Object"}')).toEqual([]);
  });
});
