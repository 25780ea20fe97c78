import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { capText } from './dhl-carrier';
import {
  DHL_EXPRESS_CHECKPOINT_TABLE,
  DHL_STATUS_CODES,
  DHL_STATUS_CODE_TABLE,
  DHL_TEXT_RULES,
  type DhlStatusCode,
  type DhlTextRule,
} from './dhl-status-tables';

/**
 * The text rules per service scope and coarse code, in list order (the first match wins), built once. Scope ''
 * holds the rules for every service; a service no rule names uses it. `any` joins the patterns of a set in one
 * expression: most events match none, and are then done in one test. Maps, not objects: inherited keys such as
 * "toString" must not count as codes.
 */
const RULE_SETS = new Map<string, Map<string, { rules: DhlTextRule[]; any: RegExp | null }>>();
for (const scope of new Set(['', ...DHL_TEXT_RULES.flatMap((rule) => rule.services ?? [])])) {
  const sets = DHL_STATUS_CODES.map((code) => {
    const rules = DHL_TEXT_RULES.filter((rule) => rule.statusCodes.includes(code) && (!rule.services || rule.services.includes(scope)));
    const any = rules.length > 0 ? new RegExp(rules.map((rule) => `(?:${rule.pattern.source})`).join('|'), 'i') : null;
    return [code, { rules, any }] as const;
  });
  RULE_SETS.set(scope, new Map(sets));
}

export interface DhlEventCodes {
  statusCode?: string | null;
  statusDetailed?: string | null;
  status?: string | null;
  description?: string | null;
  remark?: string | null;
}

export interface DhlMappedEvent {
  /** The code the table was looked up with (kept on the event as `raw.code`). */
  readonly code: string | null;
  /** The table entry; undefined when nothing documented matched (the event becomes unmapped). */
  readonly entry: StatusTableEntry | undefined;
  /** How the entry was found, for debugging and tests. */
  readonly matchedBy: 'express-checkpoint' | 'text' | 'status-code' | 'none';
  /** The id of the text rule, when one matched. */
  readonly ruleId?: string;
}

/** Looks an event up: express checkpoint code, then a cited phrase, then the coarse `statusCode`. */
export function mapDhlEvent(codes: DhlEventCodes, service: string | null | undefined): DhlMappedEvent {
  const statusCode = codes.statusCode?.trim() || null;
  if (service === 'express') {
    const checkpoint = codes.statusDetailed?.trim() || codes.status?.trim() || '';
    const entry = checkpoint.length === 2 ? lookupStatus(DHL_EXPRESS_CHECKPOINT_TABLE, checkpoint) : undefined;
    if (entry) return { code: checkpoint, entry, matchedBy: 'express-checkpoint' };
  }
  const set = statusCode === null ? undefined : (RULE_SETS.get(service ?? '') ?? RULE_SETS.get(''))?.get(statusCode);
  if (!set) return { code: statusCode, entry: undefined, matchedBy: 'none' };
  const description = capText(codes.description);
  const status = capText(codes.status);
  const remark = capText(codes.remark);
  let rule: DhlTextRule | undefined;
  if (set.any && matches(set.any, description, status, remark))
    rule = set.rules.find(({ pattern }) => matches(pattern, description, status, remark));
  if (rule) return { code: statusCode, entry: rule.entry, matchedBy: 'text', ruleId: rule.id };
  return { code: statusCode, entry: DHL_STATUS_CODE_TABLE[statusCode as DhlStatusCode], matchedBy: 'status-code' };
}

function matches(
  pattern: RegExp,
  description: string | null | undefined,
  status: string | null | undefined,
  remark: string | null | undefined,
) {
  // parcel-de repeats the same sentence in `status` and `description`: it is tested once.
  return Boolean(
    (description && pattern.test(description)) ||
    (status && status !== description && pattern.test(status)) ||
    (remark && pattern.test(remark)),
  );
}
