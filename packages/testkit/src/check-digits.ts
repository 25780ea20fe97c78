/*
 * Check digits of the formats the sandbox issues, computed the way @wismo/core's detection verifies them
 * (jkeen/tracking_number_data semantics): position 0 is the left-most character of the serial unless
 * `reverse`, and letters count as `(charCode - 3) % 10` (UPS 1Z numbers).
 */

function characterValue(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : (code - 3) % 10;
}

/** Weighted sum modulo 10: `evens` multiplies positions 0, 2, 4…, `odds` positions 1, 3, 5…. */
export function weightedMod10(serial: string, evens: number, odds: number, reverse = false): number {
  let total = 0;
  const length = serial.length;
  for (let index = 0; index < length; index++) {
    const value = characterValue(serial.charCodeAt(reverse ? length - 1 - index : index));
    total += value * (index % 2 === 0 ? evens : odds);
  }
  return (10 - (total % 10)) % 10;
}

/** UPS 1Z: over the 16 characters after `1Z`, weights 1 and 2. */
export function upsCheckDigit(serial: string): number {
  return weightedMod10(serial, 1, 2);
}

const FEDEX_EXPRESS_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;

/** FedEx Express 12: weights 3 1 7 over the 11-digit serial, modulo 11, modulo 10. */
export function fedexExpressCheckDigit(serial: string): number {
  let total = 0;
  for (let index = 0; index < serial.length; index++) total += (serial.charCodeAt(index) - 48) * (FEDEX_EXPRESS_WEIGHTS[index] ?? 0);
  return (total % 11) % 10;
}

/** FedEx Ground 15: weights 1 and 3 over the 14-digit serial. */
export function fedexGroundCheckDigit(serial: string): number {
  return weightedMod10(serial, 1, 3);
}

/** USPS IMpb (22 digits from `94`…): weights 3 and 1 from the right over the 21-digit serial. */
export function uspsImpbCheckDigit(serial: string): number {
  return weightedMod10(serial, 3, 1, true);
}

/** DHL Paket SSCC (`00` + 18 digits): GS1 weights 3 and 1 over the 17-digit serial after `00`. */
export function dhlSsccCheckDigit(serial: string): number {
  return weightedMod10(serial, 3, 1);
}

/** DHL Paket Identcode (12 digits): weights 4 and 9 over the 11-digit serial. */
export function dhlIdentcodeCheckDigit(serial: string): number {
  return weightedMod10(serial, 4, 9);
}

/** DHL Express waybill (10 digits): the 9-digit serial modulo 7. */
export function dhlExpressCheckDigit(serial: string): number {
  let remainder = 0;
  for (let index = 0; index < serial.length; index++) remainder = (remainder * 10 + (serial.charCodeAt(index) - 48)) % 7;
  return remainder;
}

/** GLS parcel number (12 digits): weights 3 and 1 plus one. Only used to avoid issuing numbers GLS would claim too. */
export function glsCheckDigit(serial: string): number {
  let total = 1;
  for (let index = 0; index < serial.length; index++) total += (serial.charCodeAt(index) - 48) * (index % 2 === 0 ? 3 : 1);
  return (10 - (total % 10)) % 10;
}

/** UPU S10 (`CP123456785FR`): the 8-digit serial weighted 8 6 4 2 3 5 9 7, modulo 11 (10 → 0, 11 → 5). */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let total = 0;
  for (let index = 0; index < 8; index++) total += (serial.charCodeAt(index) - 48) * weights[index]!;
  const check = 11 - (total % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

const MOD_37_36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** DPD parcel label number: ISO 7064 MOD 37,36 over the 14 digits, one check character (`09980000020033` → `F`). */
export function dpdCheckCharacter(serial: string): string {
  let product = 36;
  for (const character of serial) {
    product += MOD_37_36_ALPHABET.indexOf(character);
    if (product > 36) product -= 36;
    product *= 2;
    if (product > 36) product -= 37;
  }
  const check = 37 - product;
  return MOD_37_36_ALPHABET[check === 36 ? 0 : check]!;
}
