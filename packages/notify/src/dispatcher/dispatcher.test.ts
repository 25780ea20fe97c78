import { createStore, type Store } from '@wismo/store';
import { storeDatabase } from '@wismo/store/internal';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, startTwilioDouble, startWebhookReceiver } from '../channels/__fixtures__/loopback-servers';
import { createEmailChannel } from '../channels/email-channel';
import { createTwilioChannel } from '../channels/twilio-channel';
import { computeTwilioSignature, readTwilioStatusCallback } from '../channels/twilio-signature';
import { dhlNumber, ingestUpTo, journey, seedOrder, testEngines, type TestDatabase } from './__fixtures__/notify-test-setup';
import { createDispatcher, type DispatcherOptions } from './create-dispatcher';
import { createNotificationAdmin, NotificationAdminError } from './notification-admin';
import { verifyUnsubscribeToken } from './unsubscribe-token';

const TWILIO = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'twilio-auth-token-secret-42' };
const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-0123456789';
const PUBLIC_URL = 'https://track.shop.example';
/** 10:00 in Berlin (09:00 UTC) on a Monday. */
const MORNING = Date.parse('2026-03-16T09:00:00Z');
const MINUTE = 60_000;

for (const engine of testEngines()) {
  describe.skipIf(!engine.available)(`dispatcher end to end on ${engine.name}`, () => {
    let database: TestDatabase;
    let store: Store;
    let now: number;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
    let cleanups: Array<() => Promise<unknown>>;

    beforeEach(async () => {
      database = engine.create();
      now = MORNING;
      store = await createStore({ url: database.url, clock: () => new Date(now), random: () => 0.5 });
      smtp = await startSmtpServer({ rejectRecipient: (address) => address.startsWith('nobody@') });
      twilio = await startTwilioDouble(TWILIO);
      cleanups = [];
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await store.close();
      await smtp.close();
      await twilio.close();
      await database.drop();
    });

    function dispatcher(overrides: Partial<DispatcherOptions> = {}) {
      const email = createEmailChannel({ url: smtp.url, from: '"Kaffeerösterei" <orders@shop.example>' });
      const sms = createTwilioChannel({ channel: 'sms', ...TWILIO, from: '+4930123456', baseUrl: twilio.baseUrl });
      cleanups.push(async () => email.close?.());
      return createDispatcher({
        store,
        channels: { email, sms },
        clock: () => new Date(now),
        links: { publicUrl: PUBLIC_URL, unsubscribeSecret: UNSUBSCRIBE_SECRET },
        webhookAddresses: { allowLoopback: true },
        random: () => 0.5,
        ...overrides,
      });
    }

    it('sends each milestone once by email and SMS, signs webhooks, never sends twice on a replay, and honours an unsubscribe', async () => {
      const admin = createNotificationAdmin(store, { clock: () => new Date(now) });
      let endpointSecret = '';
      const receiver = await startWebhookReceiver(
        () => [endpointSecret],
        undefined,
        () => now,
      );
      cleanups.push(receiver.close);
      const endpoint = await admin.createWebhookEndpoint('default', { url: receiver.url });
      endpointSecret = endpoint.secret;
      const shop = store.shop();
      const number = dhlNumber(1);
      const [trackingId] = await seedOrder(
        shop,
        { id: 'ord-1', number: '1042', email: 'Anna@Example.de', phone: '+49 151 12345678', trackingNumbers: [number] },
        new Date(MORNING - 60 * MINUTE).toISOString(),
      );
      const trackings = [{ id: trackingId!, number }];
      const scans = journey({ pickedUp: 30, outForDelivery: 24 * 60, delivered: 27 * 60 });
      const run = dispatcher();

      await ingestUpTo(store, (ms) => (now = ms), trackings, scans, 1, MORNING);
      await run.runOnce();
      await ingestUpTo(store, (ms) => (now = ms), trackings, scans, 2, MORNING);
      const shipped = await run.runOnce();
      expect(shipped).toMatchObject({ sent: 2, failed: 0 });
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toMatchObject({ value: [{ address: 'anna@example.de' }] });
      expect(mail!.html).toContain('lang="de"');
      expect(mail!.html).toContain(`${PUBLIC_URL}/track/${number}`);
      expect(mail!.headers.get('content-language')).toBe('de');
      const unsubscribeLine = mail!.headerLines.find((header) => header.key === 'list-unsubscribe')!.line;
      const token = /\/notifications\/unsubscribe\/([^>]+)>/.exec(unsubscribeLine)![1]!;
      expect(verifyUnsubscribeToken(UNSUBSCRIBE_SECRET, token)).toEqual({
        shopId: 'default',
        customerId: 'cus-ord-1',
        channel: 'email',
        address: 'anna@example.de',
      });
      expect(twilio.requests).toHaveLength(1);
      expect(twilio.requests[0]!.form.To).toBe('+4915112345678');
      expect(twilio.requests[0]!.form.Body).toContain(`${PUBLIC_URL}/track/${number}`);

      // Out for delivery and delivered seen in one pass: the overtaken "out for delivery" never leaves.
      await ingestUpTo(store, (ms) => (now = ms), trackings, scans, 3, MORNING);
      await ingestUpTo(store, (ms) => (now = ms), trackings, scans, 4, MORNING);
      const delivered = await run.runOnce();
      expect(delivered).toMatchObject({ sent: 2, failed: 0 });
      await smtp.waitFor(2);
      const { db } = storeDatabase(store);
      const rows = await db
        .selectFrom('notifications')
        .select(['milestone', 'channel', 'status', 'provider_id', 'attempts'])
        .orderBy('created_at')
        .orderBy('milestone')
        .execute();
      expect(rows.map((row) => `${row.milestone}/${row.channel}/${row.status}`).sort()).toEqual([
        'delivered/email/sent',
        'delivered/sms/sent',
        'shipped/email/sent',
        'shipped/sms/sent',
      ]);
      for (const row of rows)
        expect(row.provider_id).toMatch(row.channel === 'email' ? /^<wismo\.[0-9a-f]{32}@shop\.example>$/ : /^SM\d{32}$/);
      const overtaken = await db
        .selectFrom('notification_skips')
        .select(['milestone', 'reason'])
        .where('milestone', '=', 'out_for_delivery')
        .execute();
      expect(overtaken.map((skip) => skip.reason)).toContain('overtaken');

      // Every outbox row went to the shop's webhook, each verified by the standardwebhooks package.
      const outbox = await store.readOutbox({ limit: 1000 });
      expect(receiver.received.length).toBe(outbox.length);
      expect(receiver.received.every((request) => request.verifiedOk)).toBe(true);
      expect(new Set(receiver.received.map((request) => request.headers['webhook-id']))).toEqual(
        new Set(outbox.map((event) => `msg_${event.id}`)),
      );

      // Replay: the cursor goes back to the start; the unique dedupe keys keep every message single.
      await db.updateTable('notification_cursors').set({ last_outbox_id: '0' }).execute();
      const replay = await run.runOnce();
      expect(replay).toMatchObject({ sent: 0, claimed: 0, webhooksDelivered: 0 });
      expect(smtp.received).toHaveLength(2);
      expect(twilio.requests).toHaveLength(2);
      expect(receiver.received.length).toBe(outbox.length);

      // The unsubscribe link: the opt-out is recorded, and the next milestone goes by SMS only.
      expect(await admin.unsubscribe(token, UNSUBSCRIBE_SECRET)).toMatchObject({ channel: 'email' });
      expect(await admin.listOptOuts('default')).toMatchObject([
        { customerId: 'cus-ord-1', channel: 'email', address: 'anna@example.de', source: 'unsubscribe_link' },
      ]);
      await expect(admin.unsubscribe(`${token}x`, UNSUBSCRIBE_SECRET)).rejects.toMatchObject({ code: 'invalid_unsubscribe_token' });

      // A Twilio status callback, verified, lands on the message row.
      const sid = rows.find((row) => row.channel === 'sms')!.provider_id!;
      const callbackUrl = 'https://wismo.example/twilio/status';
      const body = new URLSearchParams({ MessageSid: sid, MessageStatus: 'delivered', AccountSid: TWILIO.accountSid }).toString();
      const update = readTwilioStatusCallback({
        authToken: TWILIO.authToken,
        url: callbackUrl,
        body,
        signature: computeTwilioSignature(TWILIO.authToken, callbackUrl, new URLSearchParams(body)),
      });
      expect(await admin.recordProviderStatus({ providerId: update.messageSid, status: update.status })).toBe(true);
      expect(
        (await db.selectFrom('notifications').select('provider_status').where('provider_id', '=', sid).executeTakeFirst())?.provider_status,
      ).toBe('delivered');
    }, 60_000);

    it('a digest waits for the window, and quiet hours are checked again at the moment of sending', async () => {
      const admin = createNotificationAdmin(store, { clock: () => new Date(now) });
      await admin.putSettings('default', { quietHours: null, milestones: { shipped: { sms: false } } });
      const shop = store.shop();
      const numbers = [dhlNumber(2), dhlNumber(3)];
      // 20:00 in Berlin: planned outside quiet hours, due at 20:15 (the digest window).
      const evening = Date.parse('2026-03-16T19:00:00Z');
      now = evening - 60 * MINUTE;
      const ids = await seedOrder(
        shop,
        { id: 'ord-2', number: '2001', email: 'ben@example.nl', locale: 'nl-NL', timeZone: 'Europe/Berlin', trackingNumbers: numbers },
        new Date(now).toISOString(),
      );
      const trackings = ids.map((id, index) => ({ id, number: numbers[index]! }));
      const scans = journey({ pickedUp: 0 });
      const run = dispatcher();
      await ingestUpTo(store, (ms) => (now = ms), trackings, [scans[0]!, { ...scans[1]!, at: 1 }], 1, evening);
      await run.runOnce();
      await ingestUpTo(store, (ms) => (now = ms), trackings, [scans[0]!, { ...scans[1]!, at: 1 }], 2, evening);
      const planned = await run.runOnce();
      expect(planned).toMatchObject({ sent: 0, claimed: 0 });
      expect(planned.planned).toBeGreaterThanOrEqual(1);

      // The shop switches quiet hours on; by the time the digest is due it is 21:30 in Berlin.
      await admin.putSettings('default', { quietHours: { start: '21:00', end: '08:00' } });
      now = Date.parse('2026-03-16T20:30:00Z');
      const night = await run.runOnce();
      expect(night).toMatchObject({ claimed: 1, held: 1, sent: 0 });
      expect(smtp.received).toHaveLength(0);
      const { db } = storeDatabase(store);
      const held = await db
        .selectFrom('notifications')
        .select(['status', 'send_after', 'attempts', 'message'])
        .where('status', '=', 'queued')
        .execute();
      expect(held).toHaveLength(1);
      expect(new Date(Number(held[0]!.send_after)).toISOString()).toBe('2026-03-17T07:00:00.000Z');
      expect(held[0]!.attempts).toBe(0);
      expect(JSON.parse(held[0]!.message).parcelIds).toEqual(['ord-2-p1', 'ord-2-p2']);

      now = Date.parse('2026-03-17T07:01:00Z');
      expect(await run.runOnce()).toMatchObject({ sent: 1 });
      const [mail] = await smtp.waitFor(1);
      expect(mail!.html).toContain('lang="nl"');
      expect(smtp.received).toHaveLength(1);
    }, 60_000);

    it('drops a held message that a later milestone overtook while it waited, at the moment of sending', async () => {
      const number = dhlNumber(7);
      // 21:30 in Berlin: "shipped" is planned and held by quiet hours until 08:00.
      const night = Date.parse('2026-03-16T20:30:00Z');
      now = night - 60 * MINUTE;
      const [id] = await seedOrder(
        store.shop(),
        { id: 'ord-late', number: '7001', email: 'dora@example.de', trackingNumbers: [number] },
        new Date(now).toISOString(),
      );
      const trackings = [{ id: id!, number }];
      const run = dispatcher({ settings: { milestones: { shipped: { sms: false } } } });
      await ingestUpTo(store, (ms) => (now = ms), trackings, journey({ pickedUp: 0, outForDelivery: 5, delivered: 10 }), 2, night);
      expect(await run.runOnce()).toMatchObject({ sent: 0 });
      // Still at night, the parcel is delivered: "delivered" is queued (held too) and overtakes the waiting "shipped".
      await ingestUpTo(store, (ms) => (now = ms), trackings, journey({ pickedUp: 0, outForDelivery: 5, delivered: 10 }), 4, night);
      await run.runOnce();

      now = Date.parse('2026-03-17T07:05:00Z');
      const morning = await run.runOnce();
      expect(morning.sent).toBe(1);
      const { db } = storeDatabase(store);
      const rows = await db
        .selectFrom('notifications')
        .select(['milestone', 'status', 'last_error'])
        .where('order_id', '=', 'ord-late')
        .where('channel', '=', 'email')
        .execute();
      expect(rows.find((row) => row.milestone === 'shipped')).toMatchObject({ status: 'dropped', last_error: 'overtaken' });
      expect(rows.find((row) => row.milestone === 'delivered')).toMatchObject({ status: 'sent' });
      const [mail] = await smtp.waitFor(1);
      expect(String(mail!.headers.get('x-wismo-dedupe-key'))).toContain(':delivered:email:');
    }, 60_000);

    it('retries a transient failure with backoff, ends in failed with the reason, and records a final refusal at once', async () => {
      const shop = store.shop();
      const numbers = [dhlNumber(4), dhlNumber(5)];
      const first = await seedOrder(
        shop,
        { id: 'ord-3', number: '3001', email: 'nobody@example.de', trackingNumbers: [numbers[0]!] },
        new Date(MORNING).toISOString(),
      );
      const second = await seedOrder(
        shop,
        { id: 'ord-4', number: '3002', email: 'carla@example.fr', locale: 'fr-FR', trackingNumbers: [numbers[1]!] },
        new Date(MORNING).toISOString(),
      );
      const down = createEmailChannel({ url: 'smtp://127.0.0.1:1', from: 'orders@shop.example' });
      const good = createEmailChannel({ url: smtp.url, from: 'orders@shop.example' });
      cleanups.push(
        async () => down.close?.(),
        async () => good.close?.(),
      );
      let useDown = true;
      const flaky = {
        channel: 'email' as const,
        send: (message: Parameters<typeof good.send>[0]) =>
          (useDown && message.recipient.address === 'carla@example.fr' ? down : good).send(message),
      };
      const run = dispatcher({ channels: { email: flaky }, maxAttempts: 3, retryDelaysMs: [60_000, 120_000] });
      const scans = journey({ pickedUp: 30 });
      const trackings = [
        { id: first[0]!, number: numbers[0]! },
        { id: second[0]!, number: numbers[1]! },
      ];
      await ingestUpTo(store, (ms) => (now = ms), trackings, scans, 2, MORNING);
      const firstPass = await run.runOnce();
      expect(firstPass).toMatchObject({ failed: 1, retried: 1, sent: 0 });
      const { db } = storeDatabase(store);
      const refused = await db.selectFrom('notifications').selectAll().where('address', '=', 'nobody@example.de').executeTakeFirstOrThrow();
      expect(refused.status).toBe('failed');
      expect(refused.last_error).toMatch(/^rejected: .*550/);
      const retried = await db.selectFrom('notifications').selectAll().where('address', '=', 'carla@example.fr').executeTakeFirstOrThrow();
      expect(retried).toMatchObject({ status: 'queued', attempts: 1 });
      expect(Number(retried.send_after) - now).toBe(60_000);
      // Not due yet: nothing happens.
      expect(await run.runOnce()).toMatchObject({ claimed: 0 });
      now += 60_000;
      expect(await run.runOnce()).toMatchObject({ retried: 1 });
      now += 120_000;
      expect(await run.runOnce()).toMatchObject({ failed: 1 });
      const failed = await db.selectFrom('notifications').selectAll().where('address', '=', 'carla@example.fr').executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed.last_error).toMatch(/^gave up after 3 attempts: unavailable: SMTP send failed/);
      useDown = false;
    }, 60_000);

    it('claims the next batch while sending, yet keeps claimed and unmarked rows within one batch plus those on the wire', async () => {
      const orders = 30;
      const batchSize = 8;
      const concurrency = 3;
      const trackings: Array<{ id: string; number: string }> = [];
      for (let index = 0; index < orders; index++) {
        const number = dhlNumber(500 + index);
        const [id] = await seedOrder(
          store.shop(),
          { id: `ord-pipe-${index}`, number: `${8000 + index}`, email: `pipe${index}@example.de`, trackingNumbers: [number] },
          new Date(MORNING - 3 * 60 * MINUTE).toISOString(),
        );
        trackings.push({ id: id!, number });
      }
      await ingestUpTo(store, (ms) => (now = ms), trackings, journey({ pickedUp: 30 }), 2, MORNING);
      const { db } = storeDatabase(store);
      const sent: string[] = [];
      let mostInFlight = 0;
      let mostOnTheWire = 0;
      let onTheWire = 0;
      // A slow channel: the claim of the next batch has time to overlap the sends of this one.
      const email = {
        channel: 'email' as const,
        async send(message: { dedupeKey: string }) {
          onTheWire += 1;
          mostOnTheWire = Math.max(mostOnTheWire, onTheWire);
          const inFlight = await db.selectFrom('notifications').select('id').where('status', '=', 'sending').execute();
          mostInFlight = Math.max(mostInFlight, inFlight.length);
          await new Promise((resolve) => setTimeout(resolve, 5));
          sent.push(message.dedupeKey);
          onTheWire -= 1;
          return { providerId: `id-${message.dedupeKey}`, providerStatus: '250 OK' };
        },
      };
      const run = dispatcher({ channels: { email }, settings: { quietHours: null }, batchSize, concurrency });
      const report = await run.runOnce();

      expect(report.sent).toBe(orders);
      expect(new Set(sent).size).toBe(orders);
      expect(mostOnTheWire).toBe(concurrency);
      // More than one batch was claimed at some point (the next claim overlapped the sends), never more than the budget.
      expect(mostInFlight).toBeGreaterThan(batchSize);
      expect(mostInFlight).toBeLessThanOrEqual(batchSize + concurrency);
      const rows = await db.selectFrom('notifications').select(['status', 'provider_id']).execute();
      expect(rows.filter((row) => row.status === 'sent')).toHaveLength(orders);
      expect(rows.every((row) => row.provider_id?.startsWith('id-'))).toBe(true);
    });

    it('webhooks: a 410 disables the endpoint, replay needs it enabled, a rotation signs with both secrets, Retry-After is honoured', async () => {
      const admin = createNotificationAdmin(store, { clock: () => new Date(now) });
      let secrets: string[] = [];
      const answers: Array<{ status: number; headers?: Record<string, string> }> = [{ status: 410 }];
      const receiver = await startWebhookReceiver(
        () => secrets,
        (index) => answers[index] ?? { status: 200 },
        () => now,
      );
      cleanups.push(receiver.close);
      const endpoint = await admin.createWebhookEndpoint('default', { url: receiver.url, eventTypes: ['shipment.delivered'] });
      secrets = [endpoint.secret];
      await expect(admin.createWebhookEndpoint('default', { url: 'ftp://x' })).rejects.toBeInstanceOf(NotificationAdminError);
      await expect(admin.createWebhookEndpoint('default', { url: receiver.url, eventTypes: ['nope'] })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      const shop = store.shop();
      const number = dhlNumber(6);
      const [id] = await seedOrder(
        shop,
        { id: 'ord-5', number: '5001', email: 'dora@example.es', locale: 'es-ES', trackingNumbers: [number] },
        new Date(MORNING).toISOString(),
      );
      const scans = journey({ pickedUp: 30, outForDelivery: 60, delivered: 90 });
      const run = dispatcher({ channels: {} });
      await ingestUpTo(store, (ms) => (now = ms), [{ id: id!, number }], scans, 4, MORNING);
      const gone = await run.runOnce();
      expect(gone).toMatchObject({ webhooksFailed: 1, webhooksDelivered: 0 });
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]!.body).type).toBe('shipment.delivered');
      const [disabled] = await admin.listWebhookEndpoints('default');
      expect(disabled).toMatchObject({ disabledReason: 'the endpoint answered 410 Gone' });
      const [delivery] = await admin.listWebhookDeliveries('default', endpoint.id);
      expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 410, attempts: 1 });
      await expect(admin.replayWebhookDelivery('default', delivery!.id)).rejects.toMatchObject({ code: 'endpoint_disabled' });

      // Enabled again, rotated: the replay carries two signatures; a receiver with either secret accepts it.
      await admin.enableWebhookEndpoint('default', endpoint.id);
      const rotated = await admin.rotateWebhookSecret('default', endpoint.id);
      expect(rotated.rotating).toBe(true);
      secrets = [rotated.secret];
      answers.push({ status: 429, headers: { 'retry-after': '600' } });
      await admin.replayWebhookDelivery('default', delivery!.id);
      const throttled = await run.runOnce();
      expect(throttled).toMatchObject({ webhooksRetried: 1 });
      const [waiting] = await admin.listWebhookDeliveries('default', endpoint.id);
      // Retry-After (10 min) wins over the schedule's 5 s.
      expect(Date.parse(waiting!.nextAttemptAt!) - now).toBe(600_000);
      now += 600_000;
      expect(await run.runOnce()).toMatchObject({ webhooksDelivered: 1 });
      const last = receiver.received.at(-1)!;
      expect(last.verifiedOk).toBe(true);
      expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
      secrets = [endpoint.secret];
      expect(
        receiver.received.slice(1).every((request) => request.headers['webhook-id'] === receiver.received[0]!.headers['webhook-id']),
      ).toBe(true);
      const [done] = await admin.listWebhookDeliveries('default', endpoint.id);
      expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      expect(done!.log.map((entry) => entry.status)).toEqual([410, 429, 200]);
    }, 60_000);
  });
}
