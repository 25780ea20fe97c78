import { SUPPORTED_LANGUAGES, type Language } from '@wismo/order-view';

export function isLanguage(value: string | null | undefined): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export interface PageLocale {
  /** The catalogue language of the page. */
  language: Language;
  /** The locale for `Intl` (dates, lists): the visitor's own tag when it is of the page language (`de-AT`). */
  locale: string;
  /** Where the language came from, for tests and debugging. */
  source: 'url' | 'query' | 'accept-language' | 'default';
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function languageOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

interface WeightedTag {
  tag: string;
  q: number;
  index: number;
}

/** `Accept-Language` (RFC 9110 12.5.4) in preference order; malformed entries are skipped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const tags: WeightedTag[] = [];
  header
    .split(',')
    .slice(0, 32)
    .forEach((part, index) => {
      const [rawTag, ...parameters] = part.trim().split(';');
      const tag = rawTag?.trim();
      if (!tag || tag === '*' || !/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return;
      let q = 1;
      for (const parameter of parameters) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter);
        if (match) q = Number(match[1]);
      }
      if (q > 0) tags.push({ tag, q, index });
    });
  return tags.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag);
}

/** A `?lang=` value or URL segment as a page locale, when it names a supported language. */
function explicit(value: string | null | undefined, source: 'url' | 'query'): PageLocale | null {
  if (!value) return null;
  const tag = canonical(value);
  if (!tag) return null;
  const language = languageOf(tag);
  return isLanguage(language) ? { language, locale: tag, source } : null;
}

/**
 * The page's language: from the URL (`/de/track/…`), then `?lang=`, then `Accept-Language`, then the shop's
 * default. Only wismo's languages (en, de, nl, fr, es) are chosen; the visitor's regional tag is kept for
 * formatting when it is of the chosen language (`de-AT` formats "Jänner").
 */
export function negotiatePageLocale(input: {
  urlLanguage?: string | null;
  queryLanguage?: string | null;
  acceptLanguage?: string | null;
  defaultLanguage: Language;
}): PageLocale {
  const fromUrl = explicit(input.urlLanguage, 'url');
  if (fromUrl) return fromUrl;
  const fromQuery = explicit(input.queryLanguage, 'query');
  if (fromQuery) return fromQuery;
  for (const tag of parseAcceptLanguage(input.acceptLanguage)) {
    const language = languageOf(tag);
    if (isLanguage(language)) return { language, locale: canonical(tag) ?? language, source: 'accept-language' };
  }
  return { language: input.defaultLanguage, locale: input.defaultLanguage, source: 'default' };
}

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  nl: 'Nederlands',
  fr: 'Français',
  es: 'Español',
};
