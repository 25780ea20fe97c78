/**
 * The shared Canada Post samples keep karrio's `<wrapper>` around the API body (karrio aggregates answers); they are
 * copied byte-identical, and the tests replay what Canada Post sends: the element inside.
 */
export function unwrapKarrioSample(xml: string): string {
  const match = /^\s*<wrapper>\s*([\s\S]*?)\s*<\/wrapper>\s*$/.exec(xml);
  return match ? `${match[1]}\n` : xml;
}
