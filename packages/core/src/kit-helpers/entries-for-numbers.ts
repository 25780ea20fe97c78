export interface EntriesForNumbersOptions {
  /** The canonical form numbers are compared in (the description's `normaliseNumber`). Default: as written. */
  canonical?(trackingNumber: string): string;
  /**
   * With one entry per requested number, a number no entry echoes gets the unmatched entry at its own position: the
   * carrier echoed it in another form (FedEx, UPS).
   */
  samePosition?: boolean;
}

/**
 * The entry of a carrier's answer for each requested number, in order, or undefined where none answers it: the first
 * entry that echoes the number (`echoedNumbers`, compared in canonical form).
 */
export function entriesForNumbers<Entry>(
  trackingNumbers: readonly string[],
  entries: readonly Entry[],
  echoedNumbers: (entry: Entry) => ReadonlyArray<unknown>,
  options: EntriesForNumbersOptions = {},
): Array<Entry | undefined> {
  const canonical = options.canonical ?? ((trackingNumber: string) => trackingNumber);
  const indexByNumber = new Map<string, number>();
  entries.forEach((entry, index) => {
    for (const echoed of echoedNumbers(entry)) {
      const key = typeof echoed === 'string' ? canonical(echoed) : null;
      if (key !== null && !indexByNumber.has(key)) indexByNumber.set(key, index);
    }
  });
  const matched = trackingNumbers.map((trackingNumber) => indexByNumber.get(canonical(trackingNumber)));
  const byPosition = options.samePosition === true && entries.length === trackingNumbers.length;
  return matched.map((index, position) => {
    if (index !== undefined) return entries[index];
    return byPosition && !matched.includes(position) ? entries[position] : undefined;
  });
}
