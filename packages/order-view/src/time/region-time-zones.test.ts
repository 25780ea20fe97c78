import { describe, expect, it } from 'vitest';
import { COUNTRY_TIME_ZONES } from './country-time-zones';
import { REGION_TIME_ZONES, timeZonesOfPlace } from './region-time-zones';

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

describe('region time zones', () => {
  it('names only zones the runtime knows', () => {
    const zones = [
      ...Object.values(REGION_TIME_ZONES).flatMap((regions) => Object.values(regions).flat()),
      ...Object.values(COUNTRY_TIME_ZONES).flat(),
    ];
    expect(zones.filter((zone) => !isKnownZone(zone))).toEqual([]);
  });

  it('covers every US state and DC, every Canadian province and territory, every Australian state and territory', () => {
    expect(Object.keys(REGION_TIME_ZONES.US!).filter((code) => !['AS', 'GU', 'MP', 'PR', 'VI'].includes(code))).toHaveLength(51);
    expect(Object.keys(REGION_TIME_ZONES.CA!)).toHaveLength(13);
    expect(Object.keys(REGION_TIME_ZONES.AU!)).toHaveLength(8);
  });

  it('uses the region when given, in either code form, and the country otherwise', () => {
    expect(timeZonesOfPlace('us', 'il')).toEqual(['America/Chicago']);
    expect(timeZonesOfPlace('AU', 'AU-QLD')).toEqual(['Australia/Brisbane']);
    expect(timeZonesOfPlace('US', null)).toBe(COUNTRY_TIME_ZONES.US);
    expect(timeZonesOfPlace('DE', 'SN')).toEqual(['Europe/Berlin']);
    expect(timeZonesOfPlace(null, 'IL')).toBeUndefined();
  });
});
