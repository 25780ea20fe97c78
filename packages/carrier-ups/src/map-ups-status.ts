import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { rememberByText } from '@wismo/core/internal';
import * as tables from './ups-status-tables';

/** Trimmed and upper case, digits padded to `width`: UPS lists codes unpadded (`11`, `1`) and sends them padded (`011`, `01`). */
export function normaliseUpsCode(value: string | null | undefined, width: 2 | 3): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) && trimmed.length < width ? trimmed.padStart(width, '0') : trimmed.toUpperCase();
}

const isDecisive = (entry: StatusTableEntry | undefined): entry is StatusTableEntry => entry !== undefined && entry.status !== 'unknown';

/**
 * Maps one UPS status. Lookup order, most specific first:
 * 1. `statusCode` (3 digits) in `UPS_STATUS_DESCRIPTION_CODES`, UPS's own classification of the scan. When that entry
 *    has no substatus and the scan code maps to the same status, the scan code's substatus refines it
 *    (`I/AR/005` → in_transit / arrived_at_facility). The catch-all `013` defers to a known scan code.
 * 2. `code` (2 characters; 3 digits on freight types) in the tables of the activity type.
 * 3. `type` in `UPS_ACTIVITY_TYPES` (then `UPS_LEGACY_ACTIVITY_TYPES`).
 * An entry mapping to `unknown` decides only when nothing else is known (a mapped `unknown`). Returned as `createEvent`'s
 * `mapped` and `code` (`D/F4/011`): nothing known at all is `mapped: undefined`, an `unmapped` event keeping the code.
 */
export function mapUpsStatus({ type, code, statusCode }: { type?: string; code?: string; statusCode?: string }) {
  return mappingByKey(`${type ?? ''}\u0000${code ?? ''}\u0000${statusCode ?? ''}`);
}

/** The combinations seen in practice are few; the limit keeps garbage codes from growing the memory without end. */
const mappingByKey = rememberByText((key) => {
  const [rawType = '', scanCode = '', rawStatusCode = ''] = key.split('\u0000');
  return { mapped: entryOf(rawType, scanCode, rawStatusCode), code: `${rawType.trim()}/${scanCode.trim()}/${rawStatusCode.trim()}` };
}, 4096);

function entryOf(rawType: string, scanCode: string, rawStatusCode: string) {
  const type = rawType.trim().toUpperCase() || null;
  const statusCode = normaliseUpsCode(rawStatusCode, 3);
  const byStatusCode = lookupStatus(tables.UPS_STATUS_DESCRIPTION_CODES, statusCode);
  const code = normaliseUpsCode(scanCode, 2);
  // The first of the type's tables that knows the scan code (it means other things in other types); no prototype: no `constructor`.
  const byCode = ((type && tables.UPS_SCAN_CODE_TABLES_BY_TYPE[type]) || []).map((table) => lookupStatus(table, code)).find(Boolean);
  const byType = lookupStatus(tables.UPS_ACTIVITY_TYPES, type) ?? lookupStatus(tables.UPS_LEGACY_ACTIVITY_TYPES, type);
  if (isDecisive(byStatusCode)) {
    if (!isDecisive(byCode)) return byStatusCode;
    const refines = !byStatusCode.substatus && byCode.status === byStatusCode.status && byCode.substatus;
    return tables.UPS_CATCH_ALL_STATUS_CODES.has(statusCode!) || refines ? byCode : byStatusCode;
  }
  return [byCode, byType].find(isDecisive) ?? byStatusCode ?? byCode ?? byType;
}
