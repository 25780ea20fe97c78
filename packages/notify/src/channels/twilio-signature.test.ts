import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, readTwilioStatusCallback, TwilioCallbackError, verifyTwilioSignature } from './twilio-signature';

// The example in Twilio's "Validating requests" documentation (also used by its SDK tests).
const DOCUMENTED = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  parameters: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};

describe('X-Twilio-Signature', () => {
  it("matches Twilio's documented example", () => {
    expect(computeTwilioSignature(DOCUMENTED.authToken, DOCUMENTED.url, DOCUMENTED.parameters)).toBe(DOCUMENTED.signature);
    expect(verifyTwilioSignature({ ...DOCUMENTED })).toBe(true);
    // Parameter order on the wire does not matter: they are sorted by name.
    const reversed = new URLSearchParams(Object.entries(DOCUMENTED.parameters).reverse());
    expect(verifyTwilioSignature({ ...DOCUMENTED, parameters: reversed })).toBe(true);
  });

  it('accepts the URL with or without the default port, and nothing else', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    expect(verifyTwilioSignature({ ...DOCUMENTED, url: withPort })).toBe(true);
    expect(verifyTwilioSignature({ ...DOCUMENTED, url: 'https://mycompany.com:8443/myapp.php?foo=1&bar=2' })).toBe(false);
    expect(verifyTwilioSignature({ ...DOCUMENTED, url: 'https://mycompany.com/myapp.php?foo=1&bar=3' })).toBe(false);
    expect(verifyTwilioSignature({ ...DOCUMENTED, authToken: '12346' })).toBe(false);
    expect(verifyTwilioSignature({ ...DOCUMENTED, parameters: { ...DOCUMENTED.parameters, Digits: '1235' } })).toBe(false);
    expect(verifyTwilioSignature({ ...DOCUMENTED, signature: undefined })).toBe(false);
  });

  it('reads a signed status callback and refuses an unsigned one without repeating the token', () => {
    const url = 'https://wismo.example/twilio/status';
    const body = 'MessageSid=SM0123&MessageStatus=delivered&AccountSid=AC1&ErrorCode=';
    const signature = computeTwilioSignature('secret-token-xyz', url, new URLSearchParams(body));
    expect(readTwilioStatusCallback({ authToken: 'secret-token-xyz', url, body, signature })).toEqual({
      messageSid: 'SM0123',
      status: 'delivered',
      errorCode: null,
    });
    try {
      readTwilioStatusCallback({ authToken: 'secret-token-xyz', url, body: body.replace('delivered', 'failed'), signature });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TwilioCallbackError);
      expect((error as TwilioCallbackError).code).toBe('invalid_signature');
      expect((error as Error).message).not.toContain('secret-token-xyz');
      expect((error as Error).message).not.toContain(signature);
    }
  });

  it('fuzz: random headers, URLs and bodies never verify and never throw', () => {
    const url = 'https://wismo.example/twilio/status?shop=a';
    const body = 'MessageSid=SM1&MessageStatus=sent';
    const real = computeTwilioSignature('tok', url, new URLSearchParams(body));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.constant(real).map((text) => text.slice(1)),
          fc.constant(undefined),
        ),
        fc.oneof(fc.constant(url), fc.webUrl(), fc.string()),
        fc.oneof(fc.constant(body), fc.string()),
        (signature, candidateUrl, candidateBody) => {
          const verified = verifyTwilioSignature({
            authToken: 'tok',
            url: candidateUrl,
            parameters: new URLSearchParams(candidateBody),
            signature,
          });
          if (verified) {
            // Only the real signature over equivalent input may pass.
            expect(signature).toBe(real);
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Property: a signature made for any parameters verifies, and a one-character change in any value does not.
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 6 }),
        fc.webUrl(),
        (parameters, anyUrl) => {
          const signature = computeTwilioSignature('tok', anyUrl, parameters);
          expect(verifyTwilioSignature({ authToken: 'tok', url: anyUrl, parameters, signature })).toBe(true);
          const keys = Object.keys(parameters);
          if (keys.length > 0) {
            const changed = { ...parameters, [keys[0]!]: `${parameters[keys[0]!]}x` };
            expect(verifyTwilioSignature({ authToken: 'tok', url: anyUrl, parameters: changed, signature })).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
