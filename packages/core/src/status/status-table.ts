import { SUBSTATUSES, type ShipmentStatus, type Substatus } from './statuses';

/** The substatuses that belong to `Status`, read from `SUBSTATUSES` at the type level. */
export type SubstatusOf<Status extends ShipmentStatus> = {
  [Code in Substatus]: (typeof SUBSTATUSES)[Code]['status'] extends Status ? Code : never;
}[Substatus];

/**
 * One status-table entry. The union is per status, so `{ status: 'delivered', substatus: 'rerouted' }` does
 * not compile: a substatus always belongs to the status it is written with.
 */
export type StatusTableEntry = {
  [Status in ShipmentStatus]: { readonly status: Status; readonly substatus?: SubstatusOf<Status> };
}[ShipmentStatus];

/** A carrier's status table: raw code → normalised status. Data, reviewed against the carrier's code list. */
export type StatusTable = Readonly<Record<string, StatusTableEntry>>;

/**
 * Freezes a status table into a null-prototype object, so that a code such as `constructor` or `__proto__`
 * finds nothing instead of a property of `Object.prototype`. The literal keeps its precise type.
 */
export function createStatusTable<const Table extends StatusTable>(entries: Table): Table {
  const table = Object.create(null) as Record<string, StatusTableEntry>;
  for (const [code, entry] of Object.entries(entries)) table[code] = Object.freeze({ ...entry });
  return Object.freeze(table) as Table;
}

/** The entry for `code`, looking at the table's own keys only. */
export function lookupStatus(table: StatusTable, code: string | null | undefined): StatusTableEntry | undefined {
  if (!code) return undefined;
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** Builds an entry from a status and a substatus known only at run time; null when they do not belong together. */
export function statusEntry(status: ShipmentStatus, substatus?: Substatus): StatusTableEntry | null {
  if (substatus !== undefined && SUBSTATUSES[substatus].status !== status) return null;
  return { status, substatus } as StatusTableEntry;
}
