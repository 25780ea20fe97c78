import { describe, expect, it } from 'vitest';
import { detectCarrier } from './detect-carrier';
import { TRACKING_NUMBER_DATA } from './tracking-number-data';
import { WISMO_FORMATS } from './wismo-formats';

/**
 * The collision report: every valid test number (open data and wismo's formats) that more than one
 * carrier matches, with its full ranking ('carrier formatId (confidence)'). The list is exact in both
 * directions, so a new collision, a lost one or a changed order fails here and has to be reviewed.
 * Why each group collides is explained in docs/detection.md.
 */
const EXPECTED_COLLISIONS: Readonly<Record<string, readonly string[]>> = {
  '0073938000549297': ['canadapost canada_post (checksum)', 'hermes hermes_16 (pattern)'],
  '7035114477138472': ['canadapost canada_post (checksum)', 'hermes hermes_16 (pattern)'],
  '4002847016405018': ['canadapost canada_post (checksum)', 'hermes hermes_16 (pattern)'],
  '73891051146': ['dhl dhl_express (checksum)', 'gls gls_parcel_11 (pattern)'],
  '07209562763': ['olddominion Old Dominion (checksum)', 'gls gls_parcel_11 (pattern)'],
  ' 0 7 2 0 9 5 6 2 7 6 3 ': ['olddominion Old Dominion (checksum)', 'gls gls_parcel_11 (pattern)'],
  '77767553207': ['olddominion Old Dominion (checksum)', 'gls gls_parcel_11 (pattern)'],
  '77806528897': ['olddominion Old Dominion (checksum)', 'gls gls_parcel_11 (pattern)'],
  '78045768393': ['olddominion Old Dominion (checksum)', 'dhl dhl_express (checksum)', 'gls gls_parcel_11 (pattern)'],
  '80003280379': ['olddominion Old Dominion Guaranteed Shipment (checksum)', 'gls gls_parcel_11 (pattern)'],
  ' 8 0 0 0 3 2 8 0 3 7 9 ': ['olddominion Old Dominion Guaranteed Shipment (checksum)', 'gls gls_parcel_11 (pattern)'],
  '80993847369': ['olddominion Old Dominion Guaranteed Shipment (checksum)', 'gls gls_parcel_11 (pattern)'],
  '287809468872': ['purolator purolator_numeric (checksum)', 'fedex fedex_12 (checksum)'],
  '320610804900': ['purolator purolator_numeric (checksum)', 'fedex fedex_12 (checksum)'],
  '331434972567': ['purolator purolator_numeric (checksum)', 'dhl dhl_paket_12 (checksum)'],
  JFV247545960: ['dhl dhl_express_piece_id (pattern)', 'purolator purolator_alpha (pattern)'],
  '4201028200009261290113185417468510': [
    'usps usps_impb_c (checksum)',
    'fedex fedex_34 (checksum)',
    'fedex fedex_smartpost_impb (pattern)',
  ],
  ' 4 2 0 1 0 2 8 2 0 0 0 0 9 2 6 1 2 9 0 1 1 3 1 8 5 4 1 7 4 6 8 5 1 0 ': [
    'usps usps_impb_c (checksum)',
    'fedex fedex_34 (checksum)',
    'fedex fedex_smartpost_impb (pattern)',
  ],
  '9261292700768711948021': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420 11213 92 6129098349792366623 8': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '92 6129098349792366623 8': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420902459261290336128704042634': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420941179261290336128704062441': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420926029261290336128704067248': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420902729261290336128704124163': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420950549261290336128704133837': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420193809261290336128704280838': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '420900469261290336128704216936': ['usps usps_impb_c (checksum)', 'fedex fedex_smartpost_impb (pattern)'],
  '422490289601': ['fedex fedex_12 (checksum)', 'gls gls_parcel_12 (checksum)'],
  '201298452277': ['fedex fedex_12 (checksum)', 'gls gls_parcel_12 (checksum)', 'dhl dhl_paket_12 (checksum)'],
  '00340434161094015902': ['dhl dhl_paket_sscc_20 (checksum)', 'usps usps_20 (checksum)'],
  '00340433836442636597': ['dhl dhl_paket_sscc_20 (checksum)', 'usps usps_20 (checksum)'],
  '09133131530724': ['hermes hermes_14 (checksum)', 'dpd dpd_parcel_14 (pattern)', 'dhl dhl_ecommerce_14 (pattern)'],
  // DPD's bare parcel label number (no check character) is a 14-digit pattern, like DHL eCommerce's; its leading 0 ranks it first.
  '05308801410058': ['dpd dpd_parcel_14 (pattern)', 'dhl dhl_ecommerce_14 (pattern)'],
  // An eParcel article whose merchant location id is made of hex letters is also a Royal Mail 16-character id (both patterns).
  ABC1234567010021: ['auspost auspost_eparcel_article (pattern)', 'royalmail royalmail_16 (pattern)'],
};

function ranking(number: string): string[] {
  return detectCarrier(number).map(
    (candidate) => `${candidate.carrier} ${candidate.formatId ?? candidate.format} (${candidate.confidence})`,
  );
}

describe('collision report', () => {
  const validNumbers = [...TRACKING_NUMBER_DATA, ...WISMO_FORMATS].flatMap((courier) =>
    courier.tracking_numbers.flatMap((definition) => definition.test_numbers?.valid ?? []),
  );

  it('lists exactly the valid test numbers more than one carrier matches, ranked', () => {
    const actual: Record<string, string[]> = {};
    for (const number of validNumbers) {
      const candidates = ranking(number);
      if (new Set(candidates.map((candidate) => candidate.split(' ')[0])).size > 1) actual[number] = candidates;
    }
    expect(actual).toEqual(EXPECTED_COLLISIONS);
  });

  it('keeps a verified check digit ahead of every pattern-only reading', () => {
    for (const expected of Object.values(EXPECTED_COLLISIONS)) {
      const firstPattern = expected.findIndex((entry) => entry.endsWith('(pattern)'));
      if (firstPattern >= 0) expect(expected.slice(firstPattern).every((entry) => entry.endsWith('(pattern)'))).toBe(true);
    }
  });
});

describe('La Poste and Hermes numbers rank their carrier first', () => {
  // Recorded samples and documented examples (packages/carrier-laposte and carrier-hermes __fixtures__, wismo-formats sources).
  it.each([
    ['EW112720413FR', 'laposte', 'checksum'],
    ['CP173205008FR', 'laposte', 'checksum'],
    ['6A15602676300', 'laposte', 'pattern'],
    ['09133131530724', 'hermes', 'checksum'],
    ['00000264575009', 'hermes', 'checksum'],
    ['H1234567890123456789', 'hermes', 'pattern'],
  ])('%s → %s (%s)', (number, carrier, confidence) => {
    const [best] = detectCarrier(number);
    expect([best?.carrier, best?.confidence]).toEqual([carrier, confidence]);
  });

  it('an S10 number with a wrong check digit is not claimed by La Poste', () => {
    expect(detectCarrier('EW112720414FR').some((candidate) => candidate.carrier === 'laposte' && candidate.confidence === 'checksum')).toBe(
      false,
    );
  });
});

describe('GLS and PostNL numbers', () => {
  // Spec and recorded samples (packages/carrier-gls and carrier-postnl __fixtures__); CD…NL is a UPU S10 barcode from PostNL.
  it.each([
    ['363019175961', 'gls gls_parcel_12 (checksum)'],
    ['42249028960', 'gls gls_parcel_11 (pattern)'],
    ['ZX61QJIX', 'gls gls_track_id (pattern)'],
    ['3SDEVC288882229', 'postnl postnl_3s (pattern)'],
    ['3SDEVC2260332157', 'postnl postnl_3s (pattern)'],
    ['CD123456785NL', 'postnl s10 (checksum)'],
  ])('%s → %s, and no other carrier', (number, expected) => {
    expect(ranking(number)).toEqual([expected]);
  });

  it('a 12-digit GLS number whose digits also pass Purolator’s Luhn check is ambiguous, Purolator first (the sandbox never issues one)', () => {
    expect(ranking('420141421073')).toEqual(['purolator purolator_numeric (checksum)', 'gls gls_parcel_12 (checksum)']);
  });
});
