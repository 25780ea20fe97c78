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
