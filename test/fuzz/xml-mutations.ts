import fc from 'fast-check';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { applyMutation, type Mutation } from './json-mutations';

/**
 * Mutations of an XML (or SOAP) body for fuzzing parsers. Tree mutations reuse `json-mutations.ts` on the tree that
 * fast-xml-parser reads (attributes kept), written back with its XMLBuilder; text mutations then break what a tree
 * cannot: truncation, unclosed or stray tags, odd entities, DOCTYPE entity expansion and huge text nodes.
 */

const ATTRIBUTE_PREFIX = '@_';
const treeParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
});
const treeBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTRIBUTE_PREFIX });

/** The tree of an XML text, or null when fast-xml-parser cannot read it. */
export function xmlTree(text: string): unknown {
  try {
    return treeParser.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The text of a tree, or null when the builder cannot write it. */
export function xmlText(tree: unknown): string | null {
  try {
    const text = treeBuilder.build(tree) as unknown;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** One tree mutation on an XML text: the new text and where it went, or null when it cannot be written back. */
export function mutateXmlTree(text: string, mutation: Mutation): { text: string; where: string } | null {
  const tree = xmlTree(text);
  if (tree === null) return null;
  const result = applyMutation(tree, mutation);
  const next = xmlText(result.body);
  return next === null ? null : { text: next, where: result.where };
}

export const TEXT_MUTATION_KINDS = [
  'truncate',
  'unclosed-tag',
  'drop-closing-tag',
  'entity',
  'entity-expansion',
  'huge-text',
  'prefix',
  'second-root',
] as const;
export type TextMutationKind = (typeof TEXT_MUTATION_KINDS)[number];

export interface TextMutation {
  kind: TextMutationKind;
  /** Which place in the text (modulo the places the kind can use). */
  at: number;
  /** Which variant of the kind. */
  pick: number;
  /** Length for `huge-text`, levels for `entity-expansion`. */
  size: number;
}

export const textMutationArbitrary: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom(...TEXT_MUTATION_KINDS),
  at: fc.nat(),
  pick: fc.nat(),
  size: fc.integer({ min: 1, max: 300_000 }),
});

const ODD_ENTITIES = [
  '&amp;amp;',
  '&#0;',
  '&#x0;',
  '&#x110000;',
  '&#xD800;',
  '&#9999999999;',
  '&#;',
  '&nbsp;',
  '&unknown;',
  '&',
  '&lt;tag&gt;',
  '&#60;b&#62;',
  ']]>',
  '<![CDATA[<x>&]]>',
  '<!-- comment -->',
  '<?pi data?>',
  '\u0000',
  '\uFEFF',
];
const PREFIXES = [
  '\uFEFF',
  '   \n',
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<?xml version="1.1"?>',
  'garbage',
  '<!DOCTYPE html>',
  '<!-- lead -->',
];
const HUGE_UNITS = ['a', ' ', '9', '&amp;', '\u00a0', '\u{1F4E6}', '&#x41;', 'Z', ':'];

/** Start offsets of the text nodes (`>…<`) of a text. */
function textNodeStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(/>[^<]*</g)) starts.push(match.index + 1);
  return starts;
}

function insertAt(text: string, offset: number, insert: string): string {
  return `${text.slice(0, offset)}${insert}${text.slice(offset)}`;
}

/** A DOCTYPE declaring entities that expand tenfold per level, referenced from a text node. */
function entityExpansion(text: string, levels: number, at: number): string {
  const names = Array.from({ length: levels + 1 }, (_item, index) => `e${index}`);
  const declarations = names
    .map((name, index) => (index === 0 ? `<!ENTITY ${name} "wismo">` : `<!ENTITY ${name} "${`&${names[index - 1]};`.repeat(10)}">`))
    .join('');
  const declarationEnd = text.startsWith('<?') ? text.indexOf('?>') + 2 : 0;
  const root = /<([A-Za-z_][\w.:-]*)/.exec(text.slice(declarationEnd))?.[1] ?? 'root';
  const withDoctype = insertAt(text, declarationEnd, `<!DOCTYPE ${root} [${declarations}]>`);
  const starts = textNodeStarts(withDoctype);
  return starts.length === 0 ? withDoctype : insertAt(withDoctype, starts[at % starts.length]!, `&${names.at(-1)};`);
}

/** Applies one text mutation and says what it did. */
export function applyTextMutation(text: string, mutation: TextMutation, maxCharacters: number): { text: string; what: string } {
  const { at, pick, size } = mutation;
  const starts = textNodeStarts(text);
  const nodeStart = starts.length > 0 ? starts[at % starts.length]! : 0;
  switch (mutation.kind) {
    case 'truncate': {
      const offset = at % Math.max(1, text.length);
      return { text: text.slice(0, offset), what: `truncate at ${offset}` };
    }
    case 'unclosed-tag':
      return {
        text: insertAt(text, nodeStart, ['<open>', '<a b="1">', '<', '</', '<x', '<ns:x xmlns:ns="urn:x">'][pick % 6]!),
        what: `unclosed tag at ${nodeStart}`,
      };
    case 'drop-closing-tag': {
      const closings = [...text.matchAll(/<\/[^>]*>/g)];
      if (closings.length === 0) return { text, what: 'no closing tag to drop' };
      const closing = closings[at % closings.length]!;
      return { text: `${text.slice(0, closing.index)}${text.slice(closing.index + closing[0].length)}`, what: `drop ${closing[0]}` };
    }
    case 'entity': {
      const entity = ODD_ENTITIES[pick % ODD_ENTITIES.length]!;
      return { text: insertAt(text, nodeStart, entity), what: `entity ${JSON.stringify(entity)} at ${nodeStart}` };
    }
    case 'entity-expansion': {
      const levels = 1 + (size % 6);
      return { text: entityExpansion(text, levels, at), what: `entity expansion 10^${levels}` };
    }
    case 'huge-text': {
      const unit = HUGE_UNITS[pick % HUGE_UNITS.length]!;
      const length = Math.min(size, Math.max(0, maxCharacters - text.length));
      return {
        text: insertAt(text, nodeStart, unit.repeat(Math.ceil(length / unit.length))),
        what: `${length} characters of ${JSON.stringify(unit)} at ${nodeStart}`,
      };
    }
    case 'prefix': {
      const prefix = PREFIXES[pick % PREFIXES.length]!;
      return { text: `${prefix}${text}`, what: `prefix ${JSON.stringify(prefix)}` };
    }
    case 'second-root':
      return { text: `${text}${text.replace(/^<\?[^>]*\?>/, '')}`, what: 'second root element' };
  }
}
