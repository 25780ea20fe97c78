import { describe, expect, it } from 'vitest';
import { entriesForNumbers } from './entries-for-numbers';

const canonical = (number: string) => number.replace(/\s+/g, '').toUpperCase();

describe('entriesForNumbers', () => {
  it('matches each number to the first entry echoing it in canonical form, in the order asked', () => {
    const entries = [{ echo: ['b 2'] }, { echo: ['A1', 'c3'] }, { echo: ['B2'] }];
    const found = entriesForNumbers(['c3', 'a1', 'b2', 'd4'], entries, (entry) => entry.echo, { canonical });
    expect(found).toEqual([entries[1], entries[1], entries[0], undefined]);
  });

  it('gives an unmatched entry to the number at its position only with `samePosition` and one entry per number', () => {
    const entries = [{ echo: ['A1'] }, { echo: ['0B2'] }];
    const echoed = (entry: { echo: string[] }) => entry.echo;
    expect(entriesForNumbers(['A1', 'B2'], entries, echoed)).toEqual([entries[0], undefined]);
    expect(entriesForNumbers(['A1', 'B2'], entries, echoed, { samePosition: true })).toEqual([entries[0], entries[1]]);
    // Entry 0 answers A1: it is not also given to B2 at position 0.
    expect(entriesForNumbers(['B2', 'A1'], entries, echoed, { samePosition: true })).toEqual([undefined, entries[0]]);
    expect(entriesForNumbers(['A1', 'B2', 'C3'], entries, echoed, { samePosition: true })).toEqual([entries[0], undefined, undefined]);
  });

  it('ignores echoes that are not strings', () => {
    expect(entriesForNumbers(['A1'], [{ number: 1 }, null], (entry) => [entry?.number])).toEqual([undefined]);
  });
});
