import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyUnsubscribeToken } from '@wismo/notify';
import { SANDBOX_NUMBERS, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { runCli } from './cli';
import { wismoIn, writeSandboxConfig } from './__fixtures__/run-wismo';

const directory = mkdtempSync(join(tmpdir(), 'wismo-worker-notify-'));
const PUBLIC_URL = 'https://track.shop.example';
const UNSUBSCRIBE_SECRET = 'worker-test-unsubscribe-secret-42';
let sandbox: RunningSandboxCarriers;
let configPath: string;
let storeUrl: string;
let testNumber = 0;
let smtp: { url: string; received: ParsedMail[]; close(): Promise<void> };

/** A real SMTP server on loopback; every message parsed with mailparser. */
async function startSmtpServer(): Promise<typeof smtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => (received.push(mail), callback()))
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const wismo = wismoIn(directory);

/** A zone where it is daytime now, so that quiet hours (21:00–08:00) do not hold the message of this test. */
function daytimeZone(): string {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
  for (const zone of zones) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    if (hour >= 9 && hour < 19) return zone;
  }
  throw new Error('no zone in daytime');
}

/** One order of Anna (German) whose UPS parcel is out for delivery in the sandbox, stored with `wismo import`. */
async function importOrder(phone: string | null = null): Promise<void> {
  const ordersPath = join(directory, `orders-${testNumber}.json`);
  const placedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
  writeFileSync(
    ordersPath,
    JSON.stringify([
      {
        id: 'ord-4711',
        number: '4711',
        placedAt,
        customer: {
          id: 'cus-anna',
          email: 'Anna.Schmidt@example.de',
          phone,
          name: 'Anna Schmidt',
          locale: 'de-DE',
          timeZone: daytimeZone(),
        },
        shippingAddress: { countryCode: 'DE' },
        items: [{ id: 'item-1', sku: null, name: 'Wanderschuh', quantity: 1 }],
        shipments: [
          {
            id: 'parcel-1',
            carrier: 'ups',
            trackingNumber: SANDBOX_NUMBERS.ups.out_for_delivery,
            items: [{ itemId: 'item-1', quantity: 1 }],
          },
        ],
      },
    ]),
  );
  const imported = await wismo(['import', ordersPath, '--store', storeUrl]);
  expect(imported.code, imported.stderr).toBe(0);
}

const notifyEnv = () => ({
  SMTP_URL: smtp.url,
  SMTP_FROM: '"Bergwerk Outdoor" <orders@bergwerk.example>',
  WISMO_PUBLIC_URL: PUBLIC_URL,
  WISMO_UNSUBSCRIBE_SECRET: UNSUBSCRIBE_SECRET,
});

beforeAll(async () => {
  sandbox = await startSandboxCarriers({ rateLimits: 'off' });
  configPath = writeSandboxConfig(directory, sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(async (context) => {
  testNumber += 1;
  storeUrl = `sqlite:${join(directory, `store-${testNumber}.db`)}`;
  smtp = await startSmtpServer();
  context.onTestFinished(() => smtp.close());
});

describe('wismo worker sends notifications', () => {
  it('--once: the change a round detects goes out by email through SMTP, in the customer’s language, with working links', async () => {
    await importOrder();
    const round = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], { env: notifyEnv() });
    expect(round.code, round.stderr).toBe(0);
    expect(round.stderr).toMatch(/^Notifications on: email and shop webhooks\.$/m);
    expect(round.stdout).toMatch(/^notifications: sent 1\b/m);
    expect(round.stdout).toMatch(/Notifications: sent 1, failed 0, webhooks delivered 0\./);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe('anna.schmidt@example.de');
    expect(mail.from?.value[0]).toMatchObject({ address: 'orders@bergwerk.example', name: 'Bergwerk Outdoor' });
    expect(mail.headers.get('content-language')).toBe('de');
    expect(mail.subject).toBe('Ihr Paket kommt heute');
    expect(mail.html).toContain('lang="de"');
    expect(mail.text).toContain(`${PUBLIC_URL}/track/${SANDBOX_NUMBERS.ups.out_for_delivery}`);
    // The unsubscribe link is signed with the secret `wismo serve` verifies it with.
    const unsubscribe = mail.headerLines.find((header) => header.key === 'list-unsubscribe')!.line;
    const token = new RegExp(`<${PUBLIC_URL}/notifications/unsubscribe/([^>]+)>`).exec(unsubscribe)![1]!;
    expect(verifyUnsubscribeToken(UNSUBSCRIBE_SECRET, token)).toMatchObject({ customerId: 'cus-anna', channel: 'email' });
    // Secrets never reach the output.
    expect(round.stdout + round.stderr).not.toContain(UNSUBSCRIBE_SECRET);

    // A second round: the milestone was sent, nothing goes out twice.
    const again = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], { env: notifyEnv() });
    expect(again.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('the unsubscribe link in the email works on `wismo serve` given the same WISMO_UNSUBSCRIBE_SECRET', async () => {
    await importOrder();
    expect((await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], { env: notifyEnv() })).code).toBe(0);
    const unsubscribe = smtp.received[0]!.headerLines.find((header) => header.key === 'list-unsubscribe')!.line;
    const path = new RegExp(`<${PUBLIC_URL}(/notifications/unsubscribe/[^>]+)>`).exec(unsubscribe)![1]!;

    const stop = new AbortController();
    let stdout = '';
    const serving = runCli(['serve', '--port', '0', '--config', configPath, '--store', storeUrl], {
      stdout: { write: (text: string) => ((stdout += text), true) },
      stderr: { write: () => true },
      env: { WISMO_API_KEYS: 'shop-key', WISMO_UNSUBSCRIBE_SECRET: UNSUBSCRIBE_SECRET },
      cwd: directory,
      signal: stop.signal,
    });
    try {
      const deadline = Date.now() + 10_000;
      while (!/wismo serving on/.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const url = /wismo serving on (http:\/\/\S+)/.exec(stdout)![1]!;
      expect(stdout).toMatch(/notifications: settings, webhooks and opt-outs under http:\S+\/v1/);
      // GET only asks (mail scanners follow links); the mail client's one-click POST (RFC 8058) unsubscribes.
      const page = await fetch(`${url}${path}`);
      expect(page.status).toBe(200);
      await page.text();
      const oneClick = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBeLessThan(300);
      await oneClick.text();
      const optOuts = await fetch(`${url}/v1/opt-outs`, { headers: { authorization: 'Bearer shop-key' } });
      expect(((await optOuts.json()) as { data: unknown[] }).data).toEqual([
        expect.objectContaining({ customerId: 'cus-anna', channel: 'email', address: 'anna.schmidt@example.de' }),
      ]);
      // A link signed with another secret is refused.
      expect((await fetch(`${url}${path.slice(0, -2)}xx`)).status).toBeGreaterThanOrEqual(400);
    } finally {
      stop.abort();
    }
    expect(await serving).toBe(0);
    expect(stdout).not.toContain(UNSUBSCRIBE_SECRET);
  }, 30_000);

  it('runs beside the scheduler until stopped, with its counts on the live line; a stop ends both', async () => {
    await importOrder();
    const stop = new AbortController();
    let stderr = '';
    const running = runCli(['worker', '--idle', '0.05', '--config', configPath, '--store', storeUrl], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => ((stderr += text), true), isTTY: true },
      env: notifyEnv(),
      cwd: directory,
      signal: stop.signal,
    });
    const deadline = Date.now() + 15_000;
    while (!/notifications: sent 1,/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    expect(await running).toBe(0);
    expect(smtp.received.map((mail) => mail.subject)).toEqual(['Ihr Paket kommt heute']);
    expect(stderr).toMatch(/round \d+ at [^\n]* · notifications: sent 1, failed 0, webhooks 0/);
    expect(stderr).toMatch(/Stopped\. \d+ round\(s\): checked 1, [^\n]* Notifications: sent 1, failed 0, webhooks delivered 0\./);
  }, 30_000);

  it('SMS through Twilio’s Messages API (a double on loopback) when only Twilio is configured', async () => {
    await importOrder('+49 151 12345678');
    const requests: Array<{ path: string; authorization: string | undefined; form: Record<string, string> }> = [];
    const twilio = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({
          path: request.url ?? '',
          authorization: request.headers.authorization,
          form: Object.fromEntries(new URLSearchParams(body)),
        });
        response
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ sid: `SM${'0'.repeat(31)}1`, status: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve));
    try {
      const env = {
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: 'twilio-token-not-for-logs',
        TWILIO_FROM: '+4930123456',
        TWILIO_BASE_URL: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
        WISMO_PUBLIC_URL: PUBLIC_URL,
        WISMO_UNSUBSCRIBE_SECRET: UNSUBSCRIBE_SECRET,
      };
      const round = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], { env });
      expect(round.code, round.stderr).toBe(0);
      expect(round.stderr).toMatch(/^Notifications on: sms and shop webhooks\.$/m);
      expect(requests).toHaveLength(1);
      expect(requests[0]!.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
      expect(requests[0]!.authorization).toBe(
        `Basic ${Buffer.from(`${env.TWILIO_ACCOUNT_SID}:${env.TWILIO_AUTH_TOKEN}`).toString('base64')}`,
      );
      expect(requests[0]!.form).toMatchObject({
        To: '+4915112345678',
        From: '+4930123456',
        StatusCallback: `${PUBLIC_URL}/webhooks/twilio/status`,
      });
      expect(requests[0]!.form.Body).toContain(`${PUBLIC_URL}/track/${SANDBOX_NUMBERS.ups.out_for_delivery}`);
      expect(smtp.received).toHaveLength(0);
      // Email is not configured: its messages are skipped as switched off, not failed.
      expect(round.stdout).toMatch(/Notifications: sent 1, failed 0, webhooks delivered 0\./);
      expect(round.stdout + round.stderr).not.toContain(env.TWILIO_AUTH_TOKEN);
    } finally {
      await new Promise<void>((resolve) => twilio.close(() => resolve()));
    }
  });

  it('without a channel it says once that notifications are off and why; --no-notify turns them off quietly', async () => {
    await importOrder();
    const off = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl]);
    expect(off.code).toBe(0);
    expect(off.stderr.match(/Notifications are off: no channel is configured \(neither SMTP_URL nor Twilio\)/g)).toHaveLength(1);
    expect(off.stdout).not.toMatch(/Notifications: sent/);

    const quiet = await wismo(['worker', '--once', '--no-notify', '--config', configPath, '--store', storeUrl], { env: notifyEnv() });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/Notifications/);
    expect(smtp.received).toHaveLength(0);
  });

  it('a channel without what its links need is a usage error that names the variable, never the SMTP password', async () => {
    const env = { SMTP_URL: 'smtp://mailer:s3cret-pw@127.0.0.1:1' };
    const missingUrl = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], { env });
    expect(missingUrl.code).toBe(2);
    expect(missingUrl.stderr).toMatch(/Notifications need WISMO_PUBLIC_URL/);
    const shortSecret = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl], {
      env: { ...env, WISMO_PUBLIC_URL: PUBLIC_URL, WISMO_UNSUBSCRIBE_SECRET: 'short' },
    });
    expect(shortSecret.code).toBe(2);
    expect(shortSecret.stderr).toMatch(/WISMO_UNSUBSCRIBE_SECRET \(16 characters or more\)/);
    expect(missingUrl.stderr + shortSecret.stderr).not.toContain('s3cret-pw');
  });
});
