import { COUNTRY_TIME_ZONES } from './country-time-zones';

/**
 * The IANA zones in use in a state, province or territory of the countries that span several zones, keyed by
 * the region code carriers send (ISO 3166-2 without the country prefix: `IL`, `ON`, `NSW`). A region split
 * between zones lists each of them, so its wall times get honest bounds instead of a single wrong instant.
 * Sources: the tz database's zone1970.tab comments and each government's time-zone map (2026).
 */
export const REGION_TIME_ZONES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  US: {
    AL: ['America/Chicago'],
    AK: ['America/Anchorage', 'America/Adak'],
    // The Navajo Nation keeps daylight time; the rest of Arizona does not.
    AZ: ['America/Phoenix', 'America/Denver'],
    AR: ['America/Chicago'],
    CA: ['America/Los_Angeles'],
    CO: ['America/Denver'],
    CT: ['America/New_York'],
    DC: ['America/New_York'],
    DE: ['America/New_York'],
    FL: ['America/New_York', 'America/Chicago'],
    GA: ['America/New_York'],
    HI: ['Pacific/Honolulu'],
    IA: ['America/Chicago'],
    ID: ['America/Boise', 'America/Los_Angeles'],
    IL: ['America/Chicago'],
    IN: ['America/Indiana/Indianapolis', 'America/Chicago'],
    KS: ['America/Chicago', 'America/Denver'],
    KY: ['America/New_York', 'America/Chicago'],
    LA: ['America/Chicago'],
    MA: ['America/New_York'],
    MD: ['America/New_York'],
    ME: ['America/New_York'],
    MI: ['America/Detroit', 'America/Menominee'],
    MN: ['America/Chicago'],
    MO: ['America/Chicago'],
    MS: ['America/Chicago'],
    MT: ['America/Denver'],
    NC: ['America/New_York'],
    ND: ['America/Chicago', 'America/Denver'],
    NE: ['America/Chicago', 'America/Denver'],
    NH: ['America/New_York'],
    NJ: ['America/New_York'],
    NM: ['America/Denver'],
    NV: ['America/Los_Angeles', 'America/Denver'],
    NY: ['America/New_York'],
    OH: ['America/New_York'],
    OK: ['America/Chicago'],
    OR: ['America/Los_Angeles', 'America/Boise'],
    PA: ['America/New_York'],
    RI: ['America/New_York'],
    SC: ['America/New_York'],
    SD: ['America/Chicago', 'America/Denver'],
    TN: ['America/Chicago', 'America/New_York'],
    TX: ['America/Chicago', 'America/Denver'],
    UT: ['America/Denver'],
    VA: ['America/New_York'],
    VT: ['America/New_York'],
    WA: ['America/Los_Angeles'],
    WI: ['America/Chicago'],
    WV: ['America/New_York'],
    WY: ['America/Denver'],
    // Territories US carriers file under the US with a state code.
    AS: ['Pacific/Pago_Pago'],
    GU: ['Pacific/Guam'],
    MP: ['Pacific/Saipan'],
    PR: ['America/Puerto_Rico'],
    VI: ['America/St_Thomas'],
  },
  CA: {
    AB: ['America/Edmonton'],
    // Most of the province is Pacific; the north-east and the Kootenays keep Mountain time (some all year).
    BC: ['America/Vancouver', 'America/Edmonton', 'America/Dawson_Creek'],
    MB: ['America/Winnipeg'],
    NB: ['America/Moncton'],
    NL: ['America/St_Johns', 'America/Goose_Bay'],
    NS: ['America/Halifax'],
    NT: ['America/Edmonton'],
    NU: ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Cambridge_Bay'],
    ON: ['America/Toronto', 'America/Winnipeg', 'America/Atikokan'],
    PE: ['America/Halifax'],
    QC: ['America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'],
    SK: ['America/Regina', 'America/Edmonton'],
    YT: ['America/Whitehorse'],
  },
  AU: {
    ACT: ['Australia/Sydney'],
    NSW: ['Australia/Sydney', 'Australia/Broken_Hill', 'Australia/Lord_Howe'],
    NT: ['Australia/Darwin'],
    QLD: ['Australia/Brisbane'],
    SA: ['Australia/Adelaide'],
    TAS: ['Australia/Hobart'],
    VIC: ['Australia/Melbourne'],
    WA: ['Australia/Perth', 'Australia/Eucla'],
  },
};

/**
 * The zones a scan's place can be in: its region's when the carrier names a region we know (`US`/`IL` →
 * Chicago), else its country's; undefined when the country is unknown too.
 */
export function timeZonesOfPlace(countryCode: string | null, regionCode: string | null = null): readonly string[] | undefined {
  if (!countryCode) return undefined;
  const country = countryCode.toUpperCase();
  if (regionCode) {
    const region = regionCode.trim().toUpperCase();
    // Accept both `IL` and the full ISO 3166-2 form `US-IL`.
    const code = region.startsWith(`${country}-`) ? region.slice(country.length + 1) : region;
    const zones = REGION_TIME_ZONES[country]?.[code];
    if (zones) return zones;
  }
  return COUNTRY_TIME_ZONES[country];
}
