import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateEpochMs, localTime, type CarrierTime } from './carrier-time';
import { SORTABLE_TIME, instantTextEpochMs, sortableEpochMs } from './sortable-time';

describe('epochs read from the fields of a sortable time', () => {
  const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((value) => String(value).padStart(2, '0'));
  // Every field over its whole range and a little past it, so that rolled-over and unreadable times occur too.
  const written = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }).map((value) => String(value).padStart(4, '0')),
      month: twoDigits(0, 13),
      day: twoDigits(0, 32),
      time: fc.option(fc.tuple(twoDigits(0, 24), twoDigits(0, 60), twoDigits(0, 60))),
      zone: fc.oneof(fc.constantFrom('', 'Z'), fc.tuple(fc.constantFrom('+', '-'), twoDigits(0, 15), twoDigits(0, 60))),
    })
    .map(({ year, month, day, time, zone }) => {
      const date = `${year}-${month}-${day}`;
      if (time === null) return date;
      return `${date}T${time.join(':')}${typeof zone === 'string' ? zone : `${zone[0]}${zone[1]}:${zone[2]}`}`;
    });

  it('gives the number Date.parse gives for every instant, sortable or not', () => {
    fc.assert(
      fc.property(written, (text) => {
        expect(instantTextEpochMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a wall clock as UTC, as Date.parse reads it with a Z, and takes no part of the years 0000–0099', () => {
    fc.assert(
      fc.property(written, (text) => {
        if (!SORTABLE_TIME.test(text)) return;
        const withZone = text.length === 10 ? `${text}T00:00:00Z` : text.length === 19 ? `${text}Z` : text;
        const epoch = sortableEpochMs(text);
        if (Number(text.slice(0, 4)) < 100) expect(epoch).toBeNull();
        else expect(epoch).toBe(Date.parse(withZone));
      }),
      { numRuns: 5000 },
    );
  });

  it('orders local times by their wall clock read as UTC, and hand-built ones as Date.parse reads them', () => {
    fc.assert(
      fc.property(written, (text) => {
        const time: CarrierTime = localTime(text) ?? { occurredAt: null, localTime: text, timeKind: 'local' };
        const iso = time.localTime!.includes('T') ? `${time.localTime}Z` : `${time.localTime}T00:00:00Z`;
        const expected = Date.parse(iso);
        expect(approximateEpochMs(time)).toBe(Number.isNaN(expected) ? Number.NEGATIVE_INFINITY : expected);
      }),
      { numRuns: 3000 },
    );
  });
});
