import { readFileSync } from 'node:fs';
import { lookupStatus, SUBSTATUSES, type StatusTable, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { AFTERSHIP_SUBTAG_TABLE, AFTERSHIP_TAG_TABLE } from './aftership-status-tables';
import { mapEasypostStatus } from './easypost-bridge';
import { EASYPOST_STATUS_DETAIL_TABLE, EASYPOST_STATUS_TABLE, EASYPOST_UNINFORMATIVE_DETAILS } from './easypost-status-tables';
import { SEVENTEEN_TRACK_STATUS_TABLE, SEVENTEEN_TRACK_SUB_STATUS_TABLE } from './seventeen-track-status-tables';
import { SHIP24_MILESTONE_TABLE, SHIP24_STATUS_CODE_TABLE } from './ship24-status-tables';

const either = (first: StatusTable, second: StatusTable) => (code: string) => lookupStatus(first, code) ?? lookupStatus(second, code);

/** How the crosswalk's code for each vendor is looked up (a detail code first, then the top-level code). */
const LOOKUP: Record<string, (code: string) => StatusTableEntry | undefined> = {
  AfterShip: either(AFTERSHIP_SUBTAG_TABLE, AFTERSHIP_TAG_TABLE),
  EasyPost: (code) => {
    const [status, detail] = code.split('/');
    if (detail !== undefined) return mapEasypostStatus(status, detail).entry;
    return lookupStatus(EASYPOST_STATUS_DETAIL_TABLE, code) ?? lookupStatus(EASYPOST_STATUS_TABLE, code);
  },
  '17TRACK': either(SEVENTEEN_TRACK_SUB_STATUS_TABLE, SEVENTEEN_TRACK_STATUS_TABLE),
  Ship24: either(SHIP24_STATUS_CODE_TABLE, SHIP24_MILESTONE_TABLE),
};

/** `docs/status-model.md`'s "elsewhere called" column: vendor code → the substatus rows that name it. */
function crosswalk(): Map<string, Set<string>> {
  const markdown = readFileSync(new URL('../../../docs/status-model.md', import.meta.url), 'utf8');
  const rows = new Map<string, Set<string>>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const substatus = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!substatus || cells.length < 6) continue;
    for (const segment of cells[5]!.split(' · ')) {
      const vendor = Object.keys(LOOKUP).find((name) => segment.startsWith(`${name} `));
      if (!vendor) continue;
      let previous = '';
      for (const token of segment
        .slice(vendor.length + 1)
        .replace(/\s*\(.*\)$/, '')
        .split(', ')) {
        // `Exception_016, _019`: the second code is written without its prefix.
        const code = token.startsWith('_') ? `${previous.slice(0, previous.lastIndexOf('_'))}${token}` : token;
        previous = code;
        const key = `${vendor} ${code}`;
        rows.set(key, (rows.get(key) ?? new Set()).add(substatus));
      }
    }
  }
  return rows;
}

describe('the aggregators’ status tables', () => {
  it('map every code docs/status-model.md names for AfterShip, EasyPost, 17TRACK and Ship24 to one of its rows', () => {
    const named = crosswalk();
    expect(named.size).toBeGreaterThan(60);
    const disagreements: string[] = [];
    for (const [key, substatuses] of named) {
      const [vendor, code] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      const entry = LOOKUP[vendor]!(code);
      const substatus = entry?.substatus ?? 'none';
      if (!substatuses.has(substatus)) disagreements.push(`${key} → ${substatus}, the crosswalk says ${[...substatuses].join(' or ')}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('hold every documented code, once, with a substatus of its own status', () => {
    const sizes = {
      aftershipSubtags: Object.keys(AFTERSHIP_SUBTAG_TABLE).length,
      aftershipTags: Object.keys(AFTERSHIP_TAG_TABLE).length,
      easypostStatuses: Object.keys(EASYPOST_STATUS_TABLE).length,
      easypostDetails: Object.keys(EASYPOST_STATUS_DETAIL_TABLE).length + EASYPOST_UNINFORMATIVE_DETAILS.size,
      seventeenTrackSubStatuses: Object.keys(SEVENTEEN_TRACK_SUB_STATUS_TABLE).length,
      seventeenTrackStatuses: Object.keys(SEVENTEEN_TRACK_STATUS_TABLE).length,
      ship24StatusCodes: Object.keys(SHIP24_STATUS_CODE_TABLE).length,
      ship24Milestones: Object.keys(SHIP24_MILESTONE_TABLE).length,
    };
    expect(sizes).toEqual({
      aftershipSubtags: 49,
      aftershipTags: 9,
      easypostStatuses: 10,
      easypostDetails: 28,
      seventeenTrackSubStatuses: 30,
      seventeenTrackStatuses: 9,
      ship24StatusCodes: 20,
      ship24Milestones: 8,
    });
    const tables = [
      AFTERSHIP_SUBTAG_TABLE,
      AFTERSHIP_TAG_TABLE,
      EASYPOST_STATUS_TABLE,
      EASYPOST_STATUS_DETAIL_TABLE,
      SEVENTEEN_TRACK_SUB_STATUS_TABLE,
      SEVENTEEN_TRACK_STATUS_TABLE,
      SHIP24_STATUS_CODE_TABLE,
      SHIP24_MILESTONE_TABLE,
    ];
    for (const table of tables)
      for (const [code, entry] of Object.entries(table) as Array<[string, StatusTableEntry]>)
        expect(SUBSTATUSES[entry.substatus!].status, code).toBe(entry.status);
  });

  it('find nothing for codes nobody documented, nor for Object.prototype names', () => {
    for (const code of ['Exception_099', 'constructor', '__proto__', 'delivered '])
      for (const lookup of Object.values(LOOKUP)) expect(lookup(code)).toBeUndefined();
  });
});
