import { describe, expect, it } from 'vitest';
import { formattingLocale, negotiateLanguage, regionOfLocale } from './languages';

describe('locale negotiation', () => {
  it.each([
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['nl-BE', 'nl'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['en-GB', 'en'],
    ['pt-BR', 'en'],
    ['zh-Hant-TW', 'en'],
    ['', 'en'],
    ['not a locale', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(negotiateLanguage(locale)).toBe(language);
  });

  it('formats with the customer’s own regional variant when it matches the language', () => {
    expect(formattingLocale('de-AT', 'de')).toBe('de-AT');
    expect(formattingLocale('pt-BR', 'en')).toBe('en');
    expect(
      new Intl.DateTimeFormat(formattingLocale('de-AT', 'de'), { month: 'long', timeZone: 'UTC' }).format(new Date('2026-01-15')),
    ).toBe('Jänner');
  });

  it('reads a country from a locale only when the locale names one', () => {
    expect(regionOfLocale('de-AT')).toBe('AT');
    expect(regionOfLocale('de')).toBeNull();
  });
});
