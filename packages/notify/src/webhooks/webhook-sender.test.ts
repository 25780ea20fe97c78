import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../channels/__fixtures__/loopback-servers';
import { refusedAddressReason } from './address-guard';
import { createWebhookSecret } from './standard-webhooks';
import { attemptWebhook, nextWebhookAttemptDelay, WEBHOOK_RETRY_SCHEDULE_MS } from './webhook-sender';

const BODY = JSON.stringify({ type: 'shipment.delivered', timestamp: '2026-03-17T12:00:00.000Z', data: { id: '7' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('webhook attempts', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  afterEach(async () => receiver?.close());

  it('is verified by the standardwebhooks package at the receiver (loopback allowed explicitly)', async () => {
    const secret = createWebhookSecret();
    receiver = await startWebhookReceiver(() => [secret]);
    const result = await attemptWebhook({
      url: receiver.url,
      id: 'msg_7',
      body: BODY,
      secrets: [secret],
      timestampSeconds: nowSeconds(),
      addressPolicy: { allowLoopback: true },
    });
    expect(result).toMatchObject({ outcome: 'delivered', status: 204, error: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ verifiedOk: true, verified: JSON.parse(BODY), body: BODY });
    expect(receiver.received[0]!.headers['webhook-id']).toBe('msg_7');
  });

  it('refuses loopback and private destinations unless allowed, by IP literal and by a name that resolves there', async () => {
    const secret = createWebhookSecret();
    receiver = await startWebhookReceiver(() => [secret]);
    const byIp = await attemptWebhook({ url: receiver.url, id: 'msg_1', body: BODY, secrets: [secret], timestampSeconds: nowSeconds() });
    expect(byIp).toMatchObject({ outcome: 'refused', status: null });
    expect(byIp.error).toMatch(/loopback/);
    const byName = await attemptWebhook({
      url: receiver.url.replace('127.0.0.1', 'localhost'),
      id: 'msg_1',
      body: BODY,
      secrets: [secret],
      timestampSeconds: nowSeconds(),
    });
    expect(byName).toMatchObject({ outcome: 'refused' });
    expect(receiver.received).toHaveLength(0);
    expect(refusedAddressReason('10.1.2.3')).toMatch(/private/);
    expect(refusedAddressReason('172.20.0.1')).toMatch(/private/);
    expect(refusedAddressReason('192.168.1.1')).toMatch(/private/);
    expect(refusedAddressReason('169.254.169.254')).toMatch(/private or link-local/);
    expect(refusedAddressReason('::ffff:169.254.169.254')).toMatch(/link-local/);
    expect(refusedAddressReason('fe80::1')).toMatch(/link-local/);
    expect(refusedAddressReason('fd00::1')).toMatch(/private/);
    expect(refusedAddressReason('::1')).toMatch(/loopback/);
    expect(refusedAddressReason('0.0.0.0')).toMatch(/reserved/);
    expect(refusedAddressReason('169.254.169.254', { allowPrivate: true })).toBeNull();
    expect(refusedAddressReason('127.0.0.1', { allowPrivate: true })).toMatch(/loopback/);
    expect(refusedAddressReason('93.184.215.14')).toBeNull();
    expect(refusedAddressReason('2606:4700::1111')).toBeNull();
  });

  it('410 is gone, a redirect is not followed, Retry-After is read, and the reply is kept short', async () => {
    const secret = createWebhookSecret();
    const answers: Array<{ status: number; headers?: Record<string, string> }> = [
      { status: 410 },
      { status: 302, headers: { location: 'http://169.254.169.254/' } },
      { status: 429, headers: { 'retry-after': '120' } },
    ];
    receiver = await startWebhookReceiver(
      () => [secret],
      (index) => answers[index]!,
    );
    const attempt = () =>
      attemptWebhook({
        url: receiver!.url,
        id: 'msg_2',
        body: BODY,
        secrets: [secret],
        timestampSeconds: nowSeconds(),
        addressPolicy: { allowLoopback: true },
      });
    expect(await attempt()).toMatchObject({ outcome: 'gone', status: 410 });
    expect(await attempt()).toMatchObject({ outcome: 'retry', status: 302, error: 'HTTP 302: redirects are not followed' });
    expect(await attempt()).toMatchObject({ outcome: 'retry', status: 429, retryAfterMs: 120_000 });
    expect(receiver.received).toHaveLength(3);
  });

  it('a timeout is a retry', async () => {
    const secret = createWebhookSecret();
    receiver = await startWebhookReceiver(() => [secret]);
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const result = await attemptWebhook({
        url: `http://127.0.0.1:${port}/`,
        id: 'msg_3',
        body: BODY,
        secrets: [secret],
        timestampSeconds: nowSeconds(),
        addressPolicy: { allowLoopback: true },
        timeoutMs: 200,
      });
      expect(result).toMatchObject({ outcome: 'retry', status: null });
      expect(result.error).toMatch(/No answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('retries on the Svix schedule with ±10 % jitter, never before Retry-After, and stops after the eighth attempt', () => {
    expect(WEBHOOK_RETRY_SCHEDULE_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextWebhookAttemptDelay(1, null, () => 0.5)).toBe(5_000);
    expect(nextWebhookAttemptDelay(1, null, () => 0)).toBe(4_500);
    expect(nextWebhookAttemptDelay(1, null, () => 0.999999)).toBe(5_500);
    expect(nextWebhookAttemptDelay(2, 3_600_000, () => 0.5)).toBe(3_600_000);
    expect(nextWebhookAttemptDelay(7, null, () => 0.5)).toBe(36_000_000);
    expect(nextWebhookAttemptDelay(8, null, () => 0.5)).toBeNull();
  });
});
