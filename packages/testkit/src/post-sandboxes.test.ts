import type { RoyalMailAdapter } from '@wismo/carrier-royalmail';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import type { RunningSandboxCarriers } from './sandbox-types';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';

// The Australia Post, Royal Mail and Canada Post sandboxes: the wire details the end-to-end scenarios do not reach.

function key(carrier: 'auspost' | 'royalmail' | 'canadapost'): string[] {
  return (SANDBOX_CREDENTIALS[carrier] as { apiKey: string }).apiKey.split(':');
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

describe('post sandboxes', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('Australia Post: ten ids at most (51101), ESB-10001 per unknown id inside 200, Account-Number required', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['auspost'], rateLimits: 'off' });
    const [apiKey, password, account] = key('auspost');
    const headers = { authorization: basic(apiKey!, password!), 'account-number': account! };
    const url = (ids: string[]) => `${sandbox!.baseUrls.auspost}/shipping/v1/track?tracking_ids=${ids.join(',')}`;
    const mixed = await fetch(url([SANDBOX_NUMBERS.auspost.delivered, SANDBOX_NUMBERS.auspost.not_found]), { headers });
    expect(mixed.status).toBe(200);
    const body = (await mixed.json()) as {
      tracking_results: Array<{ tracking_id: string; errors?: unknown; trackable_items?: Array<{ events: Array<{ date: string }> }> }>;
    };
    expect(body.tracking_results[0]!.trackable_items![0]!.events[0]!.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(body.tracking_results[1]).toEqual({
      tracking_id: SANDBOX_NUMBERS.auspost.not_found,
      errors: [{ code: 'ESB-10001', name: 'Invalid tracking ID' }],
    });
    const tooMany = await fetch(url(Array.from({ length: 11 }, () => SANDBOX_NUMBERS.auspost.delivered)), { headers });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ errors: [{ code: '51101', name: 'TOO_MANY_AP_TRACKING_IDS' }] });
    const withoutAccount = await fetch(url([SANDBOX_NUMBERS.auspost.delivered]), { headers: { authorization: headers.authorization } });
    expect(withoutAccount.status).toBe(401);
  });

  it('Royal Mail: E0004 without X-Accept-RMG-Terms; summaries of 30 with E1142 inside 200; the signature of a delivered item', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['royalmail'], rateLimits: 'off' });
    const [clientId, clientSecret] = key('royalmail');
    const noTerms = await fetch(`${sandbox.baseUrls.royalmail}/mailpieces/v2/${SANDBOX_NUMBERS.royalmail.delivered}/events`, {
      headers: { 'x-ibm-client-id': clientId!, 'x-ibm-client-secret': clientSecret! },
    });
    expect(noTerms.status).toBe(400);
    expect(await noTerms.json()).toMatchObject({ errors: [{ errorCode: 'E0004' }] });

    const adapter = sandbox.createAdapters().find((candidate) => candidate.id === 'royalmail') as RoyalMailAdapter;
    const [delivered, unknown] = await adapter.trackSummaries([SANDBOX_NUMBERS.royalmail.delivered, SANDBOX_NUMBERS.royalmail.not_found]);
    expect(delivered).toMatchObject({ ok: true, shipment: { status: 'delivered', events: [{ raw: { code: 'EVKSP' } }] } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', carrierCodes: ['E1142'] } });
    expect(await adapter.signature(SANDBOX_NUMBERS.royalmail.delivered)).toMatchObject({
      ok: true,
      signature: { recipientName: 'WISMO', signedAt: { timeKind: 'instant' } },
    });
    expect(await adapter.signature(SANDBOX_NUMBERS.royalmail.in_transit)).toMatchObject({
      ok: false,
      error: { code: 'not_found', carrierCodes: ['E1144'] },
    });
  });

  it('Canada Post: XML with zone abbreviations, French texts for fr-CA, 004 No Pin History, E002 for a wrong password', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['canadapost'], rateLimits: 'off' });
    const [user, password] = key('canadapost');
    const url = (pin: string) => `${sandbox!.baseUrls.canadapost}/vis/track/pin/${pin}/detail`;
    const accept = 'application/vnd.cpc.track-v2+xml';
    const french = await fetch(url(SANDBOX_NUMBERS.canadapost.delivered), {
      headers: { authorization: basic(user!, password!), accept, 'accept-language': 'fr-CA' },
    });
    expect(french.status).toBe(200);
    const xml = await french.text();
    expect(xml).toMatch(/<event-time-zone>(NST|NDT|AST|ADT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)<\/event-time-zone>/);
    expect(xml).toContain('Article livré avec succès');
    const missing = await fetch(url(SANDBOX_NUMBERS.canadapost.not_found), { headers: { authorization: basic(user!, password!), accept } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<code>004</code>');
    const wrong = await fetch(url(SANDBOX_NUMBERS.canadapost.delivered), { headers: { authorization: basic(user!, 'wrong'), accept } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('<code>E002</code>');
  });
});
