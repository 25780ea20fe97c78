import { describe, expect, it } from 'vitest';
import { carrierIdForCourierCode, s10CarrierId } from './carrier-ids';
import { compileFormats } from './compile-formats';
import { createCarrierDetector, detectCarrier, getDefaultCarrierDetector, type DetectionCandidate } from './detect-carrier';
import { normaliseTrackingNumber } from './normalise-tracking-number';
import { TRACKING_NUMBER_DATA } from './tracking-number-data';
import type { CourierDefinition, TrackingNumberDefinition } from './tracking-number-definition';
import { WISMO_FORMATS } from './wismo-formats';

/**
 * Data-driven checks over every format of the open data and of wismo's own formats, modelled on the
 * data's own spec (`spec/implementation_spec.rb`). "Detected" means: a candidate of the number's own
 * format is returned, with a verified check digit when the format has one, for the expected carrier;
 * and it is the top candidate whenever no other carrier matches the number. Numbers that more than one
 * carrier matches are pinned, ranking and all, by the collision report (collisions.test.ts).
 */

const ALL_COURIERS: readonly CourierDefinition[] = [...TRACKING_NUMBER_DATA, ...WISMO_FORMATS];

interface FormatCase {
  courier: CourierDefinition;
  definition: TrackingNumberDefinition;
  label: string;
}

const FORMATS: FormatCase[] = ALL_COURIERS.flatMap((courier) =>
  courier.tracking_numbers.map((definition) => ({
    courier,
    definition,
    label: `${courier.courier_code}/${definition.id ?? definition.name}`,
  })),
);

function hasChecksum(definition: TrackingNumberDefinition): boolean {
  return definition.validation?.checksum !== undefined;
}

function isOwnFormat(candidate: DetectionCandidate, definition: TrackingNumberDefinition): boolean {
  return candidate.format === definition.name && candidate.formatId === (definition.id ?? null);
}

function expectedCarrier(courier: CourierDefinition, number: string): string {
  const normalised = normaliseTrackingNumber(number);
  return courier.courier_code === 's10' ? s10CarrierId(normalised.slice(-2)) : carrierIdForCourierCode(courier.courier_code);
}

const VALID = FORMATS.flatMap(({ courier, definition, label }) =>
  (definition.test_numbers?.valid ?? []).map((number) => ({ courier, definition, label, number })),
);
const INVALID = FORMATS.flatMap(({ definition, label }) =>
  (definition.test_numbers?.invalid ?? []).map((number) => ({ definition, label, number })),
);

describe('every valid test number is detected as its courier', () => {
  it('has test numbers for every format', () => {
    for (const { label, definition } of FORMATS) expect(definition.test_numbers?.valid?.length, label).toBeGreaterThan(0);
    expect(VALID.length).toBeGreaterThan(150);
  });

  it.each(VALID.map((testCase) => [testCase.label, testCase.number, testCase] as const))(
    '%s %j',
    (_label, number, { courier, definition }) => {
      const candidates = detectCarrier(number);
      const own = candidates.find((candidate) => isOwnFormat(candidate, definition));
      expect(own, `no candidate of its own format among ${JSON.stringify(candidates)}`).toBeDefined();
      expect(own?.confidence).toBe(hasChecksum(definition) ? 'checksum' : 'pattern');
      expect(own?.carrier).toBe(expectedCarrier(courier, number));
      expect(own?.trackingNumber).toBe(normaliseTrackingNumber(number));
      if (new Set(candidates.map((candidate) => candidate.carrier)).size === 1) expect(candidates[0]).toBe(own);
    },
  );
});

describe('every invalid test number is rejected for its format', () => {
  it.each(INVALID.map((testCase) => [testCase.label, testCase.number, testCase.definition] as const))(
    '%s %j',
    (_label, number, definition) => {
      expect(detectCarrier(number).filter((candidate) => isOwnFormat(candidate, definition))).toEqual([]);
    },
  );
});

describe('changing the check digit of a valid number rejects it for that format', () => {
  const formatsById = new Map(getDefaultCarrierDetector().formats.map((format) => [format.definition, format]));
  const cases = VALID.filter(({ definition }) => hasChecksum(definition));

  it.each(cases.map((testCase) => [testCase.label, testCase.number, testCase.definition] as const))(
    '%s %j',
    (_label, number, definition) => {
      const format = formatsById.get(definition);
      const normalised = normaliseTrackingNumber(number);
      const match = new RegExp(format?.regex.source ?? '(?!)', 'd').exec(normalised);
      const [start, end] = match?.indices?.groups?.CheckDigit ?? [];
      expect(start).toBeDefined();
      const alphabet = definition.validation?.checksum?.name === 'mod_37_36' ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789';
      const original = normalised.slice(start, end);
      for (const replacement of alphabet) {
        if (replacement === original) continue;
        const mutated = normalised.slice(0, start) + replacement + normalised.slice(end);
        expect(
          detectCarrier(mutated).filter((candidate) => isOwnFormat(candidate, definition)),
          mutated,
        ).toEqual([]);
      }
    },
  );
});

describe('spacing, dashes, dots and lower case do not change the result', () => {
  it.each(VALID.map(({ label, number }) => [label, number] as const))('%s %j', (_label, number) => {
    const normalised = normaliseTrackingNumber(number);
    const expected = detectCarrier(normalised);
    expect(expected.length).toBeGreaterThan(0);
    for (const variant of [
      normalised.toLowerCase(),
      normalised.replace(/(.{4})/g, '$1 '),
      normalised.replace(/(.{3})/g, '$1-'),
      ` ${normalised.replace(/(.{5})/g, '$1.')}\t`,
    ]) {
      expect(detectCarrier(variant)).toEqual(expected);
    }
  });
});

describe('detectCarrier', () => {
  it('describes a match completely', () => {
    expect(detectCarrier('1z 879e 9303 4683 4440')).toEqual([
      {
        carrier: 'ups',
        carrierName: 'UPS',
        format: 'UPS',
        formatId: 'ups',
        service: 'UPS United States Ground',
        countryCode: null,
        trackingNumber: '1Z879E930346834440',
        confidence: 'checksum',
        trackingUrl: 'https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z879E930346834440',
        score: expect.any(Number),
      },
    ]);
  });

  it('returns [] when nothing matches', () => {
    expect(detectCarrier('')).toEqual([]);
    expect(detectCarrier('  - . ')).toEqual([]);
    expect(detectCarrier('hello world, not a number')).toEqual([]);
    expect(detectCarrier('1Z5R89390357567128')).toEqual([]);
  });

  it('names the issuing post of S10 numbers, and an upu-s10 id for posts wismo does not track', () => {
    expect(detectCarrier('RB123456785US')).toMatchObject([
      {
        carrier: 'usps',
        carrierName: 'United States Postal Service',
        countryCode: 'US',
        service: 'Letter Post Registered',
        trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=RB123456785US',
      },
    ]);
    expect(detectCarrier('RB123456785CV')).toMatchObject([
      { carrier: 'upu-s10:CV', carrierName: 'Correios de Cabo Verde', countryCode: 'CV' },
    ]);
    expect(detectCarrier('EW112720413FR')).toMatchObject([{ carrier: 'laposte', service: 'EMS' }]);
    // The Australia Post API example ET123456789AU has a placeholder serial: its check digit would be 5.
    expect(detectCarrier('ET123456789AU')).toEqual([]);
    expect(detectCarrier('ET123456785AU')).toMatchObject([{ carrier: 'auspost', carrierName: 'Australia Post' }]);
    // The data's Courier lookup must know the country: XX is no post.
    expect(detectCarrier('RB123456785XX')).toEqual([]);
  });

  it('reads service and country from the data lookups', () => {
    expect(detectCarrier('00 81827 0998 0000 0200 33 350 276 C')).toMatchObject([{ carrier: 'dpd', service: 'AM0', countryCode: 'DE' }]);
    // USPS service types are matched by `matches_regex` ("0[34]").
    expect(detectCarrier('0307 1790 0005 2348 3741')[0]).toMatchObject({ carrier: 'usps', service: 'Delivery Confirmation' });
  });

  it('keeps only the carriers asked for', () => {
    expect(detectCarrier('RB123456785US', { carriers: ['royalmail'] })).toEqual([]);
    expect(detectCarrier('RB123456785US', { carriers: ['usps', 'fedex'] })).toHaveLength(1);
    expect(detectCarrier('9261292700768711948021', { carriers: ['fedex'] })).toMatchObject([
      { carrier: 'fedex', formatId: 'fedex_smartpost_impb' },
    ]);
  });

  it('offers the partner of a shared number after the issuing carrier, without claiming its check digit', () => {
    const [usps, fedex, ...rest] = detectCarrier('9261292700768711948021');
    expect(rest).toEqual([]);
    expect(usps).toMatchObject({ carrier: 'usps', formatId: 'usps_impb_c', confidence: 'checksum' });
    expect(fedex).toMatchObject({
      carrier: 'fedex',
      formatId: 'fedex_smartpost_impb',
      confidence: 'pattern',
      trackingUrl: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=9261292700768711948021',
    });
    // Not every commercial IMpb number: service type 001 is not Parcel Select.
    expect(detectCarrier('9200190132607600833457').map((candidate) => candidate.carrier)).not.toContain('fedex');
  });

  it('ranks verified check digits first, then the more specific format', () => {
    // Hermes (14) verifies its check digit; DPD's bare parcel number (leading 0) and DHL E-Commerce (14) are patterns.
    expect(detectCarrier('09133131530724').map((candidate) => [candidate.carrier, candidate.confidence])).toEqual([
      ['hermes', 'checksum'],
      ['dpd', 'pattern'],
      ['dhl', 'pattern'],
    ]);
    // Both verify (an SSCC with AI 00 always passes the USPS 20 check too); the DHL prefix is more specific.
    expect(detectCarrier('00340434161094015902').map((candidate) => candidate.formatId)).toEqual(['dhl_paket_sscc_20', 'usps_20']);
  });

  it('returns candidates ordered by score', () => {
    for (const { number } of VALID) {
      const scores = detectCarrier(number).map((candidate) => candidate.score);
      expect(scores).toEqual([...scores].sort((left, right) => right - left));
    }
  });
});

describe('the data rules', () => {
  const courier = (definition: TrackingNumberDefinition): CourierDefinition => ({
    name: 'Test',
    courier_code: 'test',
    tracking_numbers: [definition],
  });
  const ontrac = TRACKING_NUMBER_DATA.find((entry) => entry.courier_code === 'ontrac')?.tracking_numbers[0] as TrackingNumberDefinition;

  it('rejects, never accepts, a format whose checksum it does not know', () => {
    const definition = { ...ontrac, validation: { checksum: { name: 'mod11_unknown' } } };
    expect(compileFormats([courier(definition)])[0]?.problems).toEqual([
      'unknown checksum "mod11_unknown": the format rejects every number',
    ]);
    expect(createCarrierDetector([courier(definition)]).detect('C11031500001879')).toEqual([]);
  });

  it('matches `validates_check_digit: false` formats on pattern only', () => {
    const definition = { ...ontrac, validation: { ...ontrac.validation, validates_check_digit: false } };
    const detector = createCarrierDetector([courier(definition)]);
    expect(detector.detect('C11031500001889')).toMatchObject([{ confidence: 'pattern' }]);
  });

  it('prepends `serial_number_format.prepend_if` content before the checksum', () => {
    const withoutPrepend = { ...ontrac, validation: { checksum: ontrac.validation?.checksum } };
    expect(createCarrierDetector([courier(ontrac)]).detect('C11031500001879')).toHaveLength(1);
    expect(createCarrierDetector([courier(withoutPrepend)]).detect('C11031500001879')).toEqual([]);
  });

  it('refuses a required lookup that is not defined', () => {
    const s10 = TRACKING_NUMBER_DATA.find((entry) => entry.courier_code === 's10')?.tracking_numbers[0] as TrackingNumberDefinition;
    const definition = { ...s10, additional: [] };
    expect(compileFormats([courier(definition)])[0]?.problems).toEqual(['required lookup "Courier" is not defined']);
  });

  it('refuses a regex that does not compile', () => {
    const problems = compileFormats([courier({ name: 'Broken', regex: ['(?<SerialNumber>[0-9]{3}', ''] })])[0]?.problems;
    expect(problems?.[0]).toMatch(/^regex does not compile/);
  });

  it('compiles the bundled data once, on first use, without problems', () => {
    const detector = getDefaultCarrierDetector();
    expect(getDefaultCarrierDetector()).toBe(detector);
    const all = compileFormats(ALL_COURIERS);
    expect(all.flatMap((format) => format.problems)).toEqual([]);
    expect(detector.formats).toHaveLength(all.length);
  });
});
