import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../notification-types';
import { startSmtpServer } from './__fixtures__/loopback-servers';
import { ChannelError } from './channel-types';
import { createEmailChannel, messageIdFor } from './email-channel';

function message(overrides: Partial<RenderedMessage> = {}): RenderedMessage {
  return {
    channel: 'email',
    recipient: {
      channel: 'email',
      address: 'anna@example.de',
      customerId: 'cus-1',
      name: 'Anna',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
    },
    language: 'de',
    dedupeKey: 'ord-1:ful-1:delivered:email:anna@example.de',
    sendAfter: '2026-03-17T12:00:00.000Z',
    subject: 'Ihre Bestellung 1042 ist da',
    html: '<!doctype html><html lang="de"><body><p>Zugestellt: <a href="https://shop.example/track/123">Sendung verfolgen</a></p></body></html>',
    text: 'Zugestellt. Sendung verfolgen: https://shop.example/track/123',
    unsubscribeUrl: 'https://shop.example/notifications/unsubscribe/abc.def',
    ...overrides,
  };
}

describe('email channel over a real SMTP server on loopback', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectRecipient: (address) => address.startsWith('nobody@') });
  });
  afterAll(async () => smtp.close());

  it('sends HTML and text with List-Unsubscribe (one-click), the language and a Message-ID made from the dedupe key', async () => {
    const channel = createEmailChannel({ url: smtp.url, from: '"Kaffeerösterei" <orders@shop.example>' });
    try {
      const result = await channel.send(message());
      const expectedId = messageIdFor(message().dedupeKey, 'shop.example');
      expect(result.providerId).toBe(expectedId);
      expect(result.providerStatus).toMatch(/^250/);
      const [mail] = await smtp.waitFor(1);
      expect(mail!.subject).toBe('Ihre Bestellung 1042 ist da');
      expect(mail!.messageId).toBe(expectedId);
      expect(mail!.from?.value[0]).toEqual({ address: 'orders@shop.example', name: 'Kaffeerösterei' });
      expect(mail!.text?.trim()).toBe('Zugestellt. Sendung verfolgen: https://shop.example/track/123');
      expect(mail!.html).toContain('lang="de"');
      expect(mail!.html).toContain('href="https://shop.example/track/123"');
      expect(mail!.headers.get('content-language')).toBe('de');
      // mailparser folds List-* headers into `list`; the raw lines show them as sent.
      const line = (name: string) => mail!.headerLines.find((header) => header.key === name)?.line;
      expect(line('list-unsubscribe')).toBe('List-Unsubscribe: <https://shop.example/notifications/unsubscribe/abc.def>');
      expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(mail!.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://shop.example/notifications/unsubscribe/abc.def' } });
      expect(mail!.headers.get('x-wismo-dedupe-key')).toBe(message().dedupeKey);
    } finally {
      await channel.close?.();
    }
  });

  it('a refused recipient (550) is final; an unreachable server is worth another try; the password never shows', async () => {
    const channel = createEmailChannel({ url: smtp.url, from: 'orders@shop.example' });
    try {
      const refused = await channel
        .send(message({ recipient: { ...message().recipient, address: 'nobody@example.de' } }))
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ChannelError);
      expect(refused).toMatchObject({ code: 'rejected', retryable: false, status: 550, channel: 'email' });
    } finally {
      await channel.close?.();
    }
    const down = createEmailChannel({ url: 'smtp://mailer:hunter2-secret@127.0.0.1:1', from: 'orders@shop.example' });
    try {
      const error = await down.send(message()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'unavailable', retryable: true });
      expect(String((error as Error).message)).not.toContain('hunter2-secret');
    } finally {
      await down.close?.();
    }
  });

  it('refuses bad settings and a message not rendered for email, with typed errors', () => {
    expect(() => createEmailChannel({ from: 'a@b.c', env: {} })).toThrow(ChannelError);
    expect(() => createEmailChannel({ url: 'http://x', from: 'a@b.c' })).toThrow(/smtp:\/\//);
    const channel = createEmailChannel({ url: smtp.url, from: 'a@b.c' });
    return expect(channel.send(message({ subject: null }))).rejects.toMatchObject({ code: 'invalid_message' });
  });
});
