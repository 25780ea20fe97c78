// ISO 3166-1 alpha-3 → alpha-2 for the countries carriers most often write in three letters.
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  USA: 'US',
  CAN: 'CA',
  MEX: 'MX',
  DEU: 'DE',
  NLD: 'NL',
  BEL: 'BE',
  FRA: 'FR',
  GBR: 'GB',
  IRL: 'IE',
  ESP: 'ES',
  PRT: 'PT',
  ITA: 'IT',
  AUT: 'AT',
  CHE: 'CH',
  LUX: 'LU',
  DNK: 'DK',
  SWE: 'SE',
  NOR: 'NO',
  FIN: 'FI',
  ISL: 'IS',
  POL: 'PL',
  CZE: 'CZ',
  SVK: 'SK',
  HUN: 'HU',
  SVN: 'SI',
  HRV: 'HR',
  ROU: 'RO',
  BGR: 'BG',
  GRC: 'GR',
  CYP: 'CY',
  MLT: 'MT',
  EST: 'EE',
  LVA: 'LV',
  LTU: 'LT',
  AUS: 'AU',
  NZL: 'NZ',
  JPN: 'JP',
  CHN: 'CN',
  HKG: 'HK',
  TWN: 'TW',
  KOR: 'KR',
  SGP: 'SG',
  MYS: 'MY',
  THA: 'TH',
  VNM: 'VN',
  IDN: 'ID',
  PHL: 'PH',
  IND: 'IN',
  PAK: 'PK',
  ARE: 'AE',
  SAU: 'SA',
  ISR: 'IL',
  TUR: 'TR',
  EGY: 'EG',
  ZAF: 'ZA',
  NGA: 'NG',
  KEN: 'KE',
  MAR: 'MA',
  BRA: 'BR',
  ARG: 'AR',
  CHL: 'CL',
  COL: 'CO',
  PER: 'PE',
  UKR: 'UA',
  SRB: 'RS',
  BIH: 'BA',
  MKD: 'MK',
  ALB: 'AL',
  MNE: 'ME',
  PRI: 'PR',
};

function isUpperLetter(charCode: number): boolean {
  return charCode >= 65 && charCode <= 90;
}

/** Two upper-case letters (`DE`), told without a copy or a regex. */
export function isUpperCaseAlpha2(value: string): boolean {
  return value.length === 2 && isUpperLetter(value.charCodeAt(0)) && isUpperLetter(value.charCodeAt(1));
}

/** Upper-case ISO alpha-2, from alpha-2 or a known alpha-3; anything else is null (the raw text keeps it). */
export function normaliseCountryCode(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  // Most carriers already send upper-case alpha-2 (`DE`): returned as it is, without a copy or a regex.
  if (isUpperCaseAlpha2(value)) return value === 'UK' ? 'GB' : value;
  const code = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return code === 'UK' ? 'GB' : code;
  return ALPHA3_TO_ALPHA2[code] ?? null;
}
