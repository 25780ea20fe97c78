import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import {
  UPS_ACTIVITY_TYPES,
  UPS_CATCH_ALL_STATUS_CODES,
  UPS_FREIGHT_ACTIVITY_CODES,
  UPS_LEGACY_ACTIVITY_TYPES,
  UPS_SCAN_CODE_TABLES_BY_TYPE,
  UPS_STATUS_DESCRIPTION_CODES,
} from './ups-status-tables';

const FREIGHT_ACTIVITY_TYPES: ReadonlySet<string> = new Set(['DO', 'DD', 'W']);

/** The three code fields of a UPS status (`activity[].status` or `currentStatus`), as sent. */
export interface UpsStatusCodes {
  type?: string | null | undefined;
  code?: string | null | undefined;
  statusCode?: string | null | undefined;
}

/** Shared between calls (mappings are cached): treat as read-only. */
export interface UpsStatusMapping {
  /** The table entry that decided, or undefined when no table knows any of the codes. */
  readonly entry: StatusTableEntry | undefined;
  /** Which field decided. */
  readonly source: 'statusCode' | 'code' | 'type' | null;
  /** The raw code as kept on the event: `type/code/statusCode` (e.g. `D/F4/011`), empty where absent. */
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

function lookupScanCode(type: string | null, code: string | null): StatusTableEntry | undefined {
  if (!type || !code) return undefined;
  if (FREIGHT_ACTIVITY_TYPES.has(type) && code.length === 3) return lookupStatus(UPS_FREIGHT_ACTIVITY_CODES, code);
  const tables = Object.hasOwn(UPS_SCAN_CODE_TABLES_BY_TYPE, type) ? UPS_SCAN_CODE_TABLES_BY_TYPE[type] : undefined;
  if (!tables) return undefined;
  for (const table of tables) {
    const entry = lookupStatus(table, code);
    if (entry) return entry;
  }
  return undefined;
}

function isDecisive(entry: StatusTableEntry | undefined): entry is StatusTableEntry {
  return entry !== undefined && entry.status !== 'unknown';
}

/**
 * Maps one UPS status to a table entry. Lookup order, most specific first:
 * 1. `statusCode` (3 digits) in `UPS_STATUS_DESCRIPTION_CODES`: UPS's own classification of the scan.
 *    When that entry has no substatus and the scan code maps to the same status, the scan code's substatus
 *    refines it (`I/AR/005` → in_transit / arrived_at_facility). The catch-all `013` defers to a known scan code.
 * 2. `code` (2 characters; 3 digits on freight types) in the tables of the activity type.
 * 3. `type` in `UPS_ACTIVITY_TYPES` (then `UPS_LEGACY_ACTIVITY_TYPES`).
 * An entry that maps to `unknown` (no status information) never decides while a later field does; if
 * nothing else is known it is returned, so the event is kept as a mapped `unknown`. Nothing known at all
 * returns `entry: undefined`, which `createEvent` turns into an `unmapped` event with the raw code kept.
 */
export function mapUpsStatus(codes: UpsStatusCodes): UpsStatusMapping {
  const key = `${codes.type ?? ''}\u0000${codes.code ?? ''}\u0000${codes.statusCode ?? ''}`;
  const cached = MAPPING_CACHE.get(key);
  if (cached) return cached;
  const rawCode = `${codes.type?.trim() ?? ''}/${codes.code?.trim() ?? ''}/${codes.statusCode?.trim() ?? ''}`;
  const mapping = resolveUpsStatus(codes, rawCode);
  // The combinations seen in practice are few; the cap keeps garbage codes from growing it without end.
  if (MAPPING_CACHE.size >= MAPPING_CACHE_LIMIT) MAPPING_CACHE.clear();
  MAPPING_CACHE.set(key, mapping);
  return mapping;
}

const MAPPING_CACHE_LIMIT = 4096;
const MAPPING_CACHE = new Map<string, UpsStatusMapping>();

function resolveUpsStatus(codes: UpsStatusCodes, rawCode: string): UpsStatusMapping {
  const type = codes.type?.trim().toUpperCase() || null;
  const code = normaliseUpsScanCode(codes.code);
  const statusCode = normaliseUpsStatusCode(codes.statusCode);

  const byStatusCode = lookupStatus(UPS_STATUS_DESCRIPTION_CODES, statusCode);
  const byCode = lookupScanCode(type, code);
  const byType = lookupStatus(UPS_ACTIVITY_TYPES, type) ?? lookupStatus(UPS_LEGACY_ACTIVITY_TYPES, type);

  if (isDecisive(byStatusCode)) {
    if (statusCode && UPS_CATCH_ALL_STATUS_CODES.has(statusCode) && isDecisive(byCode)) return { entry: byCode, source: 'code', rawCode };
    if (
      byStatusCode.substatus === undefined &&
      isDecisive(byCode) &&
      byCode.status === byStatusCode.status &&
      byCode.substatus !== undefined
    ) {
      // Same status, so the scan code's substatus belongs to it.
      return { entry: { status: byStatusCode.status, substatus: byCode.substatus } as StatusTableEntry, source: 'statusCode', rawCode };
    }
    return { entry: byStatusCode, source: 'statusCode', rawCode };
  }
  if (isDecisive(byCode)) return { entry: byCode, source: 'code', rawCode };
  if (isDecisive(byType)) return { entry: byType, source: 'type', rawCode };
  if (byStatusCode) return { entry: byStatusCode, source: 'statusCode', rawCode };
  if (byCode) return { entry: byCode, source: 'code', rawCode };
  if (byType) return { entry: byType, source: 'type', rawCode };
  return { entry: undefined, source: null, rawCode };
}
