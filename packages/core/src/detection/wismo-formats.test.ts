import { describe, expect, it } from 'vitest';
import { detectCarrier } from './detect-carrier';
import { WISMO_FORMATS } from './wismo-formats';

/**
 * The formats wismo adds to the open data. Valid, invalid and changed-check-digit numbers of each run in
 * detect-carrier.test.ts like the data's own; here each format is checked against the example its source
 * documents, with the source in a comment.
 */

function candidateOf(number: string, formatId: string) {
  return detectCarrier(number).find((candidate) => candidate.formatId === formatId);
}

describe('wismo formats', () => {
  it('all say where they are documented, and have valid and invalid test numbers', () => {
    for (const courier of WISMO_FORMATS) {
      for (const format of courier.tracking_numbers) {
        expect(format.source.length, format.id).toBeGreaterThan(20);
        expect(format.test_numbers?.valid?.length, format.id).toBeGreaterThan(0);
        expect(format.test_numbers?.invalid?.length, format.id).toBeGreaterThan(0);
      }
    }
  });

  describe('GLS', () => {
    // GLS Track And Trace V1 OpenAPI 1.0.7 (karrio gls/vendor/ecitrackandtrace.yaml): "the 11- or 12-digit parcel
    // number"; unitno examples 93835368025, 36301917596 carry no check digit. The 12th digit: weights 3-1 from the
    // left, plus one, modulo 10 (GLS Uni-Box TechDoku 2D §3.2.1).
    it('reads 12-digit parcel numbers with their check digit and 11-digit ones on pattern', () => {
      expect(candidateOf('938353680251', 'gls_parcel_12')).toMatchObject({ carrier: 'gls', confidence: 'checksum' });
      expect(candidateOf('938353680252', 'gls_parcel_12')).toBeUndefined();
      expect(candidateOf('93835368025', 'gls_parcel_11')).toMatchObject({ carrier: 'gls', confidence: 'pattern' });
    });

    // Same spec, /tracking/simple/references: "Track ID: 8-characters format", example ZX61QJIX.
    it('reads 8-character Track IDs that contain a letter', () => {
      expect(candidateOf('zx61-qjix', 'gls_track_id')).toMatchObject({ carrier: 'gls', trackingNumber: 'ZX61QJIX' });
      expect(candidateOf('12345678', 'gls_track_id')).toBeUndefined();
    });
  });

  describe('PostNL', () => {
    // developer.postnl.nl barcode webservice: "a barcode of Type 3S is always 13 or 15 characters long"
    // (3S + customer code + serie); sandbox barcodes 3SDEVC288882229 and 3SDEVC2260332157 in the PostNL SDK docs.
    it('reads 3S barcodes of 13, 15 and 16 characters', () => {
      for (const number of ['3SABCD1234567', '3SDEVC288882229', '3SDEVC2260332157']) {
        expect(candidateOf(number, 'postnl_3s'), number).toMatchObject({ carrier: 'postnl', confidence: 'pattern' });
      }
      expect(candidateOf('3SABCD12345678', 'postnl_3s')).toBeUndefined();
    });

    // UPU S10 with NL: PostNL's international numbers.
    it('names PostNL for S10 numbers issued in NL', () => {
      expect(detectCarrier('RB123456785NL')).toMatchObject([{ carrier: 'postnl', countryCode: 'NL' }]);
    });
  });

  describe('DHL Paket / Deutsche Post', () => {
    // paketda.de "Prüfziffer DHL 12-stellig": weights 4 and 9, example 201298452277; activebarcode.com Identcode.
    // Real piece 470800204932 (docs/research/carrier-samples/dhl/delivered-parcel-de-real-german.json).
    it('verifies the 4-9 check digit of 12-digit parcel numbers', () => {
      expect(candidateOf('4708 0020 4932', 'dhl_paket_12')).toMatchObject({
        carrier: 'dhl',
        carrierName: 'DHL Paket',
        confidence: 'checksum',
        trackingUrl: 'https://www.dhl.de/de/privatkunden.html?piececode=470800204932',
      });
      expect(candidateOf('470800204933', 'dhl_paket_12')).toBeUndefined();
    });

    // paketda.de "20-stellige DHL-Paketnummern" (GS1 modulo 10, 3-1; example 00340433836442636597);
    // sandbox piece 00340434161094015902 (docs/research/carrier-samples/dhl-parcel-de).
    it('verifies the GS1 check digit of 00340434… SSCC numbers, with or without the 00 identifier', () => {
      expect(candidateOf('00340434161094015902', 'dhl_paket_sscc_20')).toMatchObject({ confidence: 'checksum' });
      expect(candidateOf('340434161094015902', 'dhl_paket_sscc_18')).toMatchObject({ confidence: 'checksum' });
      expect(candidateOf('00340434161094015903', 'dhl_paket_sscc_20')).toBeUndefined();
    });

    // paketda.de: "16-stellig, beginnend mit JJD (z.B. JJD1410302937991)"; no check digit documented.
    it('reads JJD numbers of 16 characters on pattern', () => {
      expect(candidateOf('JJD1410302937991', 'dhl_paket_jjd')).toMatchObject({ carrier: 'dhl', confidence: 'pattern' });
    });

    // UPU S10 with DE: Deutsche Post's international letters and parcels.
    it('names Deutsche Post for S10 numbers issued in DE', () => {
      expect(detectCarrier('RR123456785DE')).toMatchObject([{ carrier: 'deutschepost', carrierName: 'Deutsche Post' }]);
    });
  });

  describe('Royal Mail', () => {
    // Royal Mail COSS Spec 03 v1.1 / UPU S10: two letters, 8 digits, the S10 check digit, GB. FQ087430672GB is the
    // oneDBarcode of the Tracking API v2 example (docs/research/carrier-samples/royalmail).
    it('names Royal Mail for S10 numbers issued in GB', () => {
      expect(detectCarrier('FQ 0874 3067 2 GB')).toMatchObject([{ carrier: 'royalmail', confidence: 'checksum', countryCode: 'GB' }]);
      expect(detectCarrier('FQ087430673GB')).toEqual([]);
    });

    // Tracking API v2 example: mailPieceId / uniqueItemId 090367574000000FE1E1B (structure unpublished).
    it('reads the 21-character unique item id on pattern', () => {
      expect(candidateOf('090367574000000FE1E1B', 'royalmail_unique_item_id')).toMatchObject({
        carrier: 'royalmail',
        confidence: 'pattern',
      });
      // A delivered item's 2D id as a retailer copied it from its label (aimcosoftware.co.uk forum, 2021-01-06).
      expect(detectCarrier('32-001 925 4000-221 BB4 EFC')).toMatchObject([
        { carrier: 'royalmail', formatId: 'royalmail_unique_item_id', trackingNumber: '320019254000221BB4EFC' },
      ]);
    });

    // Amazon Seller Central's Royal Mail tracking id formats: 13 (S10), 16 (example 021115C902CF0C99) and 21 characters.
    it('reads the 16-character hexadecimal id on pattern, and leaves 16-digit numbers to Canada Post and Hermes', () => {
      expect(detectCarrier('021115C902CF0C99')).toMatchObject([{ carrier: 'royalmail', formatId: 'royalmail_16', confidence: 'pattern' }]);
      expect(detectCarrier('021115C902CG0C99')).toEqual([]);
      expect(detectCarrier('7023210039414604').some((candidate) => candidate.carrier === 'royalmail')).toBe(false);
    });
  });

  describe('Canada Post', () => {
    // 16-digit PINs (open data canada_post: 7-digit origin, 8-digit serial, mod 10 weights 3-1): the PIN of the
    // recorded tracking-detail sample (docs/research/carrier-samples/canadapost) and a created shipment's tracking-pin in
    // karrio's Canada Post shipment tests.
    it.each(['7023210039414604', '7023210883561103'])('names Canada Post first for the domestic PIN %s, by its check digit', (pin) => {
      expect(detectCarrier(pin)[0]).toMatchObject({ carrier: 'canadapost', formatId: 'canada_post', confidence: 'checksum' });
    });

    it('rejects a PIN with a changed check digit, which leaves only Hermes’ 16-digit pattern', () => {
      expect(detectCarrier('7023210039414605').map((candidate) => candidate.carrier)).toEqual(['hermes']);
    });

    it('names Canada Post for S10 numbers issued in CA', () => {
      expect(detectCarrier('RN123456785CA')).toMatchObject([{ carrier: 'canadapost', confidence: 'checksum', countryCode: 'CA' }]);
    });
  });

  describe('La Poste / Colissimo', () => {
    // La Poste Suivi v2 examples 6A15602676300 (rigwild/suivi-poste) and 6M17554710224 (debuss-a/lapostesuivi).
    it('reads 13-character Colissimo numbers on pattern, with the La Poste tracking page', () => {
      expect(candidateOf('6A15602676300', 'laposte_13')).toMatchObject({
        carrier: 'laposte',
        confidence: 'pattern',
        service: null,
        trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A15602676300',
      });
    });

    // The Suivi v2 sample in docs/research/carrier-samples/laposte tracks EW112720413FR, an S10 number.
    it('names La Poste for S10 numbers issued in FR', () => {
      expect(detectCarrier('EW112720413FR')).toMatchObject([
        { carrier: 'laposte', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR' },
      ]);
    });
  });

  describe('Hermes Germany', () => {
    // paketda.de "Prüfziffern für DHL 20-stellig, Hermes, DPD": modulo 10 weights 3-1, example 09133131530724.
    it('verifies the check digit of 14-digit numbers', () => {
      expect(candidateOf('09133131530724', 'hermes_14')).toMatchObject({ carrier: 'hermes', confidence: 'checksum' });
      expect(candidateOf('09133131530725', 'hermes_14')).toBeUndefined();
    });

    // 16-digit ids (third-party description only) and the HSI shipmentID H1234567890123456789 (karrio fixture).
    it('reads 16-digit and H + 19-digit ids on pattern', () => {
      expect(candidateOf('1234567890123456', 'hermes_16')).toMatchObject({ confidence: 'pattern' });
      expect(candidateOf('h1234567890123456789', 'hermes_h20')).toMatchObject({
        carrier: 'hermes',
        trackingUrl: 'https://www.myhermes.de/tracking/H1234567890123456789',
      });
    });
  });

  describe('DPD', () => {
    // DPD ParcelLifeCycle parcelLabelNumber 05308801410058 (docs/research/carrier-samples/dpd, karrio fixture).
    it('reads the bare 14-digit parcel number on pattern, the printed forms by their MOD 37,36 check character', () => {
      expect(candidateOf('05308801410058', 'dpd_parcel_14')).toMatchObject({ carrier: 'dpd', confidence: 'pattern' });
      expect(detectCarrier('05308801410058')[0]).toMatchObject({ carrier: 'dpd' });
      expect(detectCarrier('0998 0000 0200 33F')[0]).toMatchObject({ carrier: 'dpd', confidence: 'checksum' });
      expect(detectCarrier('15308801410058').some((candidate) => candidate.carrier === 'dpd')).toBe(false);
    });
  });

  describe('bpost', () => {
    // bpost trackedmail itemCode 323212345659900040669030 (docs/research/carrier-samples/bpost, karrio fixture).
    it('reads 24-digit 3232… numbers on pattern and S10 numbers issued in BE', () => {
      expect(candidateOf('323212345659900040669030', 'bpost_24')).toMatchObject({ carrier: 'bpost', confidence: 'pattern' });
      expect(detectCarrier('CE123456785BE')).toMatchObject([{ carrier: 'bpost', service: 'Parcel Post' }]);
    });
  });

  describe('Australia Post', () => {
    it('names Australia Post for S10 numbers issued in AU', () => {
      expect(detectCarrier('EE123456785AU')).toMatchObject([{ carrier: 'auspost', service: 'EMS' }]);
    });

    // The eParcel article number's structure (Neodynamic's description of the 997 001 barcode); no published check digit.
    it('reads eParcel article numbers on pattern: location id, consignment, article, service, last-article flag', () => {
      expect(candidateOf('JDQ0123456010023', 'auspost_eparcel_article')).toMatchObject({ carrier: 'auspost', confidence: 'pattern' });
      // The last-article indicator is 1 or 2; an all-digit number is no eParcel article (and stays Canada Post's or Hermes').
      expect(detectCarrier('JDQ0123456010033').some((candidate) => candidate.carrier === 'auspost')).toBe(false);
      expect(detectCarrier('0123456789010021').some((candidate) => candidate.carrier === 'auspost')).toBe(false);
    });

    // A location id of hex letters (ABC…) makes an eParcel article also a Royal Mail 16-character id: both are patterns.
    it('ranks an eParcel article ahead of the Royal Mail 16-character pattern it also matches', () => {
      expect(detectCarrier('ABC1234567010021').map((candidate) => `${candidate.carrier} ${candidate.formatId}`)).toEqual([
        'auspost auspost_eparcel_article',
        'royalmail royalmail_16',
      ]);
    });
  });
});
