import { compileFormats, fillTrackingUrl, matchFormat, type CompiledFormat, type FormatMatch } from './compile-formats';
import { normaliseTrackingNumber } from './normalise-tracking-number';
import { TRACKING_NUMBER_DATA } from './tracking-number-data';
import type { CourierDefinition } from './tracking-number-definition';
import { SHARED_NUMBER_RULES, WISMO_FORMATS, type SharedNumberRule } from './wismo-formats';

export interface DetectionCandidate {
  /** wismo carrier id: `ups`, `fedex`, `usps`, ...; S10 numbers of posts wismo does not track: `upu-s10:<CC>`. */
  carrier: string;
  carrierName: string;
  /** Format name from the data, e.g. `UPS` or `FedEx Express (12)`. */
  format: string;
  formatId: string | null;
  /** Service looked up from the number, where the data has a service lookup. */
  service: string | null;
  countryCode: string | null;
  /** The normalised number: separators removed, upper case. */
  trackingNumber: string;
  /** `checksum`: the check digit was verified; `pattern`: only the format matched. */
  confidence: 'checksum' | 'pattern';
  trackingUrl: string | null;
  /** Ranking score, highest first; see `docs/detection.md`. */
  score: number;
}

export interface DetectCarrierOptions {
  /** Only return candidates of these carrier ids. */
  carriers?: readonly string[];
}

/** A score of 1000 is what a verified check digit is worth: more than any pattern can be. */
const CHECKSUM_WEIGHT = 1000;
const LOOKUP_WEIGHT = 1;
// A partner candidate scores as a pattern-only reading of the same format, one point lower.
const SHARED_NUMBER_PENALTY = 1;
const LENGTH_INDEX_LIMIT = 64;

function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

function scoreOf(match: FormatMatch, length: number): number {
  const confidence = match.confidence === 'checksum' ? CHECKSUM_WEIGHT : 0;
  const specificity = match.format.profile.bitsForLength(length);
  return roundScore(confidence + specificity + LOOKUP_WEIGHT * match.lookupsFound);
}

interface RankedCandidate {
  candidate: DetectionCandidate;
  order: number;
}

export interface CarrierDetector {
  detect(input: string, options?: DetectCarrierOptions): DetectionCandidate[];
  readonly formats: readonly CompiledFormat[];
}

/**
 * Builds a detector over the given couriers (the open data and wismo's own formats by default). The
 * formats are compiled once; a small index by length and first character is filled as numbers arrive, so
 * each number runs only the regexes whose profile allows it.
 */
export function createCarrierDetector(
  couriers: readonly CourierDefinition[],
  sharedNumberRules: readonly SharedNumberRule[] = [],
): CarrierDetector {
  const formats = compileFormats(couriers).filter((format) => format.problems.length === 0);
  const rulesByFormat = new Map<string, SharedNumberRule[]>();
  for (const rule of sharedNumberRules) rulesByFormat.set(rule.formatId, [...(rulesByFormat.get(rule.formatId) ?? []), rule]);
  const shortlists = new Map<string, readonly CompiledFormat[]>();

  function shortlist(normalised: string): readonly CompiledFormat[] {
    const length = normalised.length;
    const first = normalised[0] as string;
    const key = length <= LENGTH_INDEX_LIMIT ? `${length}:${first}` : null;
    const cached = key === null ? undefined : shortlists.get(key);
    if (cached) return cached;
    const list = formats.filter(
      ({ profile }) =>
        length >= profile.minimumLength &&
        length <= profile.maximumLength &&
        (profile.firstCharacters === null || profile.firstCharacters.has(first)),
    );
    // Keys are bounded (64 lengths x the first characters seen), so the cache cannot grow without limit
    // on ordinary input; odd first characters still get a list, usually empty.
    if (key !== null && shortlists.size < 8192) shortlists.set(key, list);
    return list;
  }

  function sharedCandidates(match: FormatMatch, trackingNumber: string, score: number): DetectionCandidate[] {
    const rules = match.format.formatId ? rulesByFormat.get(match.format.formatId) : undefined;
    if (!rules) return [];
    return rules
      .filter((rule) => Object.entries(rule.groups).every(([name, pattern]) => pattern.test(match.groups[name] ?? '')))
      .map((rule) => ({
        carrier: rule.carrier,
        carrierName: rule.carrierName,
        format: rule.format,
        formatId: rule.id,
        service: match.service,
        countryCode: match.countryCode,
        trackingNumber,
        // Nothing in the number proves the handover, so the partner never claims a verified check digit.
        confidence: 'pattern' as const,
        trackingUrl: fillTrackingUrl(rule.trackingUrl, trackingNumber),
        score: roundScore(score - CHECKSUM_WEIGHT * (match.confidence === 'checksum' ? 1 : 0) - SHARED_NUMBER_PENALTY),
      }));
  }

  function detect(input: string, options: DetectCarrierOptions = {}): DetectionCandidate[] {
    const trackingNumber = normaliseTrackingNumber(input);
    if (trackingNumber.length === 0) return [];
    const wanted = options.carriers ? new Set(options.carriers) : null;
    const ranked: RankedCandidate[] = [];
    for (const format of shortlist(trackingNumber)) {
      const match = matchFormat(format, trackingNumber);
      if (!match) continue;
      const score = scoreOf(match, trackingNumber.length);
      const candidates: DetectionCandidate[] = [
        {
          carrier: match.carrier,
          carrierName: match.carrierName,
          format: format.definition.name,
          formatId: format.formatId,
          service: match.service,
          countryCode: match.countryCode,
          trackingNumber,
          confidence: match.confidence,
          trackingUrl: match.trackingUrl,
          score,
        },
        ...sharedCandidates(match, trackingNumber, score),
      ];
      for (const candidate of candidates) {
        if (wanted === null || wanted.has(candidate.carrier)) ranked.push({ candidate, order: format.order });
      }
    }
    return ranked
      .sort((left, right) => right.candidate.score - left.candidate.score || left.order - right.order)
      .map(({ candidate }) => candidate);
  }

  return { detect, formats };
}

let defaultDetector: CarrierDetector | undefined;

/** The detector over the bundled data, compiled on first use. */
export function getDefaultCarrierDetector(): CarrierDetector {
  defaultDetector ??= createCarrierDetector([...TRACKING_NUMBER_DATA, ...WISMO_FORMATS], SHARED_NUMBER_RULES);
  return defaultDetector;
}

/**
 * Every carrier whose format matches the number, best first: verified check digits before pattern-only
 * matches, then the more specific format. `[]` when nothing matches.
 */
export function detectCarrier(input: string, options?: DetectCarrierOptions): DetectionCandidate[] {
  return getDefaultCarrierDetector().detect(input, options);
}
