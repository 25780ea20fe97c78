import { boundedEditDistance, typoAllowance } from './edit-distance';
import { foldText, type Token } from './normalise-text';

/** How one slot alternative compares with a word. */
interface WordPattern {
  text: string;
  kind: 'exact' | 'prefix' | 'suffix' | 'contains';
}

export interface CompiledPhrase {
  /** The phrase as written in the keyword list. */
  source: string;
  slots: WordPattern[][];
  /** Gap allowed before each slot (index 0 unused). */
  gaps: number[];
  weight: number;
  /** `!` phrases: a negation before them cancels them ("not damaged"). Others are topics ("no refund yet" is still about the refund). */
  negatable: boolean;
  /** The phrase itself says "not" ("not received"): it is never cancelled by that negation. */
  carriesNegation: boolean;
  /** `?` phrases: a claim a question only wonders about ("is it lost?") does not count. */
  statementOnly: boolean;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  firstToken: number;
  lastToken: number;
  /** A word matched only through a typo allowance. */
  typo: boolean;
  negated: boolean;
}

const NEAR_GAP = 2;
const WIDE_GAP = 8;
const NEGATION_WINDOW = 4;

function compileWord(raw: string): WordPattern {
  const text = foldText(raw);
  const starts = text.startsWith('*');
  const ends = text.endsWith('*');
  const bare = text.replace(/^\*|\*$/g, '');
  if (starts && ends) return { text: bare, kind: 'contains' };
  if (starts) return { text: bare, kind: 'suffix' };
  if (ends) return { text: bare, kind: 'prefix' };
  return { text: bare, kind: 'exact' };
}

/**
 * Phrase syntax: words separated by spaces; `a|b` alternatives for one word; `word*` a stem, `*word` the end
 * of a compound (`*adresse` matches "Lieferadresse"), `*word*` a part; `..` between words allows a wide gap;
 * a leading `!` makes the phrase negatable, a leading `?` ignores it in questions; a trailing `=N` gives it
 * weight N (default 1).
 */
export function compilePhrase(source: string, negators: ReadonlySet<string>): CompiledPhrase {
  let text = source.trim();
  const negatable = /^[!?]*!/.test(text);
  const statementOnly = /^[!?]*\?/.test(text);
  text = text.replace(/^[!?]+/, '').trim();
  let weight = 1;
  const weightMatch = /\s=(\d+(?:\.\d+)?)$/.exec(text);
  if (weightMatch) {
    weight = Number(weightMatch[1]);
    text = text.slice(0, weightMatch.index).trim();
  }
  const slots: WordPattern[][] = [];
  const gaps: number[] = [];
  let nextGap = NEAR_GAP;
  for (const part of text.split(/\s+/)) {
    if (part === '..') {
      nextGap = WIDE_GAP;
      continue;
    }
    slots.push(part.split('|').map(compileWord));
    gaps.push(slots.length === 1 ? 0 : nextGap);
    nextGap = NEAR_GAP;
  }
  if (slots.length === 0) throw new Error(`Empty keyword phrase: ${JSON.stringify(source)}`);
  const carriesNegation = slots.some((slot) => slot.some((pattern) => pattern.kind === 'exact' && negators.has(pattern.text)));
  return { source, slots, gaps, weight, negatable, carriesNegation, statementOnly };
}

/** The words a phrase names exactly (or as a stem): a ticket word equal to one of them is no typo of another. */
export function phraseWords(phrase: CompiledPhrase): string[] {
  return phrase.slots.flatMap((slot) => slot.filter((pattern) => pattern.kind === 'exact').map((pattern) => pattern.text));
}

/** 0 for an exact (or stem) match, 1 for a match within the typo allowance, null for none. */
function compareWord(pattern: WordPattern, word: string, knownWord: boolean): 0 | 1 | null {
  const { text, kind } = pattern;
  switch (kind) {
    case 'exact':
      if (word === text) return 0;
      break;
    case 'prefix':
      if (word.startsWith(text)) return 0;
      break;
    case 'suffix':
      if (word.endsWith(text)) return 0;
      break;
    case 'contains':
      return word.includes(text) ? 0 : null;
  }
  const allowance = typoAllowance(text.length);
  // "pedido" (order) is a word of its own, not a typo of "perdido" (lost).
  if (allowance === 0 || knownWord) return null;
  if (kind === 'exact') {
    // Typos rarely hit the first letter; requiring it keeps "charge" from reading as "change".
    return word[0] === text[0] && boundedEditDistance(word, text, allowance) <= allowance ? 1 : null;
  }
  for (const length of [text.length - 1, text.length, text.length + 1]) {
    if (length < 1 || word.length < length) continue;
    const part = kind === 'prefix' ? word.slice(0, length) : word.slice(word.length - length);
    if (kind === 'prefix' && part[0] !== text[0]) continue;
    if (boundedEditDistance(part, text, allowance) <= allowance) return 1;
  }
  return null;
}

function slotMatches(slot: readonly WordPattern[], word: string, context: MatchContext): 0 | 1 | null {
  let best: 0 | 1 | null = null;
  const knownWord = context.typos === false || context.vocabulary.has(word);
  for (const pattern of slot) {
    const result = compareWord(pattern, word, knownWord);
    if (result === 0) return 0;
    if (result === 1) best = 1;
  }
  return best;
}

export interface MatchContext {
  tokens: readonly Token[];
  negators: ReadonlySet<string>;
  /** The language's known words: they are never read as typos of other words. */
  vocabulary: ReadonlySet<string>;
  /** Off: exact and stem matches only (for measuring what typo tolerance adds). Default on. */
  typos?: boolean;
  /** Off: negations cancel nothing (for measuring what negation handling adds). Default on. */
  negation?: boolean;
}

/** Where a negator stands in the few words before `index`, in the same clause. */
function negatedAt(context: MatchContext, index: number): boolean {
  const clause = context.tokens[index]!.clause;
  for (let position = index - 1; position >= Math.max(0, index - NEGATION_WINDOW); position -= 1) {
    const token = context.tokens[position]!;
    if (token.clause !== clause) return false;
    if (context.negators.has(token.word)) return true;
  }
  return false;
}

/** The first occurrence of the phrase that no negation cancels; else the first cancelled one; else null. */
export function findPhrase(phrase: CompiledPhrase, context: MatchContext): PhraseMatch | null {
  const { tokens } = context;
  let cancelled: PhraseMatch | null = null;
  for (let start = 0; start < tokens.length; start += 1) {
    const first = slotMatches(phrase.slots[0]!, tokens[start]!.word, context);
    if (first === null) continue;
    let typo = first === 1;
    let position = start;
    let complete = true;
    for (let slotIndex = 1; slotIndex < phrase.slots.length; slotIndex += 1) {
      let found = -1;
      const limit = Math.min(tokens.length - 1, position + 1 + phrase.gaps[slotIndex]!);
      for (let candidate = position + 1; candidate <= limit; candidate += 1) {
        if (tokens[candidate]!.sentence !== tokens[start]!.sentence) break;
        const result = slotMatches(phrase.slots[slotIndex]!, tokens[candidate]!.word, context);
        if (result !== null) {
          found = candidate;
          typo ||= result === 1;
          break;
        }
      }
      if (found < 0) {
        complete = false;
        break;
      }
      position = found;
    }
    if (!complete) continue;
    if (phrase.statementOnly && tokens[start]!.question) continue;
    const match = {
      phrase,
      firstToken: start,
      lastToken: position,
      typo,
      negated: context.negation !== false && phrase.negatable && !phrase.carriesNegation && negatedAt(context, start),
    };
    if (!match.negated) return match;
    cancelled ??= match;
  }
  return cancelled;
}
