import fc from 'fast-check';

/**
 * Mutations of a JSON body for fuzzing parsers: missing keys, wrong types, null, huge and unicode strings, deep
 * nesting, duplicated entries, odd timestamps and prototype keys. A mutation is a small recipe (what, where, which
 * variant) applied to a copy of a recorded body, so thousands of them cost little memory and each one can be
 * printed and replayed.
 */

export const MUTATION_KINDS = [
  'delete',
  'null',
  'wrong-type',
  'flip-type',
  'unicode',
  'huge',
  'deep',
  'duplicate',
  'timestamp',
  'prototype-key',
  'prototype-words',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  /** Which place in the body (an index into its paths, modulo their number). */
  at: number;
  /** Which variant of the kind (modulo the number of variants). */
  pick: number;
  /** Generated unicode text, for `unicode`. */
  text: string;
  /** Length for `huge`, depth for `deep`, count for `duplicate`. */
  size: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  at: fc.nat(),
  pick: fc.nat(),
  text: fc.string({ unit: 'grapheme', maxLength: 24 }),
  size: fc.integer({ min: 1, max: 300_000 }),
});

const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, -1e-308, true, false, '', 'x', '0', 'null', 'true', [], {}, [[]], { '': null }];

const INTERESTING_TEXTS = [
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301',
  '\u202Eevil\u202C',
  '\u{1D4E4}\u{1D4DF}\u{1D4E2}',
  '\u{1F4E6}\u{1F69A}',
  '\u2028\u2029',
  '\uFEFF',
  'İstanbul',
  'Straße',
  '\t\n\r',
  'undefined',
  '<script>alert(1)</script>',
  '%00%2e%2e',
  '北京市',
  'עברית',
];

/** Units repeated into long texts: the shapes that make backtracking patterns slow, and plain bulk. */
const HOSTILE_UNITS = [
  'a',
  '<',
  ' ',
  '\t',
  '<sup>',
  'a<b',
  '&reg;',
  'liegt in der Filiale ',
  '9',
  '\u00a0',
  '\u{1F4E6}',
  'Z',
  '-',
  ':',
  '\\',
  '"',
  'Delivered, ',
];

export const ODD_TIMESTAMPS: unknown[] = [
  '0000-01-01T00:00:00',
  '0001-01-01T00:00:00Z',
  '0099-12-31T23:59:59+01:00',
  '9999-12-31T23:59:59+14:00',
  '9999-12-31T23:59:59-12:00',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2024-02-29T12:00:00',
  '2023-02-29T12:00:00',
  '2024-02-30',
  '2024-13-01T00:00:00',
  '2024-00-10',
  '2024-01-01T24:00:00',
  '2024-01-01T23:60:00',
  '2024-01-01T23:59:60Z',
  '2024-03-31T02:30:00',
  '2024-11-03T01:30:00',
  '2024-06-01T10:00:00+25:00',
  '2024-06-01T10:00:00+14:01',
  '2024-06-01T10:00:00-7:00',
  '2024-06-01T10:00:00 +0200',
  '2024-06-01T10:00:00.123456789Z',
  '2024-06-01T10:00:00.1234567891Z',
  '2024-06-01T10:00:00+02:00Z',
  '2024-06-01T10:00:00Z[Europe/Berlin]',
  '2024-06-01 10:00',
  '2024-06-01T10',
  '20240601T100000Z',
  '2024-06-01Z',
  '2024-W22-6',
  '06/01/2024 10:00 AM',
  '10:00',
  '24:00',
  '1:5 pm',
  'T',
  '',
  ' ',
  'Z',
  'NaN',
  'yesterday',
  '1717236000',
  1717236000,
  1717236000000,
  -1,
  // Compact carrier spellings (UPS `date` / `time` / `gmtOffset`, USPS `GMTOffset`), at their extremes.
  '00000101',
  '00991231',
  '99991231',
  '20240229',
  '20230229',
  '20241301',
  '2024061',
  '000000',
  '235959',
  '240000',
  '235960',
  '1000',
  '+14:00',
  '-12:00',
  '+25:00',
  '-7:00',
  '+0530',
  '-00:00',
];

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

type Path = Array<string | number>;
type JsonContainer = Record<string, unknown> | unknown[];

const DELETE = Symbol('delete');

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

/** Every path of the body, breadth-first, up to a depth and a count (deeply nested bodies stay cheap). */
export function pathsOf(root: unknown, limit = 4_000): Path[] {
  const paths: Path[] = [[]];
  const queue: Array<{ value: unknown; path: Path }> = [{ value: root, path: [] }];
  for (let head = 0; head < queue.length && paths.length < limit; head++) {
    const { value, path } = queue[head]!;
    if (!isContainer(value) || path.length >= 32) continue;
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_item, index) => index) : Object.keys(value);
    for (const key of keys) {
      const child = [...path, key];
      paths.push(child);
      queue.push({ value: (value as Record<string | number, unknown>)[key], path: child });
    }
  }
  return paths;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return value;
}

function looksLikeTime(path: Path, value: unknown): boolean {
  const key = String(path.at(-1) ?? '');
  return (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) || /date|time|stamp|estimated|offset/i.test(key);
}

function nest(value: unknown, depth: number): unknown {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = level % 2 === 0 ? [nested] : { value: nested };
  return nested;
}

function flipType(value: unknown): unknown {
  if (typeof value === 'string') return Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  if (isContainer(value)) return Object.values(value);
  return 'null';
}

function replacement(mutation: Mutation, current: unknown): unknown {
  const { pick, size } = mutation;
  switch (mutation.kind) {
    case 'delete':
      return DELETE;
    case 'null':
      return null;
    case 'wrong-type':
      return WRONG_TYPES[pick % WRONG_TYPES.length];
    case 'flip-type':
      return flipType(current);
    case 'unicode': {
      const text = pick % 2 === 0 ? mutation.text : INTERESTING_TEXTS[pick % INTERESTING_TEXTS.length]!;
      return typeof current === 'string' && pick % 3 === 0 ? `${current}${text}` : text;
    }
    case 'huge': {
      const unit = HOSTILE_UNITS[pick % HOSTILE_UNITS.length]!;
      return unit.repeat(Math.ceil(size / unit.length));
    }
    case 'deep':
      return nest(current ?? {}, 1 + (size % 800));
    case 'duplicate': {
      if (!Array.isArray(current)) return [current, current];
      if (current.length === 0) return [{}, {}];
      return Array.from({ length: current.length + 1 + (size % 50) }, (_item, index) => current[index % current.length]);
    }
    case 'timestamp':
      return ODD_TIMESTAMPS[pick % ODD_TIMESTAMPS.length];
    case 'prototype-words':
      return withPrototypeWords(current, pick);
    case 'prototype-key': {
      const word = PROTOTYPE_WORDS[pick % PROTOTYPE_WORDS.length]!;
      if (!isContainer(current) || Array.isArray(current)) return word;
      // An own property, as JSON.parse makes for a `"__proto__"` key.
      const values: unknown[] = [word, null, {}, [], 1, { ...current }];
      Object.defineProperty(current, word, { value: values[size % values.length], enumerable: true, writable: true, configurable: true });
      return current;
    }
  }
}

/** Every string below `value` replaced by a prototype word (a different one from leaf to leaf), so every table lookup meets one. */
function withPrototypeWords(value: unknown, pick: number): unknown {
  let leaf = pick;
  const replace = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return PROTOTYPE_WORDS[leaf++ % PROTOTYPE_WORDS.length];
    if (!isContainer(node) || depth > 32) return node;
    if (Array.isArray(node)) return node.map((item) => replace(item, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, replace(item, depth + 1)]));
  };
  return replace(value, 0);
}

/** Applies one mutation (in place where it can) and says where it went: the new root and the path. */
export function applyMutation(root: unknown, mutation: Mutation): { body: unknown; where: string } {
  const paths = pathsOf(root);
  const preferred =
    mutation.kind === 'timestamp'
      ? paths.filter((path) => looksLikeTime(path, valueAt(root, path)))
      : mutation.kind === 'duplicate'
        ? paths.filter((path) => Array.isArray(valueAt(root, path)))
        : paths;
  const candidates = preferred.length > 0 ? preferred : paths;
  const path = candidates[mutation.at % candidates.length]!;
  const where = path.length === 0 ? '(body)' : path.join('.');
  const next = replacement(mutation, valueAt(root, path));
  if (path.length === 0) return { body: next === DELETE ? null : next, where };
  const parent = valueAt(root, path.slice(0, -1)) as JsonContainer;
  const key = path.at(-1)!;
  if (next === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    (parent as Record<string | number, unknown>)[key] = next;
  }
  return { body: root, where };
}
