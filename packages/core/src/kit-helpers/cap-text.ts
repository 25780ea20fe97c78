/**
 * The longest carrier text kept, in characters; longer ones are cut and end in "…". Carrier texts are sentences
 * (USPS's and DHL's stay under 200); the cap bounds the work a hostile response can ask of the text rules.
 */
export const MAX_CARRIER_TEXT_LENGTH = 1_000;

/** A carrier text cut to `MAX_CARRIER_TEXT_LENGTH`, ending in "…" when cut; anything else as it is. */
export function capText<Text extends string | null | undefined>(text: Text): Text {
  return (
    typeof text === 'string' && text.length > MAX_CARRIER_TEXT_LENGTH ? `${text.slice(0, MAX_CARRIER_TEXT_LENGTH).trimEnd()}…` : text
  ) as Text;
}
