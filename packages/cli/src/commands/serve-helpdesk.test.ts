import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';

const directory = mkdtempSync(join(tmpdir(), 'wismo-serve-helpdesk-'));
const HELPSCOUT_SECRET = 'helpscout-secret-from-env-5a1c';
const ZENDESK_SECRET = 'zendesk-shared-secret-from-env-77f0e3';
const SESSION_SECRET = 'helpdesk-session-secret-from-env-0123456789abcdef';
const DHL_KEY = 'dhl-key-in-config-file-9b2d';
const ENV = {
  WISMO_API_KEYS: 'api-key-1',
  WISMO_HELPSCOUT_SECRET_KEY: HELPSCOUT_SECRET,
  WISMO_ZENDESK_SHARED_SECRET: ZENDESK_SECRET,
  WISMO_HELPDESK_SESSION_SECRET: SESSION_SECRET,
};
const SECRETS = [HELPSCOUT_SECRET, ZENDESK_SECRET, SESSION_SECRET, DHL_KEY, 'api-key-1'];

// One order without parcels: the panels need no carrier to answer.
writeFileSync(
  join(directory, 'orders.json'),
  JSON.stringify([
    {
      id: 'ord_7001',
      number: '7001',
      placedAt: '2026-03-27T09:12:00+01:00',
      customer: { id: 'cus_1', name: 'Anna Schmidt', email: 'anna.schmidt@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      items: [{ id: 'li_1', name: 'Trailrunner GTX', quantity: 1 }],
      shipments: [],
    },
  ]),
);

function writeConfig(name: string, helpdesk: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify({ carriers: { dhl: { apiKey: DHL_KEY } }, helpdesk }));
  return path;
}

/** Runs `wismo serve` in this process until `stop` is aborted; resolves with its URL once it listens. */
async function serve(args: string[], env: Record<string, string> = ENV) {
  let stdout = '';
  let stderr = '';
  const stop = new AbortController();
  const exit = runCli(['serve', '--no-store', '--port', '0', '--orders', 'orders.json', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: directory,
    signal: stop.signal,
  });
  const started = Date.now();
  while (!/serving on (http:\/\/\S+)/.test(stdout)) {
    const early = await Promise.race([exit, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20))]);
    if (early !== null) return { url: null, code: early, output: () => stdout + stderr, stop: async () => early };
    if (Date.now() - started > 15_000) throw new Error(`wismo serve did not start: ${stdout}${stderr}`);
  }
  const url = /serving on (http:\/\/\S+)/.exec(stdout)![1]!;
  return {
    url,
    code: null,
    output: () => stdout + stderr,
    stop: async () => {
      stop.abort();
      return exit;
    },
  };
}

describe('wismo serve mounts the helpdesk panels of its config file', () => {
  it('serves a signed Help Scout request and a Zendesk first load, with secrets from the environment, never printed', async () => {
    const config = writeConfig('with-helpdesk.json', { helpScout: {}, zendesk: { appOrigin: 'https://acme.zendesk.com' } });
    const running = await serve(['--config', config, '--public-url', 'https://track.example.com']);
    expect(running.url, running.output()).not.toBeNull();
    try {
      expect(running.output()).toMatch(/helpdesk panels \(helpScout, zendesk\)/);
      const body = JSON.stringify({ ticket: { id: 1 }, customer: { email: 'anna.schmidt@example.de' } });
      const helpScout = await fetch(`${running.url}/helpdesk/helpscout?locale=en`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-helpscout-signature': createHmac('sha1', HELPSCOUT_SECRET).update(body).digest('base64'),
        },
        body,
      });
      expect(helpScout.status).toBe(200);
      expect(((await helpScout.json()) as { html: string }).html).toContain('Order 7001');
      const forged = await fetch(`${running.url}/helpdesk/helpscout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-helpscout-signature': createHmac('sha1', 'wrong').update(body).digest('base64') },
        body,
      });
      expect(forged.status).toBe(401);

      // Zendesk verifies tokens for the public URL it was configured with.
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const seconds = Math.floor(Date.now() / 1000);
      const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: 'acme.zendesk.com', aud: 'https://track.example.com/helpdesk/zendesk', iat: seconds, exp: seconds + 300 })}`;
      const token = `${input}.${createHmac('sha256', ZENDESK_SECRET).update(input).digest('base64url')}`;
      const zendesk = await fetch(`${running.url}/helpdesk/zendesk`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ token, email: 'anna.schmidt@example.de' }),
      });
      expect(zendesk.status).toBe(200);
      expect(await zendesk.text()).toContain('7001');

      // --public-url: absolute URLs come from it.
      const document = (await (await fetch(`${running.url}/openapi.json`)).json()) as { servers: unknown };
      expect(document.servers).toEqual([{ url: 'https://track.example.com' }]);
    } finally {
      expect(await running.stop()).toBe(0);
    }
    for (const secret of SECRETS) expect(running.output()).not.toContain(secret);
  }, 30_000);

  it('says which variable is missing, and that the panels need a public URL, without printing values', async () => {
    const config = writeConfig('missing-secret.json', { gorgias: {}, helpScout: {} });
    const missing = await serve(['--config', config, '--public-url', 'https://track.example.com']);
    expect(missing.code).toBe(2);
    expect(missing.output()).toMatch(/helpdesk\.gorgias is listed .* but its secret is not set/);
    expect(missing.output()).toContain('WISMO_GORGIAS_API_KEY');

    const noUrl = await serve(['--config', writeConfig('no-url.json', { helpScout: {} })]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.output()).toContain('--public-url');

    const inFile = writeConfig('secret-in-file.json', { helpScout: { secretKey: HELPSCOUT_SECRET }, nonsense: true });
    const unknown = await serve(['--config', inFile, '--public-url', 'https://track.example.com']);
    expect(unknown.code).toBe(2);
    expect(unknown.output()).toMatch(/unknown key\(s\): nonsense/);

    const noAccount = await serve([
      '--config',
      writeConfig('zendesk-no-account.json', { zendesk: {} }),
      '--public-url',
      'https://track.example.com',
    ]);
    expect(noAccount.code).not.toBe(0);
    expect(noAccount.output()).toContain('appOrigin');
    for (const result of [missing, noUrl, unknown, noAccount]) for (const secret of SECRETS) expect(result.output()).not.toContain(secret);
  }, 30_000);
});
