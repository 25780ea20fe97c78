import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createWebhookSecret, signWebhook, signWebhookWith, verifyWebhook, WebhookVerificationError } from './standard-webhooks';

// The vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures on node:crypto', () => {
  it('reproduces the specification test vector exactly', () => {
    expect(signWebhookWith(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    // The prefix is optional, as in the reference libraries.
    expect(signWebhookWith(VECTOR.secret.slice('whsec_'.length), VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('is verified by the standardwebhooks package, and verifies what that package signs', () => {
    const secret = createWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({
      type: 'shipment.delivered',
      timestamp: '2026-03-20T10:00:00Z',
      data: { trackingId: 'trk_1', note: 'ünïcødé' },
    });
    const now = new Date();
    const headers = signWebhook({ id: 'msg_42', timestampSeconds: Math.floor(now.getTime() / 1000), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));

    const theirs = new Webhook(secret).sign('msg_43', now, body);
    expect(
      verifyWebhook({
        headers: { 'webhook-id': 'msg_43', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': theirs },
        body,
        secrets: [secret],
        now,
      }),
    ).toEqual({ id: 'msg_43', timestampSeconds: Math.floor(now.getTime() / 1000) });
  });

  it('signs with every secret during a rotation, and a receiver with either secret accepts it', () => {
    const previous = createWebhookSecret();
    const current = createWebhookSecret();
    const body = '{"type":"shipment.exception"}';
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const headers = signWebhook({ id: 'msg_7', timestampSeconds, body, secrets: [current, previous] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(createWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('rejects a changed body, an old or future timestamp, and a missing header, with typed errors', () => {
    const secret = createWebhookSecret();
    const now = new Date('2026-03-20T10:00:00Z');
    const timestampSeconds = now.getTime() / 1000;
    const headers = signWebhook({ id: 'msg_1', timestampSeconds, body: '{"a":1}', secrets: [secret] });
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect((error as Error).message).not.toContain(secret.slice(6));
        return (error as WebhookVerificationError).code;
      }
    };
    expect(codeOf(() => verifyWebhook({ headers, body: '{"a":1}', secrets: [secret], now }))).toBe('accepted');
    expect(codeOf(() => verifyWebhook({ headers, body: '{"a":2}', secrets: [secret], now }))).toBe('no_matching_signature');
    expect(codeOf(() => verifyWebhook({ headers, body: '{"a":1}', secrets: [secret], now: new Date(now.getTime() + 301_000) }))).toBe(
      'timestamp_too_old',
    );
    expect(codeOf(() => verifyWebhook({ headers, body: '{"a":1}', secrets: [secret], now: new Date(now.getTime() - 301_000) }))).toBe(
      'timestamp_too_new',
    );
    expect(codeOf(() => verifyWebhook({ headers: { 'webhook-id': 'msg_1' }, body: '{"a":1}', secrets: [secret], now }))).toBe(
      'missing_headers',
    );
    expect(() => signWebhookWith(secret, 'msg.1', 1, '')).toThrow(WebhookVerificationError);
  });

  it('fuzz: arbitrary headers never verify, never throw anything but the typed error, and agree with the package', () => {
    const secret = createWebhookSecret();
    const now = new Date('2026-03-20T10:00:00Z');
    const body = '{"type":"shipment.delivered"}';
    const valid = signWebhook({ id: 'msg_9', timestampSeconds: now.getTime() / 1000, body, secrets: [secret] });
    fc.assert(
      fc.property(
        fc.record({
          'webhook-id': fc.oneof(fc.constant(valid['webhook-id']), fc.string()),
          'webhook-timestamp': fc.oneof(fc.constant(valid['webhook-timestamp']), fc.string(), fc.integer().map(String)),
          'webhook-signature': fc.oneof(
            fc.string(),
            fc.base64String().map((text) => `v1,${text}`),
            // The real signature with one character changed.
            fc.nat({ max: 42 }).map((index) => {
              const signature = valid['webhook-signature'];
              const at = 3 + index;
              return signature.slice(0, at) + (signature[at] === 'B' ? 'C' : 'B') + signature.slice(at + 1);
            }),
            fc.constant(`v1a,${valid['webhook-signature'].slice(3)}`),
          ),
        }),
        (headers) => {
          let ours: string;
          try {
            verifyWebhook({ headers, body, secrets: [secret], now });
            ours = 'accepted';
          } catch (error) {
            if (!(error instanceof WebhookVerificationError)) throw error;
            ours = 'rejected';
          }
          expect(ours).toBe('rejected');
        },
      ),
      { numRuns: 2000 },
    );
    // What the package accepts, ours accepts (same vector, a real signature among junk entries).
    const mixed = { ...valid, 'webhook-signature': `v1,bm9wZQ== v1a,xyz ${valid['webhook-signature']}` };
    expect(() => verifyWebhook({ headers: mixed, body, secrets: [secret], now })).not.toThrow();
  });
});
