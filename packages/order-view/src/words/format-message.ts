import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './languages';
import { MESSAGE_CATALOGUES, type MessageKey } from './messages';

export type MessageValues = Readonly<Record<string, string | number>>;

// Parsing an ICU message is the costly part: each (language, key) is compiled once.
const compiled = new Map<string, IntlMessageFormat>();

export function compileMessage(language: Language, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(MESSAGE_CATALOGUES[language][key], language);
    compiled.set(cacheKey, format);
  }
  return format;
}

/** Formats a catalogue message. Values are plain strings and numbers; dates arrive pre-formatted. */
export function formatMessage(language: Language, key: MessageKey, values: MessageValues = {}): string {
  const result = compileMessage(language, key).format(values);
  return typeof result === 'string' ? result : (result as unknown[]).join('');
}
