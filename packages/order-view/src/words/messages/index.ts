import type { Language } from '../languages';
import { de } from './de';
import { en, type MessageCatalogue } from './en';
import { es } from './es';
import { fr } from './fr';
import { nl } from './nl';

export type { MessageCatalogue, MessageKey } from './en';

/** Every catalogue, by language. Each has exactly the keys of `en` (checked by the compiler and a test). */
export const MESSAGE_CATALOGUES: Readonly<Record<Language, MessageCatalogue>> = { en, de, nl, fr, es };
