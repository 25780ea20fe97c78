import type { z } from 'zod';
import type { XmlParser } from '../adapter/xml-body';

/**
 * For a description's `describeErrorBody` (the XML twin of `readJsonErrorBody`): the text read by the carrier's
 * XML parser and checked with its schema; undefined when it is not XML, the parser refuses it, or it has another
 * shape, so the transport words the error itself.
 */
export function readXmlErrorBody<Schema extends z.ZodType>(text: string, parser: XmlParser, schema: Schema): z.infer<Schema> | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  let body: unknown;
  try {
    body = parser.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
