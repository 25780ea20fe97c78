// Whitespace (including no-break and other Unicode spaces), ASCII and Unicode dashes, dots and the
// minus sign: what people and label printers put between groups of a tracking number.
const SEPARATORS = /[\s\-.\u2010-\u2015\u2212\u00b7]+/g;

/**
 * Cleans a tracking number the way a customer or a label prints it: separators removed, upper case.
 * Idempotent. Everything else is kept, so a number with stray characters simply matches no format.
 */
export function normaliseTrackingNumber(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}
