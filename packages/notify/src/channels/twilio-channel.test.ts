import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../notification-types';
import { startTwilioDouble } from './__fixtures__/loopback-servers';
import { ChannelError } from './channel-types';
import { createTwilioChannel } from './twilio-channel';

const CREDENTIALS = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'twilio-auth-token-secret-42' };

function text(channel: 'sms' | 'whatsapp', address = '+4915112345678'): RenderedMessage {
  return {
    channel,
    recipient: { channel, address, customerId: 'cus-1', name: 'Anna', locale: 'nl-NL', timeZone: 'Europe/Amsterdam' },
    language: 'nl',
    dedupeKey: `ord-1:ful-1:out_for_delivery:${channel}:${address}`,
    sendAfter: '2026-03-17T08:00:00.000Z',
    subject: null,
    html: null,
    text: 'Je pakket wordt vandaag bezorgd. https://shop.example/track/123 Stop: https://shop.example/u/x',
    unsubscribeUrl: 'https://shop.example/u/x',
  };
}

describe('Twilio channel against a Twilio-shaped double', () => {
  let double: Awaited<ReturnType<typeof startTwilioDouble>> | undefined;
  afterEach(async () => double?.close());

  it('posts a form with Basic auth to Messages.json and returns the sid', async () => {
    double = await startTwilioDouble(CREDENTIALS);
    const channel = createTwilioChannel({
      channel: 'sms',
      ...CREDENTIALS,
      from: '+4930123456',
      baseUrl: double.baseUrl,
      statusCallbackUrl: 'https://wismo.example/twilio/status',
    });
    const result = await channel.send(text('sms'));
    expect(result).toEqual({ providerId: `SM${'1'.padStart(32, '0')}`, providerStatus: 'queued' });
    expect(double.requests).toEqual([
      {
        path: `/2010-04-01/Accounts/${CREDENTIALS.accountSid}/Messages.json`,
        authorization: `Basic ${Buffer.from(`${CREDENTIALS.accountSid}:${CREDENTIALS.authToken}`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
        form: { To: '+4915112345678', From: '+4930123456', Body: text('sms').text, StatusCallback: 'https://wismo.example/twilio/status' },
      },
    ]);
  });

  it('prefixes both numbers with whatsapp: on the WhatsApp channel', async () => {
    double = await startTwilioDouble(CREDENTIALS);
    const channel = createTwilioChannel({ channel: 'whatsapp', ...CREDENTIALS, from: '+14155238886', baseUrl: double.baseUrl });
    await channel.send(text('whatsapp'));
    expect(double.requests[0]!.form).toMatchObject({ To: 'whatsapp:+4915112345678', From: 'whatsapp:+14155238886' });
  });

  it('429 with Retry-After and 5xx are retryable; 400 with a Twilio code is final; a wrong token is refused; no secret in errors', async () => {
    double = await startTwilioDouble(CREDENTIALS, [
      { status: 429, headers: { 'retry-after': '7' }, body: { code: 20429, message: 'Too Many Requests', status: 429 } },
      { status: 503, body: {} },
      { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } },
    ]);
    const channel = createTwilioChannel({ channel: 'sms', ...CREDENTIALS, from: '+4930123456', baseUrl: double.baseUrl });
    const errors = [];
    for (let index = 0; index < 3; index++) errors.push(await channel.send(text('sms')).catch((error: unknown) => error));
    expect(errors[0]).toMatchObject({ code: 'rate_limited', retryable: true, status: 429, retryAfterMs: 7000 });
    expect(errors[1]).toMatchObject({ code: 'unavailable', retryable: true, status: 503 });
    expect(errors[2]).toMatchObject({ code: 'rejected', retryable: false, status: 400 });
    expect((errors[2] as Error).message).toContain('21211');
    const wrong = createTwilioChannel({
      channel: 'sms',
      accountSid: CREDENTIALS.accountSid,
      authToken: 'not-the-token-123',
      from: '+4930123456',
      baseUrl: double.baseUrl,
    });
    const refused = await wrong.send(text('sms')).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'rejected', status: 401, retryable: false });
    for (const error of [...errors, refused]) {
      expect(error).toBeInstanceOf(ChannelError);
      expect(String((error as Error).message)).not.toContain(CREDENTIALS.authToken);
      expect(String((error as Error).message)).not.toContain('not-the-token-123');
    }
  });

  it('refuses bad settings and numbers not in E.164 before any request', async () => {
    expect(() => createTwilioChannel({ channel: 'sms', env: {}, from: '+4930123456' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => createTwilioChannel({ channel: 'sms', env: { TWILIO_ACCOUNT_SID: CREDENTIALS.accountSid }, from: '+4930123456' })).toThrow(
      /TWILIO_AUTH_TOKEN/,
    );
    const fromEnv = createTwilioChannel({
      channel: 'sms',
      env: { TWILIO_ACCOUNT_SID: CREDENTIALS.accountSid, TWILIO_AUTH_TOKEN: 'x'.repeat(32) },
      from: '+4930123456',
      baseUrl: 'http://127.0.0.1:1',
    });
    await expect(fromEnv.send(text('sms', '0151 123'))).rejects.toMatchObject({ code: 'invalid_message' });
    await expect(fromEnv.send(text('sms'))).rejects.toMatchObject({ code: 'unavailable', retryable: true });
  });
});
