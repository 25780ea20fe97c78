import { lookupStatus, type StatusTable, type StatusTableEntry } from '@wismo/core';
import { rememberByText } from '@wismo/core/internal';
import type { UpsStatus } from './ups-api';
import * as tables from './ups-status-tables';

/** Shared between calls (mappings are cached): treat as read-only. */
export interface UpsStatusMapping {
  /** The table entry that decided, or undefined when no table knows any of the codes. */
  readonly entry: StatusTableEntry | undefined;
  readonly source: 'statusCode' | 'code' | 'type' | null;
  /** The raw code kept on the event: `type/code/statusCode` (e.g. `D/F4/011`), empty where absent. */
  readonly rawCode: string;
}

const DIGITS = /^\d+$/;

/** `11` → `011`: UPS lists status codes unpadded and sends them padded. */
export function normaliseUpsStatusCode(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return DIGITS.test(trimmed) && trimmed.length < 3 ? trimmed.padStart(3, '0') : trimmed.toUpperCase();
}

/** `1` → `01`: the exception tables list one-digit codes that the keys here store zero-padded. */
export function normaliseUpsScanCode(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return trimmed.length === 1 && DIGITS.test(trimmed) ? `0${trimmed}` : trimmed.toUpperCase();
}

/** The entry of the first table that knows the code (mappings are remembered, so asking every table is fine). */
function lookupFirst(tableList: readonly StatusTable[], code: string | null): StatusTableEntry | undefined {
  return tableList.map((table) => lookupStatus(table, code)).find((entry) => entry !== undefined);
}

const FREIGHT_ACTIVITY_TYPES: ReadonlySet<string> = new Set(['DO', 'DD', 'W']);

/** A scan code means different things in different tables: only the tables of its activity type are asked. */
function lookupScanCode(type: string | null, code: string | null): StatusTableEntry | undefined {
  if (!type || !code) return undefined;
  if (FREIGHT_ACTIVITY_TYPES.has(type) && code.length === 3) return lookupStatus(tables.UPS_FREIGHT_ACTIVITY_CODES, code);
  return Object.hasOwn(tables.UPS_SCAN_CODE_TABLES_BY_TYPE, type)
    ? lookupFirst(tables.UPS_SCAN_CODE_TABLES_BY_TYPE[type]!, code)
    : undefined;
}

function isDecisive(entry: StatusTableEntry | undefined): entry is StatusTableEntry {
  return entry !== undefined && entry.status !== 'unknown';
}

/** The combinations seen in practice are few; the limit keeps garbage codes from growing the memory without end. */
const mapByKey = rememberByText((key) => {
  const [type, code, statusCode] = key.split('\u0000');
  return resolveUpsStatus({ type, code, statusCode }, `${type?.trim() ?? ''}/${code?.trim() ?? ''}/${statusCode?.trim() ?? ''}`);
}, 4096);

/**
 * Maps one UPS status. Lookup order, most specific first:
 * 1. `statusCode` (3 digits) in `UPS_STATUS_DESCRIPTION_CODES`, UPS's own classification of the scan. When that entry
 *    has no substatus and the scan code maps to the same status, the scan code's substatus refines it
 *    (`I/AR/005` → in_transit / arrived_at_facility). The catch-all `013` defers to a known scan code.
 * 2. `code` (2 characters; 3 digits on freight types) in the tables of the activity type.
 * 3. `type` in `UPS_ACTIVITY_TYPES` (then `UPS_LEGACY_ACTIVITY_TYPES`).
 * An entry mapping to `unknown` decides only when nothing else is known, so the event is a mapped `unknown`. Nothing
 * known at all is `entry: undefined`, which `createEvent` turns into an `unmapped` event with the raw code kept.
 */
export function mapUpsStatus(codes: Pick<UpsStatus, 'type' | 'code' | 'statusCode'>): UpsStatusMapping {
  return mapByKey(`${codes.type ?? ''}\u0000${codes.code ?? ''}\u0000${codes.statusCode ?? ''}`);
}

function resolveUpsStatus(codes: Pick<UpsStatus, 'type' | 'code' | 'statusCode'>, rawCode: string): UpsStatusMapping {
  const type = codes.type?.trim().toUpperCase() || null;
  const statusCode = normaliseUpsStatusCode(codes.statusCode);
  const byStatusCode = lookupStatus(tables.UPS_STATUS_DESCRIPTION_CODES, statusCode);
  const byCode = lookupScanCode(type, normaliseUpsScanCode(codes.code));
  const byType = lookupFirst([tables.UPS_ACTIVITY_TYPES, tables.UPS_LEGACY_ACTIVITY_TYPES], type);
  if (isDecisive(byStatusCode)) {
    if (statusCode && tables.UPS_CATCH_ALL_STATUS_CODES.has(statusCode) && isDecisive(byCode))
      return { entry: byCode, source: 'code', rawCode };
    // Same status, so the scan code's substatus belongs to it.
    const refines = !byStatusCode.substatus && isDecisive(byCode) && byCode.status === byStatusCode.status && byCode.substatus;
    return { entry: refines ? byCode : byStatusCode, source: 'statusCode', rawCode };
  }
  if (isDecisive(byCode)) return { entry: byCode, source: 'code', rawCode };
  if (isDecisive(byType)) return { entry: byType, source: 'type', rawCode };
  if (byStatusCode) return { entry: byStatusCode, source: 'statusCode', rawCode };
  if (byCode) return { entry: byCode, source: 'code', rawCode };
  return { entry: byType, source: byType ? 'type' : null, rawCode };
}
