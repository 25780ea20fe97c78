import type { StatusTableEntry } from '@wismo/core';
import { capText } from './dhl-carrier';
import {
  DHL_EXPRESS_CHECKPOINT_TABLE,
  DHL_STATUS_CODES,
  DHL_STATUS_CODE_TABLE,
  DHL_TEXT_RULES,
  type DhlStatusCode,
  type DhlTextRule,
} from './dhl-status-tables';

interface RuleSet {
  rules: DhlTextRule[];
  /** The answer for each rule, built once (answers are shared and frozen). */
  results: DhlMappedEvent[];
  /** The answer when no rule matches. */
  fallback: DhlMappedEvent;
  /** Every pattern of `rules` in one expression: most events match none, and are then done in one test. */
  any: RegExp | null;
}

function buildRuleSet(statusCode: DhlStatusCode, scope: string): RuleSet {
  const rules = DHL_TEXT_RULES.filter((rule) => rule.statusCodes.includes(statusCode) && (!rule.services || rule.services.includes(scope)));
  return {
    rules,
    results: rules.map((rule) => Object.freeze({ code: statusCode, entry: rule.entry, matchedBy: 'text' as const, ruleId: rule.id })),
    fallback: Object.freeze({ code: statusCode, entry: DHL_STATUS_CODE_TABLE[statusCode], matchedBy: 'status-code' as const }),
    any: rules.length > 0 ? new RegExp(rules.map((rule) => `(?:${rule.pattern.source})`).join('|'), 'i') : null,
  };
}

/**
 * The rules per service scope and coarse code, in list order (the first match wins), built once.
 * Scope '' holds the rules for every service; a service no rule names uses it.
 */
const RULE_SETS: ReadonlyMap<string, ReadonlyMap<string, RuleSet>> = (() => {
  const scopes = new Set(['', ...DHL_TEXT_RULES.flatMap((rule) => rule.services ?? [])]);
  const byScope = new Map<string, Map<string, RuleSet>>();
  for (const scope of scopes) byScope.set(scope, new Map(DHL_STATUS_CODES.map((code) => [code, buildRuleSet(code, scope)])));
  return byScope;
})();
const UNSCOPED_RULE_SETS = RULE_SETS.get('')!;

const CHECKPOINT_RESULTS: ReadonlyMap<string, DhlMappedEvent> = new Map(
  Object.entries(DHL_EXPRESS_CHECKPOINT_TABLE).map(([code, entry]) => [
    code,
    Object.freeze({ code, entry, matchedBy: 'express-checkpoint' as const }),
  ]),
);

export interface DhlEventCodes {
  statusCode?: string | null;
  statusDetailed?: string | null;
  status?: string | null;
  description?: string | null;
  remark?: string | null;
}

/** The answer of `mapDhlEvent`; shared between calls, so never changed in place. */
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
    const result = checkpoint.length === 2 ? CHECKPOINT_RESULTS.get(checkpoint) : undefined;
    if (result) return result;
  }

  // A Map, not the table object: inherited keys such as "toString" must not count as codes.
  const set = statusCode === null ? undefined : ((service ? RULE_SETS.get(service) : undefined) ?? UNSCOPED_RULE_SETS).get(statusCode);
  if (!set) return { code: statusCode, entry: undefined, matchedBy: 'none' };

  if (set.any && matches(set.any, codes)) {
    for (let index = 0; index < set.rules.length; index++) {
      if (matches(set.rules[index]!.pattern, codes)) return set.results[index]!;
    }
  }
  return set.fallback;
}

function matches(pattern: RegExp, codes: DhlEventCodes): boolean {
  const description = capText(codes.description);
  const status = capText(codes.status);
  const remark = capText(codes.remark);
  // parcel-de repeats the same sentence in `status` and `description`: test it once.
  if (description && pattern.test(description)) return true;
  if (status && status !== description && pattern.test(status)) return true;
  return Boolean(remark && pattern.test(remark));
}
