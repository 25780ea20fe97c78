import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readXmlBody, XmlBodyError, type ReadXmlBodyOptions } from './xml-body';

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });
const options: ReadXmlBodyOptions = { carrierId: 'kit', carrierName: 'Kit Post', parser };

function problemOf(body: string, status = 200, extra: Partial<ReadXmlBodyOptions> = {}): XmlBodyError | null {
  try {
    readXmlBody({ status, body }, { ...options, ...extra });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(XmlBodyError);
    return error as XmlBodyError;
  }
}

describe('readXmlBody', () => {
  it('reads XML with the carrier parser, values kept as strings', () => {
    expect(readXmlBody({ status: 200, body: '<s:root xmlns:s="x"><pin>0012</pin></s:root>' }, options)).toEqual({ root: { pin: '0012' } });
  });

  it('an empty body is undefined: the parse function decides by the status', () => {
    expect(readXmlBody({ status: 404, body: ' \n' }, options)).toBeUndefined();
  });

  it.each([
    [
      'html_page',
      '<!DOCTYPE html><html><body>Maintenance</body></html>',
      /^Kit Post sent an HTML page instead of XML \(HTTP 200, \d+ bytes\)/,
    ],
    ['not_xml', '{"unexpected":["shape"]}', /a body that is not XML/],
    ['incomplete', '<root><pin>1</pin><event>', /ends before its root element is closed/],
    ['malformed', '<root><a></b></root>', /XML that could not be parsed/],
  ] as const)('%s: a typed bad_response naming the carrier and the status', (problem, body, message) => {
    const error = problemOf(body, 200, { validate: true })!;
    expect([error.problem, error.code, error.httpStatus, error.carrierId, error.retryable]).toEqual([
      problem,
      'bad_response',
      200,
      'kit',
      false,
    ]);
    expect(error.message).toMatch(message);
  });

  it('damage inside the document passes without `validate` (one pass) and is caught with it', () => {
    expect(problemOf('<root><a></b></root>')).toBeNull();
    expect(problemOf('<root><a></b></root>', 200, { validate: true })?.problem).toBe('malformed');
  });

  it('XML the parser refuses (an element named prototype) is typed, never a plain Error', () => {
    expect(problemOf('<root><prototype>x</prototype></root>')?.problem).toBe('malformed');
  });

  it('lenientOnErrorStatus: an unreadable body of a non-2xx answer is undefined; on a 2xx it is still an error', () => {
    const lenient = { ...options, lenientOnErrorStatus: true };
    expect(readXmlBody({ status: 502, body: '{"title":"Bad Gateway"}' }, lenient)).toBeUndefined();
    expect(readXmlBody({ status: 503, body: '<html><body>down</body></html>' }, lenient)).toBeUndefined();
    expect(() => readXmlBody({ status: 200, body: '{"title":"OK"}' }, lenient)).toThrow(XmlBodyError);
  });

  it('says SOAP when the carrier speaks SOAP', () => {
    expect(problemOf('<html><body>x</body></html>', 500, { expected: 'SOAP' })?.message).toMatch(/an HTML page instead of SOAP \(HTTP 500/);
  });
});
