import type { Language } from '@wismo/order-view';
import { de } from './de';
import { en, type NotifyCatalogue } from './en';
import { es } from './es';
import { fr } from './fr';
import { nl } from './nl';

export type { NotifyCatalogue, NotifyMessageKey } from './en';

/** Every customer-message catalogue, by language. Each has exactly the keys of `en` (compiler and test). */
export const NOTIFY_CATALOGUES: Readonly<Record<Language, NotifyCatalogue>> = { en, de, nl, fr, es };
