/** The languages wismo writes in. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const negotiated = new Map<string, Language>();
const formattingLocales = new Map<string, string>();

/** `de-AT` → `de`, `fr-CA` → `fr`, `pt-BR` → `en`: the catalogue to use for a customer's locale. */
export function negotiateLanguage(locale: string | null | undefined): Language {
  if (!locale) return 'en';
  let language = negotiated.get(locale);
  if (language === undefined) {
    language = negotiate(locale);
    if (negotiated.size > 1_000) negotiated.clear();
    negotiated.set(locale, language);
  }
  return language;
}

function negotiate(locale: string): Language {
  let language: string;
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  }
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/**
 * The locale for `Intl` formatting: the customer's own when it belongs to the chosen language (so `de-AT`
 * gets "Jänner" and `en-US` a 12-hour clock), else the bare language.
 */
export function formattingLocale(locale: string | null | undefined, language: Language): string {
  if (!locale) return language;
  const key = `${locale}|${language}`;
  let resolved = formattingLocales.get(key);
  if (resolved === undefined) {
    resolved = resolveFormattingLocale(locale, language);
    if (formattingLocales.size > 1_000) formattingLocales.clear();
    formattingLocales.set(key, resolved);
  }
  return resolved;
}

function resolveFormattingLocale(locale: string, language: Language): string {
  try {
    return new Intl.Locale(locale).language === language ? (Intl.getCanonicalLocales(locale)[0] ?? language) : language;
  } catch {
    return language;
  }
}

/** The customer's country from a locale with a region (`de-AT` → `AT`), when the address gives none. */
export function regionOfLocale(locale: string | null | undefined): string | null {
  if (!locale) return null;
  try {
    return new Intl.Locale(locale).region ?? null;
  } catch {
    return null;
  }
}
