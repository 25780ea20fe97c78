/**
 * The shape of the open tracking-number data (jkeen/tracking_number_data, `couriers/*.json`), typed loosely
 * on purpose: a newer copy may add keys, and anything surprising is rejected at compile time of the matchers,
 * not by the type system.
 */

export interface ChecksumDefinition {
  name: string;
  /** mod10: weight of characters at even (0-based) positions. */
  evens_multiplier?: number;
  /** mod10: weight of characters at odd (0-based) positions. */
  odds_multiplier?: number;
  /** mod10: weigh the characters from the right. */
  reverse?: boolean;
  modulo?: number;
  /** s10 and sum_product_with_weightings_and_modulo. */
  weightings?: readonly number[];
  modulo1?: number;
  modulo2?: number;
  /** mod_37_36: the characters, by value. */
  alphabet?: string;
}

export interface LookupEntry {
  matches?: string;
  matches_regex?: string;
  name?: string;
  description?: string;
  /** S10 Courier lookup. */
  courier?: string;
  courier_url?: string | null;
  country?: string;
  /** DPD country lookup: ISO alpha-2. */
  country_short_code?: string;
  [key: string]: unknown;
}

export interface AdditionalLookup {
  name: string;
  regex_group_name: string;
  lookup: readonly LookupEntry[];
}

export interface SerialNumberFormat {
  prepend_if?: { matches_regex: string; content: string };
}

export interface ValidationDefinition {
  checksum?: ChecksumDefinition;
  serial_number_format?: SerialNumberFormat;
  /** Names of `additional` lookups that must find an entry, else the number is invalid. */
  additional?: { exists?: readonly string[] };
  /** `false` marks a format whose check digit is not verified: it matches on pattern only. */
  validates_check_digit?: boolean;
}

export interface TrackingNumberDefinition {
  id?: string;
  name: string;
  description?: string;
  regex: string | readonly string[];
  validation?: ValidationDefinition;
  validates_check_digit?: boolean;
  additional?: readonly AdditionalLookup[];
  tracking_url?: string | null;
  test_numbers?: { valid?: readonly string[]; invalid?: readonly string[] };
  [key: string]: unknown;
}

export interface CourierDefinition {
  name: string;
  courier_code: string;
  tracking_numbers: readonly TrackingNumberDefinition[];
}
