import { BadResponseError } from '../errors';

const HTML_PAGE = /^\s*<(!doctype\s+html|html|head|body)[\s>]/i;
const ROOT_ELEMENT = /<([A-Za-z_][\w.:-]*)/;

/** The root element is closed at the end: a body cut off in transit parses without error otherwise. */
function isCompleteXml(body: string): boolean {
  const start = body.search(/<(?![?!])/);
  const root = start === -1 ? null : ROOT_ELEMENT.exec(body.slice(start))?.[1];
  if (!root) return false;
  const end = body.trimEnd();
  return end.endsWith(`</${root}>`) || (end.endsWith('/>') && end.indexOf('>', start) === end.length - 1);
}

/**
 * What is wrong with a body that should be XML, in words for an error message, or null when it looks whole:
 * an HTML page (a proxy or an outage page), a body that is not XML, or one that ends before its root element
 * is closed. The body decides, not the Content-Type: carriers and proxies label XML in several ways.
 */
export function describeXmlBodyProblem(body: string, expected = 'XML'): string | null {
  if (HTML_PAGE.test(body)) return `an HTML page instead of ${expected}`;
  if (!body.trimStart().startsWith('<')) return 'a body that is not XML';
  if (!isCompleteXml(body)) return 'an XML body that ends before its root element is closed';
  return null;
}

/** What was wrong with a body that should have been XML. */
export type XmlBodyProblem = 'html_page' | 'not_xml' | 'incomplete' | 'malformed';

/** A body that should have been XML and was not readable: `bad_response`, with what was wrong as `problem`. */
export class XmlBodyError extends BadResponseError {
  readonly problem: XmlBodyProblem;
  constructor(problem: XmlBodyProblem, message: string, options: { carrierId: string; httpStatus: number; cause?: unknown }) {
    super(message, options);
    this.name = 'XmlBodyError';
    this.problem = problem;
  }
}

/** fast-xml-parser's `XMLParser` (structurally: core needs none of its types): `parse(text, true)` also validates. */
export interface XmlParser {
  parse(xml: string, validate?: boolean): unknown;
}

export interface ReadXmlBodyOptions {
  carrierId: string;
  carrierName: string;
  /** The carrier's parser: its options say which elements repeat and keep every value a string. */
  parser: XmlParser;
  /** The word for messages: `XML` (default) or `SOAP`. */
  expected?: string;
  /** Run fast-xml-parser's validator first, so damage inside the document is caught too (costs about one more pass). */
  validate?: boolean;
  /**
   * On a non-2xx answer a body that cannot be read as XML is `undefined` instead of an error, so the parse function
   * decides by the status (an API gateway in front of an XML API answers its errors in JSON or HTML).
   */
  lenientOnErrorStatus?: boolean;
}

/**
 * The body of an XML or SOAP answer as fast-xml-parser's object: `undefined` when empty; an `XmlBodyError`
 * (`bad_response`) for an HTML page, a body that is not XML, one cut short, or one the parser refuses.
 */
export function readXmlBody(response: { status: number; body: string }, options: ReadXmlBodyOptions): unknown {
  const { body, status } = response;
  if (body.trim() === '') return undefined;
  const lenient = options.lenientOnErrorStatus === true && (status < 200 || status >= 300);
  const fail = (problem: XmlBodyProblem, words: string, cause?: unknown) => {
    const suffix = problem === 'malformed' ? '' : '; the service may be down or the base URL wrong';
    return new XmlBodyError(problem, `${options.carrierName} sent ${words} (HTTP ${status}, ${body.length} bytes)${suffix}`, {
      carrierId: options.carrierId,
      httpStatus: status,
      cause,
    });
  };
  const words = describeXmlBodyProblem(body, options.expected);
  if (words) {
    if (lenient) return undefined;
    throw fail(HTML_PAGE.test(body) ? 'html_page' : body.trimStart().startsWith('<') ? 'incomplete' : 'not_xml', words);
  }
  try {
    return options.parser.parse(body, options.validate === true);
  } catch (error) {
    // Damage the validator finds, or XML it passes and the parser refuses (an element named `prototype`, two DOCTYPEs).
    if (lenient) return undefined;
    throw fail('malformed', `XML that could not be parsed`, error);
  }
}
