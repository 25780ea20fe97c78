/** A carrier's text without surrounding spaces, or null when nothing is left: what a shipment's text fields hold. */
export function trimmedText(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
