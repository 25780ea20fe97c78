import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readXmlErrorBody } from './read-xml-error-body';

const parser = new XMLParser({ parseTagValue: false });
const faultSchema = z.object({ fault: z.object({ code: z.string() }) });

describe('readXmlErrorBody', () => {
  it('reads XML of the schema with the carrier parser', () => {
    expect(readXmlErrorBody('  <fault><code>004</code></fault>', parser, faultSchema)).toEqual({ fault: { code: '004' } });
  });

  it('leaves a body undescribed that is not XML, that the parser refuses, or that has another shape', () => {
    expect(readXmlErrorBody('{"fault":{"code":"004"}}', parser, faultSchema)).toBeUndefined();
    expect(readXmlErrorBody('<other>1</other>', parser, faultSchema)).toBeUndefined();
    const refusing = {
      parse(): unknown {
        throw new Error('refused');
      },
    };
    expect(readXmlErrorBody('<fault><code>004</code></fault>', refusing, faultSchema)).toBeUndefined();
  });
});
