import { SUPPORTED_LANGUAGES, type Language } from '@wismo/order-view';
import { TRIAGE_KEYWORDS } from './keywords';
import { compilePhrase, findPhrase, phraseWords, type CompiledPhrase, type MatchContext, type PhraseMatch } from './text/keyword-matcher';
import { foldText, tokenise, type Token } from './text/normalise-text';
import { INTENTS, type Intent, type LanguageKeywords } from './triage-types';

/** Which intent wins a tie: the more specific request before the general question. */
export const INTENT_PRECEDENCE: readonly Intent[] = [
  'cancel_order',
  'damaged_or_missing_items',
  'return_or_refund',
  'change_address_or_date',
  'delivery_problem',
  'where_is_my_order',
  'other',
];

/**
 * When both are raised, the first is what the ticket is about: a customer who cancels or reports damage
 * also wants their money back, and that refund follows from the first.
 */
export const INTENT_DOMINANCE: ReadonlyArray<readonly [winner: Intent, loser: Intent]> = [
  ['cancel_order', 'return_or_refund'],
  ['damaged_or_missing_items', 'return_or_refund'],
];

export interface KeywordEvidence {
  intent: Intent | 'billing';
  /** The phrase from the keyword list. */
  keyword: string;
  /** The customer's own words it matched. */
  text: string;
  weight: number;
  /** Matched only with a typo allowance. */
  typo: boolean;
  /** Cancelled by a negation before it ("not damaged"): counted for nothing. */
  negated: boolean;
}

export interface IntentClassification {
  language: Language;
  /** `high`: the language's own words clearly outnumber the others'; `low`: a guess. */
  languageConfidence: 'high' | 'low';
  intent: Intent;
  /** Other intents the ticket also raises, strongest first. */
  secondaryIntents: Intent[];
  scores: Record<Intent, number>;
  /** Whether the ticket talks about payments or invoices. */
  billing: boolean;
  evidence: KeywordEvidence[];
}

interface CompiledLanguage {
  keywords: LanguageKeywords;
  negators: ReadonlySet<string>;
  clauseWords: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  vocabulary: ReadonlySet<string>;
  intents: Array<{ intent: Intent; phrases: CompiledPhrase[] }>;
  billing: CompiledPhrase[];
}

let compiled: Map<Language, CompiledLanguage> | undefined;

function compileLanguage(keywords: LanguageKeywords): CompiledLanguage {
  const negators = new Set(keywords.negators.map(foldText));
  const intents = INTENTS.map((intent) => ({ intent, phrases: keywords.intents[intent].map((phrase) => compilePhrase(phrase, negators)) }));
  const billing = keywords.billing.map((phrase) => compilePhrase(phrase, negators));
  const stopwords = new Set(keywords.stopwords.map(foldText));
  const vocabulary = new Set([
    ...stopwords,
    ...negators,
    ...keywords.orderWords.map(foldText),
    ...[...intents.flatMap((entry) => entry.phrases), ...billing].flatMap(phraseWords),
  ]);
  return { keywords, negators, clauseWords: new Set(keywords.clauseWords.map(foldText)), stopwords, vocabulary, intents, billing };
}

function compiledLanguages(): Map<Language, CompiledLanguage> {
  compiled ??= new Map(SUPPORTED_LANGUAGES.map((language) => [language, compileLanguage(TRIAGE_KEYWORDS[language])]));
  return compiled;
}

function rewrite(text: string, keywords: LanguageKeywords): string {
  let result = text;
  for (const [pattern, replacement] of keywords.rewrites ?? []) result = result.replace(pattern, replacement);
  return result;
}

/**
 * The ticket's language from its frequent words (each language's stopwords). Ties and tickets without any
 * such word fall back to `fallback` (the customer's language when an order is known).
 */
export function detectLanguage(
  text: string,
  fallback: Language = 'en',
): { language: Language; confidence: 'high' | 'low'; tied: Language[] } {
  const words = tokenise(text).map((token) => token.word);
  const ranked = [...compiledLanguages().values()]
    .map((language) => ({ language: language.keywords.language, hits: words.filter((word) => language.stopwords.has(word)).length }))
    .sort((left, right) => right.hits - left.hits || (left.language === fallback ? -1 : right.language === fallback ? 1 : 0));
  const [best, second] = ranked as [{ language: Language; hits: number }, { language: Language; hits: number }];
  if (best.hits === 0) return { language: fallback, confidence: 'low', tied: [] };
  const tied = ranked.filter((entry) => entry.hits === best.hits).map((entry) => entry.language);
  return {
    language: best.language,
    confidence: tied.length === 1 && best.hits >= 2 && best.hits >= second.hits * 2 ? 'high' : 'low',
    tied: tied.length > 1 ? tied : [],
  };
}

function quote(text: string, tokens: readonly Token[], match: PhraseMatch): string {
  return text.slice(tokens[match.firstToken]!.start, tokens[match.lastToken]!.end);
}

/**
 * How much of a ticket is read for its intent: the request comes first; what follows in long tickets is
 * mostly quoted history and signatures. It also bounds the time one ticket takes.
 */
export const MAX_CLASSIFIED_CHARACTERS = 4_000;

export interface ClassifyOptions {
  /** The language to assume when the text does not tell (the customer's). Default `en`. */
  fallbackLanguage?: Language;
  /** Typo tolerance; off only to measure what it adds. Default true. */
  typos?: boolean;
  /** Negation handling; off only to measure what it adds. Default true. */
  negation?: boolean;
}

function matchLanguage(text: string, language: CompiledLanguage, options: ClassifyOptions) {
  const prepared = rewrite(text, language.keywords);
  const tokens = tokenise(prepared, language.clauseWords);
  const context: MatchContext = {
    tokens,
    negators: language.negators,
    vocabulary: language.vocabulary,
    typos: options.typos ?? true,
    negation: options.negation ?? true,
  };
  const scores = Object.fromEntries(INTENTS.map((intent) => [intent, 0])) as Record<Intent, number>;
  const evidence: KeywordEvidence[] = [];
  for (const { intent, phrases } of language.intents) {
    for (const phrase of phrases) {
      const match = findPhrase(phrase, context);
      if (!match) continue;
      evidence.push({
        intent,
        keyword: phrase.source,
        text: quote(prepared, tokens, match),
        weight: phrase.weight,
        typo: match.typo,
        negated: match.negated,
      });
      if (!match.negated) scores[intent] += phrase.weight;
    }
  }
  let billing = false;
  for (const phrase of language.billing) {
    const match = findPhrase(phrase, context);
    if (!match) continue;
    evidence.push({
      intent: 'billing',
      keyword: phrase.source,
      text: quote(prepared, tokens, match),
      weight: phrase.weight,
      typo: match.typo,
      negated: match.negated,
    });
    billing ||= !match.negated;
  }
  return { scores, evidence, billing };
}

/**
 * The ticket's intent from its words: the language's keyword phrases score their intent (negated ones count
 * for nothing); the highest score wins, ties go to the more specific request (`INTENT_PRECEDENCE`). No
 * phrase at all: `other`. English phrases are tried when the ticket's own language finds nothing.
 */
export function classifyIntent(fullText: string, options: ClassifyOptions = {}): IntentClassification {
  const text =
    fullText.length > MAX_CLASSIFIED_CHARACTERS
      ? fullText.slice(0, fullText.lastIndexOf(' ', MAX_CLASSIFIED_CHARACTERS) + 1 || MAX_CLASSIFIED_CHARACTERS)
      : fullText;
  const detected = detectLanguage(text, options.fallbackLanguage ?? 'en');
  const languages = compiledLanguages();
  const total = (scores: Record<Intent, number>) => INTENTS.reduce((sum, intent) => sum + scores[intent], 0);
  let language = detected.language;
  let result = matchLanguage(text, languages.get(language)!, options);
  // A tie on frequent words ("was" is English and German): the language whose keywords find more decides.
  for (const candidate of detected.tied) {
    if (candidate === detected.language) continue;
    const other = matchLanguage(text, languages.get(candidate)!, options);
    if (total(other.scores) > total(result.scores)) {
      result = other;
      language = candidate;
    }
  }
  if (total(result.scores) === 0 && language !== 'en') {
    const english = matchLanguage(text, languages.get('en')!, options);
    if (total(english.scores) > 0) result = english;
  }
  const present = INTENT_PRECEDENCE.filter((intent) => result.scores[intent] > 0);
  // Only a clear statement dominates: one strong phrase (weight 3) or more.
  const dominated = new Set(
    INTENT_DOMINANCE.filter(([winner, loser]) => result.scores[winner] >= 3 && present.includes(loser)).map(([, loser]) => loser),
  );
  const ranked = [...present].sort(
    (left, right) =>
      Number(dominated.has(left)) - Number(dominated.has(right)) ||
      result.scores[right] - result.scores[left] ||
      INTENT_PRECEDENCE.indexOf(left) - INTENT_PRECEDENCE.indexOf(right),
  );
  const intent = ranked[0] ?? 'other';
  return {
    language,
    languageConfidence: detected.confidence,
    intent,
    secondaryIntents: ranked.slice(1).filter((other) => other !== 'other'),
    scores: result.scores,
    billing: result.billing,
    evidence: result.evidence,
  };
}
