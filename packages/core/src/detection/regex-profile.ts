/**
 * A static profile of a tracking-number regex, read from its source once: the lengths it can match, the
 * characters it can start with, and how many bits of a random alphanumeric string it pins down. The
 * profile drives the cheap pre-filter (most formats are skipped on length and first character without
 * running their regex) and the specificity part of the ranking score.
 *
 * It understands the regex subset the data uses: literals, classes, escapes, groups, lookarounds,
 * alternation and quantifiers. Anything else makes the profile fall back to "anything goes", which is
 * always safe: a fallback profile never skips a format.
 */

export interface RegexProfile {
  minimumLength: number;
  /** `Infinity` when the regex has an unbounded repetition. */
  maximumLength: number;
  /** Characters a match can start with; null when any character can. */
  firstCharacters: ReadonlySet<string> | null;
  /** The information the pattern fixes, in bits, along its least constraining path. */
  specificityBits: number;
  /**
   * The same, along the least constraining path that matches exactly `length` characters: what a match of
   * that length tells. Falls back to `specificityBits` for lengths the profile does not track.
   */
  bitsForLength(length: number): number;
}

// Tracking numbers are normalised to digits and upper-case letters: a class is weighed against these 36.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHABET_BITS = Math.log2(ALPHABET.length);
const PRINTABLE: readonly string[] = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));

// Lengths tracked by the per-length bits; longer paths fall back to the overall minimum.
const TRACKED_LENGTH = 64;

/** length → least bits along a path of that length. */
type BitsByLength = Map<number, number>;

interface NodeProfile {
  minimumLength: number;
  maximumLength: number;
  /** null = any character. */
  first: Set<string> | null;
  bits: number;
  bitsByLength: BitsByLength;
}

function keepLeast(target: BitsByLength, length: number, bits: number): void {
  if (length > TRACKED_LENGTH) return;
  const current = target.get(length);
  if (current === undefined || bits < current) target.set(length, bits);
}

function concatenate(left: BitsByLength, right: BitsByLength): BitsByLength {
  const result: BitsByLength = new Map();
  for (const [leftLength, leftBits] of left) {
    for (const [rightLength, rightBits] of right) keepLeast(result, leftLength + rightLength, leftBits + rightBits);
  }
  return result;
}

function alternate(left: BitsByLength, right: BitsByLength): BitsByLength {
  const result: BitsByLength = new Map(left);
  for (const [length, bits] of right) keepLeast(result, length, bits);
  return result;
}

function repeat(atom: BitsByLength, minimum: number, maximum: number): BitsByLength {
  let power: BitsByLength = new Map([[0, 0]]);
  for (let count = 0; count < minimum && power.size > 0; count += 1) power = concatenate(power, atom);
  let result: BitsByLength = new Map(power);
  const atomConsumes = [...atom.keys()].some((length) => length > 0);
  for (let count = minimum; count < maximum && atomConsumes && power.size > 0 && count <= TRACKED_LENGTH; count += 1) {
    power = concatenate(power, atom);
    result = alternate(result, power);
  }
  return result;
}

class UnsupportedRegex extends Error {}

function zeroWidth(): NodeProfile {
  return { minimumLength: 0, maximumLength: 0, first: new Set(), bits: 0, bitsByLength: new Map([[0, 0]]) };
}

function union(left: Set<string> | null, right: Set<string> | null): Set<string> | null {
  if (left === null || right === null) return null;
  return new Set([...left, ...right]);
}

function characterSetProfile(characters: Set<string> | null): NodeProfile {
  if (characters === null) return { minimumLength: 1, maximumLength: 1, first: null, bits: 0, bitsByLength: new Map([[1, 0]]) };
  const inAlphabet = [...characters].filter((character) => ALPHABET.includes(character)).length;
  const bits = inAlphabet === 0 ? ALPHABET_BITS : Math.log2(ALPHABET.length / inAlphabet);
  return { minimumLength: 1, maximumLength: 1, first: characters, bits, bitsByLength: new Map([[1, bits]]) };
}

function rangeOf(from: string, to: string): string[] {
  const start = from.charCodeAt(0);
  const end = to.charCodeAt(0);
  if (end < start) throw new UnsupportedRegex(`bad range ${from}-${to}`);
  return Array.from({ length: end - start + 1 }, (_, index) => String.fromCharCode(start + index));
}

/** The members of `\d`, `\w`, `\s`; null for their negations (any character, as far as the profile goes). */
function escapeClass(letter: 'd' | 'w' | 's' | 'D' | 'W' | 'S'): string[] | null {
  if (letter === 'd') return rangeOf('0', '9');
  if (letter === 'w') return [...rangeOf('0', '9'), ...rangeOf('A', 'Z'), ...rangeOf('a', 'z'), '_'];
  if (letter === 's') return [' ', '\t', '\n', '\r', '\f', '\v'];
  return null;
}

function isClassEscape(letter: string): letter is 'd' | 'w' | 's' | 'D' | 'W' | 'S' {
  return 'dwsDWS'.includes(letter);
}

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  parse(): NodeProfile {
    const profile = this.alternation();
    if (this.position !== this.source.length) throw new UnsupportedRegex(`unexpected ${this.peek()}`);
    return profile;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private alternation(): NodeProfile {
    let profile = this.sequence();
    while (this.peek() === '|') {
      this.position += 1;
      const next = this.sequence();
      profile = {
        minimumLength: Math.min(profile.minimumLength, next.minimumLength),
        maximumLength: Math.max(profile.maximumLength, next.maximumLength),
        first: union(profile.first, next.first),
        bits: Math.min(profile.bits, next.bits),
        bitsByLength: alternate(profile.bitsByLength, next.bitsByLength),
      };
    }
    return profile;
  }

  private sequence(): NodeProfile {
    let profile = zeroWidth();
    let stillNullable = true;
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.quantified();
      if (stillNullable) profile.first = union(profile.first, item.first);
      if (item.minimumLength > 0) stillNullable = false;
      profile = {
        minimumLength: profile.minimumLength + item.minimumLength,
        maximumLength: profile.maximumLength + item.maximumLength,
        first: profile.first,
        bits: profile.bits + item.bits,
        bitsByLength: concatenate(profile.bitsByLength, item.bitsByLength),
      };
    }
    return profile;
  }

  private quantified(): NodeProfile {
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    const [minimum, maximum] = quantifier;
    return {
      minimumLength: atom.minimumLength * minimum,
      maximumLength: maximum === Infinity ? (atom.maximumLength === 0 ? 0 : Infinity) : atom.maximumLength * maximum,
      first: minimum === 0 && maximum === 0 ? new Set() : atom.first,
      bits: atom.bits * minimum,
      bitsByLength: repeat(atom.bitsByLength, minimum, maximum),
    };
  }

  private quantifier(): [number, number] | null {
    const character = this.peek();
    let result: [number, number] | null = null;
    if (character === '*') result = [0, Infinity];
    else if (character === '+') result = [1, Infinity];
    else if (character === '?') result = [0, 1];
    if (result) {
      this.position += 1;
    } else if (character === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!match) return null;
      const minimum = Number(match[1]);
      const maximum = match[2] === undefined ? minimum : match[3] === '' ? Infinity : Number(match[3]);
      this.position += match[0].length;
      result = [minimum, maximum];
    }
    if (result && this.peek() === '?') this.position += 1; // lazy: same lengths
    return result;
  }

  private atom(): NodeProfile {
    const character = this.peek();
    if (character === undefined) throw new UnsupportedRegex('unexpected end');
    if (character === '(') return this.group();
    if (character === '[') return this.characterClass();
    if (character === '\\') return this.escape();
    this.position += 1;
    if (character === '.') return characterSetProfile(null);
    if (character === '^' || character === '$') return zeroWidth();
    if ('*+?{}'.includes(character)) throw new UnsupportedRegex(`dangling ${character}`);
    return characterSetProfile(new Set([character]));
  }

  private group(): NodeProfile {
    this.position += 1;
    let lookaround = false;
    if (this.source.startsWith('?:', this.position)) {
      this.position += 2;
    } else if (/^\?<?[=!]/.test(this.source.slice(this.position))) {
      lookaround = true;
      this.position += this.source[this.position + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.position)) {
      const end = this.source.indexOf('>', this.position);
      if (end < 0) throw new UnsupportedRegex('unterminated group name');
      this.position = end + 1;
    } else if (this.peek() === '?') {
      throw new UnsupportedRegex('unsupported group');
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new UnsupportedRegex('unterminated group');
    this.position += 1;
    // A lookaround consumes nothing and constrains nothing the profile relies on.
    return lookaround ? zeroWidth() : inner;
  }

  private escape(): NodeProfile {
    const letter = this.source[this.position + 1];
    if (letter === undefined) throw new UnsupportedRegex('dangling escape');
    this.position += 2;
    if (letter === 'b' || letter === 'B') return zeroWidth();
    if (/[1-9kpPuxc0]/.test(letter)) throw new UnsupportedRegex(`escape \\${letter}`);
    const members = isClassEscape(letter) ? escapeClass(letter) : [letter];
    return characterSetProfile(members ? new Set(members) : null);
  }

  private characterClass(): NodeProfile {
    this.position += 1;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position += 1;
    }
    const members = new Set<string>();
    let anyCharacter = false;
    while (this.peek() !== ']') {
      const start = this.classCharacter();
      if (start === null) {
        anyCharacter = true;
        continue;
      }
      if (Array.isArray(start)) {
        start.forEach((member) => members.add(member));
        continue;
      }
      if (this.peek() === '-' && this.source[this.position + 1] !== ']') {
        this.position += 1;
        const end = this.classCharacter();
        if (typeof end !== 'string') throw new UnsupportedRegex('class range to a class');
        rangeOf(start, end).forEach((member) => members.add(member));
      } else {
        members.add(start);
      }
    }
    this.position += 1;
    if (negated) {
      if (anyCharacter) throw new UnsupportedRegex('negated class of a negated escape');
      return characterSetProfile(new Set(PRINTABLE.filter((member) => !members.has(member))));
    }
    return characterSetProfile(anyCharacter ? null : members);
  }

  /** One class member: a character, a list (for `\d`), or null (for a negated escape like `\D`). */
  private classCharacter(): string | string[] | null {
    const current = this.peek();
    if (current === undefined) throw new UnsupportedRegex('unterminated class');
    if (current !== '\\') {
      this.position += 1;
      return current;
    }
    const letter = this.source[this.position + 1];
    if (letter === undefined) throw new UnsupportedRegex('dangling escape');
    this.position += 2;
    if (isClassEscape(letter)) return escapeClass(letter);
    if (/[1-9kpPuxc0bB]/.test(letter)) throw new UnsupportedRegex(`escape \\${letter} in class`);
    return letter;
  }
}

const ANYTHING: RegexProfile = {
  minimumLength: 0,
  maximumLength: Infinity,
  firstCharacters: null,
  specificityBits: 0,
  bitsForLength: () => 0,
};

/** Profiles a regex source (unanchored body). Never throws: an unsupported construct gives the safe fallback. */
export function profileRegex(source: string): RegexProfile {
  try {
    const profile = new Parser(source).parse();
    const { bits, bitsByLength } = profile;
    return {
      minimumLength: profile.minimumLength,
      maximumLength: profile.maximumLength,
      firstCharacters: profile.first,
      specificityBits: bits,
      bitsForLength: (length) => bitsByLength.get(length) ?? bits,
    };
  } catch (error) {
    if (error instanceof UnsupportedRegex) return ANYTHING;
    throw error;
  }
}
