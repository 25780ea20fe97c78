/** A word of the ticket, folded for matching, with its place in the original text for quoting. */
export interface Token {
  /** Lower case, diacritics folded (`beschädigt` → `beschadigt`, `ß` → `ss`). */
  word: string;
  start: number;
  end: number;
  /** Index of the sentence it belongs to: a keyword phrase never spans two. */
  sentence: number;
  /** Index of the clause it belongs to: sentences and `but`-like turns split clauses; a negation stays in its clause. */
  clause: number;
  /** The sentence is a question (ends with `?` or opens with `¿`). */
  question: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Sentence ends and colons/semicolons close a clause: a negation never reaches across them.
const CLAUSE_BREAK = /[.!?;:\n\u00a1\u00bf]/u;
// Commas and dashes end a clause but not the sentence: "no, it is damaged" keeps "damaged".
const CLAUSE_ONLY_BREAK = /[,\u2013\u2014(]|\s-\s/u;

/** Lower case with diacritics removed: what keyword lists are written in. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The words of a text, folded, each with its clause. `clauseWords` (a language's "but", "however") also
 * start a new clause, so "not damaged, but late" keeps the negation on the first half.
 */
export function tokenise(text: string, clauseWords: ReadonlySet<string> = new Set()): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (CLAUSE_BREAK.test(text.slice(previousEnd, start))) {
      sentence += 1;
      clause += 1;
    }
    const word = foldText(match[0]);
    if (CLAUSE_ONLY_BREAK.test(text.slice(previousEnd, start)) || clauseWords.has(word)) clause += 1;
    tokens.push({ word, start, end: start + match[0].length, sentence, clause, question: false });
    previousEnd = start + match[0].length;
  }
  markQuestions(text, tokens);
  return tokens;
}

/** Marks the tokens of sentences that end with `?` (or open with `¿`). */
function markQuestions(text: string, tokens: Token[]): void {
  let first = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (next && next.sentence === token.sentence) continue;
    const after = text.slice(token.end, next ? next.start : text.length);
    const before = text.slice(first === 0 ? 0 : tokens[first - 1]!.end, tokens[first]!.start);
    if (after.includes('?') || before.includes('\u00bf'))
      for (let position = first; position <= index; position += 1) tokens[position]!.question = true;
    first = index + 1;
  }
}
