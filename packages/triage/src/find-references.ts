import { detectCarrier } from '@wismo/core';
import { SUPPORTED_LANGUAGES } from '@wismo/order-view';
import { TRIAGE_KEYWORDS } from './keywords';
import { foldText } from './text/normalise-text';

export interface TrackingReference {
  /** Normalised (separators removed, upper case). */
  trackingNumber: string;
  /** The best detection candidate. */
  carrier: string;
  confidence: 'checksum' | 'pattern';
}

export interface TicketReferences {
  /** Order numbers as written, without `#`, in order of appearance, each once. */
  orderNumbers: string[];
  trackingNumbers: TrackingReference[];
}

const CANDIDATE = /#?[\p{L}\p{N}][\p{L}\p{N}-]*/gu;
const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,29}$/i;
const MAX_WORDS_AFTER_ORDER_WORD = 3;

let orderWords: ReadonlySet<string> | undefined;
let listWords: ReadonlySet<string> | undefined;

function vocabulary(): { orderWords: ReadonlySet<string>; listWords: ReadonlySet<string> } {
  orderWords ??= new Set(SUPPORTED_LANGUAGES.flatMap((language) => TRIAGE_KEYWORDS[language].orderWords.map(foldText)));
  listWords ??= new Set(SUPPORTED_LANGUAGES.flatMap((language) => TRIAGE_KEYWORDS[language].listWords.map(foldText)));
  return { orderWords, listWords };
}

function looksLikeOrderNumber(word: string): boolean {
  const bare = word.replace(/^#/, '');
  // An order number has digits; a postcode-like "04109" after "order" is rare, a date or a size is not after "order".
  return ORDER_NUMBER.test(bare) && /\d/.test(bare) && (bare.match(/\d/g)?.length ?? 0) >= 3;
}

function trackingOf(word: string): TrackingReference | null {
  const bare = word.replace(/^#/, '');
  if (bare.length < 8 || (bare.match(/\d/g)?.length ?? 0) < 4) return null;
  const [best] = detectCarrier(bare);
  if (!best) return null;
  // A pattern-only match of digits alone (a phone number, a bank reference) is too weak to chase.
  if (best.confidence === 'pattern' && /^\d+$/.test(best.trackingNumber)) return null;
  return { trackingNumber: best.trackingNumber, carrier: best.carrier, confidence: best.confidence };
}

/**
 * Order and tracking numbers in a ticket: `#1042` anywhere; a number right after an order word ("order
 * 1042", "Bestellung 1003", "commande n° 2045", "pedidos 5012 y 5031"), lists included; tracking numbers
 * wherever core's detection recognises one (a verified check digit, or a pattern with letters).
 */
export function findTicketReferences(text: string): TicketReferences {
  const { orderWords: orderVocabulary, listWords: listVocabulary } = vocabulary();
  const words = [...text.matchAll(CANDIDATE)].map((match) => match[0]);
  const orderNumbers: string[] = [];
  const tracking = new Map<string, TrackingReference>();
  let sinceOrderWord = Number.POSITIVE_INFINITY;
  for (const word of words) {
    const folded = foldText(word.replace(/^#/, ''));
    const trackingReference = trackingOf(word);
    if (trackingReference) {
      tracking.set(trackingReference.trackingNumber, trackingReference);
      sinceOrderWord = Number.POSITIVE_INFINITY;
      continue;
    }
    if (orderVocabulary.has(folded)) {
      sinceOrderWord = 0;
      continue;
    }
    const afterOrderWord = sinceOrderWord < MAX_WORDS_AFTER_ORDER_WORD;
    if (looksLikeOrderNumber(word) && (word.startsWith('#') || afterOrderWord)) {
      const number = word.replace(/^#/, '');
      if (!orderNumbers.includes(number)) orderNumbers.push(number);
      // "1201 and 1202": the list goes on after a list word.
      sinceOrderWord = 0;
      continue;
    }
    sinceOrderWord = listVocabulary.has(folded) && sinceOrderWord === 0 ? 0 : sinceOrderWord + 1;
  }
  return { orderNumbers, trackingNumbers: [...tracking.values()] };
}
