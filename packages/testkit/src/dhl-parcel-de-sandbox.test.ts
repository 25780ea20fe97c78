import { dhlParcelDeRequestXml, dhlParcelDeXmlParser } from '@wismo/carrier-dhlparcelde/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The DHL Parcel DE sandbox's wire protocol, spoken with plain fetch: Basic for the app, the login in the XML.

const { apiKey: basicPair } = SANDBOX_CREDENTIALS.dhlparcelde as { apiKey: string };
const PATH = '/parcel/de/tracking/v0/shipments';

interface Element {
  name?: string;
  code?: string;
  error?: string;
  data?: Element[];
  [attribute: string]: unknown;
}

async function ask(
  baseUrl: string,
  pieceCodes: string[],
  login = { username: 'zt12345', password: 'geheim' },
  languageCode = 'en',
): Promise<{ status: number; root: Element; text: string }> {
  const xml = dhlParcelDeRequestXml({ request: 'd-get-piece-detail', ...login, languageCode, pieceCodes });
  const response = await fetch(`${baseUrl}${PATH}?${new URLSearchParams({ xml })}`, {
    headers: { Authorization: `Basic ${Buffer.from(basicPair).toString('base64')}` },
  });
  const text = await response.text();
  return { status: response.status, root: (dhlParcelDeXmlParser.parse(text) as { data: Element }).data, text };
}

describe('DHL Parcel DE sandbox', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('answers a batch: known pieces with ICE/RIC codes and DD.MM.YYYY HH:mm times, unknown ones left out', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhlparcelde'], rateLimits: 'off' });
    const numbers = [
      SANDBOX_NUMBERS.dhlparcelde.available_for_pickup,
      SANDBOX_NUMBERS.dhlparcelde.not_found,
      SANDBOX_NUMBERS.dhlparcelde.delivered,
    ];
    const { status, root } = await ask(sandbox.baseUrls.dhlparcelde, numbers);
    expect(status).toBe(200);
    expect(root).toMatchObject({ name: 'piece-shipment-list', code: '0' });
    expect(root.data!.map((piece) => [piece['piece-code'], piece.ice, piece.ric, piece['standard-event-code']])).toEqual([
      [numbers[0], 'CNRFC', 'PCKST', 'ZF'],
      [numbers[2], 'DLVRD', 'ACCPT', 'ZU'],
    ]);
    const events = root.data![1]!.data![0]!.data!;
    expect(events[0]).toMatchObject({ ice: 'PARCV', 'standard-event-code': 'VA' });
    expect(events.every((event) => /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/.test(String(event['event-timestamp'])))).toBe(true);
  });

  it('answers only unknown pieces with code 100, a wrong login with code 5, more than 20 pieces with code 41 — all in HTTP 200', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhlparcelde'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.dhlparcelde;
    expect((await ask(baseUrl, [SANDBOX_NUMBERS.dhlparcelde.not_found])).root).toMatchObject({ code: '100', error: 'No data found' });
    expect((await ask(baseUrl, [SANDBOX_NUMBERS.dhlparcelde.delivered], { username: 'zt12345', password: 'wrong' })).root).toMatchObject({
      code: '5',
      error: 'Login failed',
    });
    const many = Array.from({ length: 21 }, () => SANDBOX_NUMBERS.dhlparcelde.delivered);
    expect((await ask(baseUrl, many)).root).toMatchObject({ code: '41' });
  });

  it('refuses a request without the app credentials with HTTP 401', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhlparcelde'], rateLimits: 'off' });
    const response = await fetch(`${sandbox.baseUrls.dhlparcelde}${PATH}?xml=x`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
