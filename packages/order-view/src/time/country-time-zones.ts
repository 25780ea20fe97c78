/**
 * The IANA zones in use in a country, for bounding a carrier's local wall time when no offset was sent.
 * One zone means the wall time names one instant; several give a range. Only the mainland and the
 * territories carriers file under the same country code are listed; a country not listed gets the widest
 * bounds (UTC−12 to UTC+14).
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, readonly string[]>> = {
  AT: ['Europe/Vienna'],
  AU: ['Australia/Perth', 'Australia/Eucla', 'Australia/Darwin', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney', 'Australia/Lord_Howe'],
  BE: ['Europe/Brussels'],
  BG: ['Europe/Sofia'],
  BR: ['America/Rio_Branco', 'America/Manaus', 'America/Sao_Paulo', 'America/Noronha'],
  CA: ['America/Vancouver', 'America/Edmonton', 'America/Regina', 'America/Winnipeg', 'America/Toronto', 'America/Halifax', 'America/St_Johns'],
  CH: ['Europe/Zurich'],
  CN: ['Asia/Shanghai'],
  CZ: ['Europe/Prague'],
  DE: ['Europe/Berlin'],
  DK: ['Europe/Copenhagen'],
  EE: ['Europe/Tallinn'],
  ES: ['Atlantic/Canary', 'Europe/Madrid'],
  FI: ['Europe/Helsinki'],
  FR: ['Europe/Paris'],
  GB: ['Europe/London'],
  GR: ['Europe/Athens'],
  HK: ['Asia/Hong_Kong'],
  HR: ['Europe/Zagreb'],
  HU: ['Europe/Budapest'],
  IE: ['Europe/Dublin'],
  IL: ['Asia/Jerusalem'],
  IN: ['Asia/Kolkata'],
  IT: ['Europe/Rome'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  LT: ['Europe/Vilnius'],
  LU: ['Europe/Luxembourg'],
  LV: ['Europe/Riga'],
  MX: ['America/Tijuana', 'America/Hermosillo', 'America/Mexico_City', 'America/Cancun'],
  NL: ['Europe/Amsterdam'],
  NO: ['Europe/Oslo'],
  NZ: ['Pacific/Auckland', 'Pacific/Chatham'],
  PL: ['Europe/Warsaw'],
  PT: ['Atlantic/Azores', 'Europe/Lisbon'],
  RO: ['Europe/Bucharest'],
  SE: ['Europe/Stockholm'],
  SG: ['Asia/Singapore'],
  SI: ['Europe/Ljubljana'],
  SK: ['Europe/Bratislava'],
  TR: ['Europe/Istanbul'],
  US: ['Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix', 'America/Denver', 'America/Chicago', 'America/New_York'],
  ZA: ['Africa/Johannesburg'],
};

/** The widest possible offsets when the place is unknown. */
export const WIDEST_OFFSET_MINUTES = { minimum: -12 * 60, maximum: 14 * 60 } as const;
