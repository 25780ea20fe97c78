import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../languages';
import { MESSAGE_CATALOGUES, type MessageKey } from './index';

// The parser's element types (from @formatjs/icu-messageformat-parser).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;

interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
}

function argumentNames(elements: readonly Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ([ARGUMENT, NUMBER, DATE, TIME, SELECT, PLURAL].includes(element.type)) names.add(element.value as string);
    for (const option of Object.values(element.options ?? {})) argumentNames(option.value, names);
  }
  return names;
}

function argumentsOf(message: string, language: string): Set<string> {
  return argumentNames(new IntlMessageFormat(message, language).getAst() as unknown as Element[]);
}

/**
 * Keys where a language may use other arguments, with the reason. Every argument used must still be one the
 * code passes for that key.
 */
const LANGUAGE_SPECIFIC_ARGUMENTS: Partial<Record<MessageKey, { reason: string; allowed: string[] }>> = {
  'reply.greeting': {
    reason: 'German and French greet with the full name (formal address); the others with the given name.',
    allowed: ['givenName', 'name'],
  },
  'time.dayAt': {
    reason: 'Spanish says "a la una" but "a las dos": the article follows the hour.',
    allowed: ['day', 'time', 'isOneOClock'],
  },
  'time.dayAtLocal': {
    reason: 'Spanish says "a la una" but "a las dos": the article follows the hour.',
    allowed: ['day', 'time', 'isOneOClock'],
  },
  ...Object.fromEntries(
    (
      [
        'answer.parcel.rerouted',
        'answer.parcel.delivered',
        'answer.parcel.delivered_to_neighbour',
        'answer.parcel.delivered_to_safe_place',
        'answer.parcel.delivered_to_mailbox',
        'answer.parcel.delivered_to_locker_or_parcel_shop',
        'answer.parcel.signature_obtained',
        'answer.parcel.held_by_carrier',
        'answer.parcel.held_for_payment',
        'answer.parcel.lost',
        'answer.parcel.rejected_by_carrier',
      ] as const
    ).map((key) => [
      key,
      {
        reason:
          'Spanish names the carrier first, in the active voice ("DHL entregó su paquete"), so the subject moves inside the sentence.',
        allowed: ['subject', 'subjectMidSentence', 'carrier', 'when', 'hasSigner', 'signer'],
      },
    ]),
  ),
};

const english = MESSAGE_CATALOGUES.en;
const keys = Object.keys(english).sort() as MessageKey[];

describe('message catalogues', () => {
  it.each(SUPPORTED_LANGUAGES)('%s has exactly the keys of the English catalogue', (language) => {
    expect(Object.keys(MESSAGE_CATALOGUES[language]).sort()).toEqual(keys);
  });

  it.each(SUPPORTED_LANGUAGES)('every %s message parses as ICU MessageFormat', (language) => {
    for (const key of keys) {
      expect(() => new IntlMessageFormat(MESSAGE_CATALOGUES[language][key], language), `${language} ${key}`).not.toThrow();
    }
  });

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en'))('%s uses the same placeholders as English', (language) => {
    for (const key of keys) {
      const expected = argumentsOf(english[key], 'en');
      const actual = argumentsOf(MESSAGE_CATALOGUES[language][key], language);
      const exception = LANGUAGE_SPECIFIC_ARGUMENTS[key];
      if (exception) {
        for (const name of [...expected, ...actual]) expect(exception.allowed, `${language} ${key}: ${name}`).toContain(name);
      } else {
        expect([...actual].sort(), `${language} ${key}`).toEqual([...expected].sort());
      }
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s uses typographic apostrophes only (an ASCII one would start ICU quoting)', (language) => {
    for (const key of keys) expect(MESSAGE_CATALOGUES[language][key], `${language} ${key}`).not.toContain("'");
  });

  it('French puts a no-break space before : ; ? ! and inside « »', () => {
    for (const key of keys) {
      const message = MESSAGE_CATALOGUES.fr[key].replace(/https?:\/\/\S+/g, '');
      expect(message, key).not.toMatch(/ [:;?!»]/);
      expect(message, key).not.toMatch(/[^\u00a0\u202f{][;?!]/);
      expect(message, key).not.toMatch(/« /);
    }
  });

  it('has no message left untranslated (identical to English) except names and codes', () => {
    // Loanwords the language really uses.
    const sameOnPurpose: Partial<Record<string, MessageKey[]>> = { de: ['actor.shipper'] };
    for (const language of SUPPORTED_LANGUAGES.filter((candidate) => candidate !== 'en')) {
      const identical = keys.filter(
        (key) => MESSAGE_CATALOGUES[language][key] === english[key] && /[a-z]{4,}/i.test(english[key].replace(/\{[^}]*\}/g, '')),
      );
      expect(
        identical.filter((key) => !(sameOnPurpose[language] ?? []).includes(key)),
        language,
      ).toEqual([]);
    }
  });
});
