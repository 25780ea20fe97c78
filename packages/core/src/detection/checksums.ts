import type { ChecksumDefinition } from './tracking-number-definition';

/**
 * Check-digit algorithms named by the open data (semantics from jkeen/tracking_number_data
 * `CHECKSUM_ALGORITHMS.md` and the `tracking_number` gem), plus `gls`, which wismo's own formats use.
 * Each computes the expected check character from the serial number, or returns null when the serial
 * cannot be computed on (a character outside the algorithm's alphabet, parameters missing).
 */

const DEFAULT_S10_WEIGHTINGS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const DEFAULT_MOD_37_36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function digitValue(character: string): number | null {
  const code = character.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : null;
}

/** Weighted sum modulo 10 (or `modulo`); letters count as `(charCode - 3) % 10`, as UPS 1Z numbers need. */
export function mod10CheckDigit(serial: string, checksum: ChecksumDefinition): string | null {
  const modulo = checksum.modulo ?? 10;
  const characters = checksum.reverse ? [...serial].reverse() : [...serial];
  let total = 0;
  for (const [index, character] of characters.entries()) {
    let value = digitValue(character) ?? (character.charCodeAt(0) - 3) % 10;
    // The gem applies the odd multiplier first and the even one otherwise: positions are 0-based.
    if (index % 2 === 1 && checksum.odds_multiplier !== undefined) value *= checksum.odds_multiplier;
    else if (index % 2 === 0 && checksum.evens_multiplier !== undefined) value *= checksum.evens_multiplier;
    total += value;
  }
  return String((modulo - (total % modulo)) % modulo);
}

/** The whole serial as an integer, modulo 7 (DHL Express waybills). */
export function mod7CheckDigit(serial: string): string | null {
  let remainder = 0;
  for (const character of serial) {
    const value = digitValue(character);
    if (value === null) return null;
    remainder = (remainder * 10 + value) % 7;
  }
  return String(remainder);
}

/** UPU S10: weights 8 6 4 2 3 5 9 7, modulo 11; remainder 1 gives 0 and remainder 0 gives 5. */
export function s10CheckDigit(serial: string, checksum: ChecksumDefinition): string | null {
  const weightings = checksum.weightings ?? DEFAULT_S10_WEIGHTINGS;
  const modulo = checksum.modulo ?? 11;
  let total = 0;
  for (const [index, character] of [...serial].entries()) {
    const value = digitValue(character);
    if (value === null) return null;
    total += value * (weightings[index] ?? 0);
  }
  const remainder = total % modulo;
  if (remainder === 1) return '0';
  if (remainder === 0) return '5';
  return String(modulo - remainder);
}

/** Weighted sum, then `% modulo1 % modulo2` (FedEx Express). */
export function sumProductCheckDigit(serial: string, checksum: ChecksumDefinition): string | null {
  const { weightings, modulo1, modulo2 } = checksum;
  if (!weightings || modulo1 === undefined || modulo2 === undefined) return null;
  let total = 0;
  for (const [index, character] of [...serial].entries()) {
    const value = digitValue(character);
    if (value === null) return null;
    total += value * (weightings[index] ?? 0);
  }
  return String((total % modulo1) % modulo2);
}

/** ISO 7064 MOD 37,36 as DPD's parcel label specification prints it: one alphanumeric check character. */
export function mod3736CheckDigit(serial: string, checksum: ChecksumDefinition): string | null {
  const modulo = checksum.modulo ?? 36;
  const alphabet = checksum.alphabet ?? DEFAULT_MOD_37_36_ALPHABET;
  let product = modulo;
  for (const character of serial) {
    const value = alphabet.indexOf(character);
    if (value < 0) return null;
    product += value;
    if (product > modulo) product -= modulo;
    product *= 2;
    if (product > modulo) product -= modulo + 1;
  }
  let check = modulo + 1 - product;
  if (check === modulo) check = 0;
  return alphabet[check] ?? null;
}

/** Luhn over the serial, doubling from the rightmost serial digit (the gem's `validates_luhn?`). */
export function luhnCheckDigit(serial: string, checksum: ChecksumDefinition = { name: 'luhn' }): string | null {
  const modulo = checksum.modulo ?? 10;
  let total = 0;
  const characters = [...serial].reverse();
  for (const [index, character] of characters.entries()) {
    let value = digitValue(character);
    if (value === null) return null;
    if (index % 2 === 0) value *= 2;
    if (value > 9) value -= 9;
    total += value;
  }
  return String((modulo - (total % modulo)) % modulo);
}

/**
 * GLS parcel numbers: weights 3 and 1 from the left, plus one, modulo 10
 * (GLS "Uni-Box TechDoku 2D" §3.2.1, as implemented by open-source trackers; the +1 is what sets it apart
 * from the GS1 check digit).
 */
export function glsCheckDigit(serial: string): string | null {
  let total = 1;
  for (const [index, character] of [...serial].entries()) {
    const value = digitValue(character);
    if (value === null) return null;
    total += value * (index % 2 === 0 ? 3 : 1);
  }
  return String((10 - (total % 10)) % 10);
}

const CHECKSUMS: Readonly<Record<string, (serial: string, checksum: ChecksumDefinition) => string | null>> = {
  mod10: mod10CheckDigit,
  mod7: (serial) => mod7CheckDigit(serial),
  s10: s10CheckDigit,
  sum_product_with_weightings_and_modulo: sumProductCheckDigit,
  mod_37_36: mod3736CheckDigit,
  luhn: luhnCheckDigit,
  gls: (serial) => glsCheckDigit(serial),
};

export function isKnownChecksum(name: string): boolean {
  return Object.hasOwn(CHECKSUMS, name);
}

/** The expected check character, or null when the algorithm is unknown or cannot run on this serial. */
export function computeCheckDigit(checksum: ChecksumDefinition, serial: string): string | null {
  const algorithm = Object.hasOwn(CHECKSUMS, checksum.name) ? CHECKSUMS[checksum.name] : undefined;
  return algorithm ? algorithm(serial, checksum) : null;
}

/** True only when a known algorithm computes exactly this check character. An unknown algorithm rejects. */
export function verifyCheckDigit(checksum: ChecksumDefinition, serial: string, checkDigit: string): boolean {
  const expected = computeCheckDigit(checksum, serial);
  return expected !== null && expected === checkDigit;
}
