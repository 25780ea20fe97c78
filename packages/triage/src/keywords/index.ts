import type { Language } from '@wismo/order-view';
import type { LanguageKeywords } from '../triage-types';
import { GERMAN_KEYWORDS } from './de';
import { ENGLISH_KEYWORDS } from './en';
import { SPANISH_KEYWORDS } from './es';
import { FRENCH_KEYWORDS } from './fr';
import { DUTCH_KEYWORDS } from './nl';

/** The keyword lists, one per language. */
export const TRIAGE_KEYWORDS: Readonly<Record<Language, LanguageKeywords>> = {
  en: ENGLISH_KEYWORDS,
  de: GERMAN_KEYWORDS,
  nl: DUTCH_KEYWORDS,
  fr: FRENCH_KEYWORDS,
  es: SPANISH_KEYWORDS,
};
