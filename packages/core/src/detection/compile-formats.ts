import { carrierIdForCourierCode, s10CarrierId, S10_POSTAL_OPERATORS } from './carrier-ids';
import { isKnownChecksum, verifyCheckDigit } from './checksums';
import { profileRegex, type RegexProfile } from './regex-profile';
import type { ChecksumDefinition, CourierDefinition, LookupEntry, TrackingNumberDefinition } from './tracking-number-definition';

export interface CompiledLookup {
  name: string;
  groupName: string;
  entries: ReadonlyArray<{ entry: LookupEntry; matches: (value: string) => boolean }>;
}

export interface CompiledFormat {
  /** Position in the list the formats were compiled from: the last tie-breaker of the ranking. */
  order: number;
  courierCode: string;
  courierName: string;
  definition: TrackingNumberDefinition;
  formatId: string | null;
  /** The wismo carrier, or null when it depends on the number (S10: the issuing post). */
  carrier: string | null;
  /** Anchored, compiled for normalised input (no whitespace, no dashes). */
  regex: RegExp;
  profile: RegexProfile;
  /** null: the format matches on pattern only. */
  checksum: ChecksumDefinition | null;
  prependIf: { pattern: RegExp; content: string } | null;
  lookups: readonly CompiledLookup[];
  requiredLookups: readonly string[];
  trackingUrl: string | null;
  /** Why the format can never match (bad regex, unknown checksum, ...). Empty for a usable format. */
  problems: readonly string[];
}

export interface FormatMatch {
  format: CompiledFormat;
  groups: Readonly<Record<string, string>>;
  confidence: 'checksum' | 'pattern';
  carrier: string;
  carrierName: string;
  service: string | null;
  countryCode: string | null;
  trackingUrl: string | null;
  /** How many of the format's lookups found an entry for this number. */
  lookupsFound: number;
}

const NEVER = /(?!)/;

/** The data's regex as one string: arrays are concatenated. */
export function joinRegex(regex: string | readonly string[]): string {
  return typeof regex === 'string' ? regex : regex.join('');
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/**
 * Rewrites a data regex for normalised input. The data tolerates spaces with `\s*` between characters and
 * prints some separators literally (`-` in LaserShip 1LS7 (18)); normalisation removed both from the
 * input, so they are removed from the pattern too (with any quantifier they carried). Character classes
 * are left untouched.
 */
export function simplifyRegexForNormalisedInput(source: string): string {
  let result = '';
  let index = 0;
  let inClass = false;
  while (index < source.length) {
    const character = source[index] as string;
    if (character === '\\') {
      const escaped = source.slice(index, index + 2);
      const separator = escaped === '\\s' || escaped === '\\-' || escaped === '\\.';
      if (!inClass && separator) {
        const quantifier = QUANTIFIER.exec(source.slice(index + 2));
        // A bare `\s` (or `\s+`) requires whitespace; keep it, so the format stays as strict as written.
        if (escaped !== '\\s' || (quantifier && /^(?:\*|\?|\{0(?:,\d*)?\})/.test(quantifier[0]))) {
          index += 2 + (quantifier ? quantifier[0].length : 0);
          continue;
        }
      }
      result += escaped;
      index += 2;
      continue;
    }
    if (inClass) {
      if (character === ']') inClass = false;
    } else if (character === '[') {
      inClass = true;
    } else if (character === '-') {
      const quantifier = QUANTIFIER.exec(source.slice(index + 1));
      index += 1 + (quantifier ? quantifier[0].length : 0);
      continue;
    }
    result += character;
    index += 1;
  }
  return result;
}

function compileLookups(definition: TrackingNumberDefinition, problems: string[]): CompiledLookup[] {
  return (definition.additional ?? []).map((lookup) => ({
    name: lookup.name,
    groupName: lookup.regex_group_name,
    entries: lookup.lookup.map((entry) => {
      if (entry.matches_regex !== undefined) {
        try {
          // Unanchored, as the tracking_number gem reads `matches_regex`.
          const pattern = new RegExp(entry.matches_regex);
          return { entry, matches: (value: string) => pattern.test(value) };
        } catch {
          problems.push(`lookup "${lookup.name}" has an invalid matches_regex ${entry.matches_regex}`);
          return { entry, matches: () => false };
        }
      }
      const expected = entry.matches;
      return { entry, matches: (value: string) => expected !== undefined && value === expected };
    }),
  }));
}

function compileFormat(courier: CourierDefinition, definition: TrackingNumberDefinition, order: number): CompiledFormat {
  const problems: string[] = [];
  const source = simplifyRegexForNormalisedInput(joinRegex(definition.regex));
  let regex = NEVER;
  try {
    regex = new RegExp(`^(?:${source})$`);
  } catch (error) {
    problems.push(`regex does not compile: ${(error as Error).message}`);
  }

  const validation = definition.validation ?? {};
  const patternOnly = validation.validates_check_digit === false || definition.validates_check_digit === false;
  const checksum = patternOnly ? null : (validation.checksum ?? null);
  if (checksum && !isKnownChecksum(checksum.name)) {
    // Accepting what cannot be verified would turn a typo in the data into false positives.
    problems.push(`unknown checksum "${checksum.name}": the format rejects every number`);
  }

  let prependIf: CompiledFormat['prependIf'] = null;
  const prepend = validation.serial_number_format?.prepend_if;
  if (prepend) {
    try {
      prependIf = { pattern: new RegExp(prepend.matches_regex), content: prepend.content };
    } catch {
      problems.push(`serial_number_format.prepend_if has an invalid regex ${prepend.matches_regex}`);
    }
  }

  const lookups = compileLookups(definition, problems);
  const requiredLookups = validation.additional?.exists ?? [];
  for (const name of requiredLookups) {
    if (!lookups.some((lookup) => lookup.name === name)) problems.push(`required lookup "${name}" is not defined`);
  }

  return {
    order,
    courierCode: courier.courier_code,
    courierName: courier.name,
    definition,
    formatId: definition.id ?? null,
    carrier: courier.courier_code === 's10' ? null : carrierIdForCourierCode(courier.courier_code),
    regex: problems.length > 0 ? NEVER : regex,
    profile: profileRegex(source),
    checksum,
    prependIf,
    lookups,
    requiredLookups,
    trackingUrl: definition.tracking_url ?? null,
    problems,
  };
}

/** Compiles every format of the given couriers, in order. Formats with problems compile to never-matching ones. */
export function compileFormats(couriers: readonly CourierDefinition[]): CompiledFormat[] {
  const formats: CompiledFormat[] = [];
  for (const courier of couriers) {
    for (const definition of courier.tracking_numbers) formats.push(compileFormat(courier, definition, formats.length));
  }
  return formats;
}

function findEntry(lookup: CompiledLookup, value: string | undefined): LookupEntry | null {
  if (value === undefined) return null;
  return lookup.entries.find((candidate) => candidate.matches(value))?.entry ?? null;
}

function countryCodeFrom(groups: Readonly<Record<string, string>>, entries: ReadonlyMap<string, LookupEntry>): string | null {
  for (const entry of entries.values()) {
    if (typeof entry.country_short_code === 'string') return entry.country_short_code;
  }
  const raw = groups.CountryCode;
  return raw !== undefined && /^[A-Z]{2}$/.test(raw) ? raw : null;
}

/** The data's `%s` template with the number filled in. */
export function fillTrackingUrl(template: string | null, trackingNumber: string): string | null {
  return template ? template.replaceAll('%s', encodeURIComponent(trackingNumber)) : null;
}

/**
 * Runs one format on a normalised number: regex, check digit (after `prepend_if`), required lookups.
 * Returns null when the number is not valid for the format.
 */
export function matchFormat(format: CompiledFormat, normalised: string): FormatMatch | null {
  const match = format.regex.exec(normalised);
  if (!match) return null;
  const groups: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined) groups[name] = value;

  if (format.checksum) {
    let serial = groups.SerialNumber;
    const checkDigit = groups.CheckDigit;
    if (serial === undefined || checkDigit === undefined) return null;
    if (format.prependIf?.pattern.test(serial)) serial = format.prependIf.content + serial;
    if (!verifyCheckDigit(format.checksum, serial, checkDigit)) return null;
  }

  const found = new Map<string, LookupEntry>();
  for (const lookup of format.lookups) {
    const entry = findEntry(lookup, groups[lookup.groupName]);
    if (entry) found.set(lookup.name, entry);
  }
  if (format.requiredLookups.some((name) => !found.has(name))) return null;

  const countryCode = countryCodeFrom(groups, found);
  let carrier = format.carrier;
  let carrierName = format.courierName;
  let trackingUrl = format.trackingUrl;
  if (carrier === null) {
    // S10: the issuing post, named by the data's Courier lookup.
    if (countryCode === null) return null;
    carrier = s10CarrierId(countryCode);
    const issuingPost = found.get('Courier')?.courier;
    if (typeof issuingPost === 'string') carrierName = issuingPost;
    trackingUrl = trackingUrl ?? S10_POSTAL_OPERATORS[countryCode]?.trackingUrl ?? null;
  }

  const serviceEntry = format.lookups.find((lookup) => lookup.groupName === 'ServiceType' && found.has(lookup.name));
  const service = serviceEntry ? (found.get(serviceEntry.name)?.name ?? null) : null;

  return {
    format,
    groups,
    confidence: format.checksum ? 'checksum' : 'pattern',
    carrier,
    carrierName,
    service,
    countryCode,
    trackingUrl: fillTrackingUrl(trackingUrl, normalised),
    lookupsFound: found.size,
  };
}
