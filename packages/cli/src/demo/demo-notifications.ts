import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher, PlannedMessage } from '@wismo/notify';
import type { Store } from '@wismo/store';
import type { ParsedMail } from 'mailparser';
import { writeLine, type CliContext } from '../context';
import { carrierDirectoryAdapters } from '../config';

/** The demo shop's brand in its messages. */
const DEMO_BRAND = { name: 'Nordlicht Outdoor', colour: '#0b5cad' } as const;
const DEMO_SENDER = '"Nordlicht Outdoor" <orders@nordlicht.example>';
/** Links in the messages point at a made-up public origin: the demo's server starts later, on a port of its own. */
const DEMO_PUBLIC_URL = 'https://track.nordlicht.example';
/** The shop's webhook listens to deliveries only, so that the demo prints a few lines, not one per scan. */
const DEMO_WEBHOOK_TYPES = ['shipment.delivered'];

export interface DemoNotifications {
  /** One dispatcher round (plan, send what is due, deliver webhooks); prints what arrived. */
  runOnce(): Promise<void>;
  /** The next instant a queued message or webhook delivery is due, or null when nothing waits. */
  nextDueMs(): Promise<number | null>;
  /** The closing line: how many messages, languages, held, digests, webhooks verified. */
  summary(): string;
  close(): Promise<void>;
}

interface ReceivedWebhook {
  type: string;
  verified: boolean;
  orderId: string | null;
}

function localTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${parts.format(new Date(epochMs))} ${timeZone}`;
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/** A real SMTP server on loopback (smtp-server); each message is parsed with mailparser. */
async function startDemoSmtpServer(): Promise<{ url: string; received: ParsedMail[]; close(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const { simpleParser } = await import('mailparser');
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The shop's webhook receiver on loopback: every delivery is checked with notify's `verifyWebhook`. */
async function startDemoWebhookReceiver(
  secret: () => string,
  clock: () => Date,
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const { verifyWebhook } = await import('@wismo/notify');
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      let verified = true;
      try {
        // The timestamp is checked against the demo's clock, which the dispatcher signs with.
        verifyWebhook({ headers: request.headers as Record<string, string>, body, secrets: [secret()], now: clock() });
      } catch {
        verified = false;
      }
      let type = 'unreadable';
      let orderId: string | null = null;
      try {
        const payload = JSON.parse(body) as { type?: string; data?: { orderId?: string | null } };
        type = payload.type ?? type;
        orderId = payload.data?.orderId ?? null;
      } catch {
        // Counted as unreadable.
      }
      received.push({ type, verified, orderId });
      response.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop/webhooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Notifications in the demo: an SMTP server and the shop's webhook receiver on loopback, and the dispatcher
 * over the demo store on the sandbox clock, so that quiet hours and the digest window pass in sandbox time.
 * Each message is printed as the SMTP server receives it: recipient, language, subject and first line.
 */
export async function startDemoNotifications(input: {
  store: Store;
  clock: () => Date;
  startMs: number;
  context: CliContext;
}): Promise<DemoNotifications> {
  const { store, clock, startMs, context } = input;
  const { createDispatcher, createEmailChannel, createNotificationAdmin, isInQuietHours } = await import('@wismo/notify');
  const { storeDatabase } = await import('@wismo/store/internal');
  const { db } = storeDatabase(store);
  const out = (text: string) => writeLine(context.stdout, text);
  const smtp = await startDemoSmtpServer();
  let secret = '';
  const receiver = await startDemoWebhookReceiver(() => secret, clock).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  const email = createEmailChannel({ url: smtp.url, from: DEMO_SENDER, maxConnections: 2 });
  const settings = { brand: DEMO_BRAND, shopTimeZone: 'Europe/Berlin' };
  const admin = createNotificationAdmin(store, { clock, settings });
  const endpoint = await admin
    .createWebhookEndpoint('default', { url: receiver.url, eventTypes: DEMO_WEBHOOK_TYPES })
    .catch(async (error: unknown) => {
      await email.close?.();
      await receiver.close();
      await smtp.close();
      throw error;
    });
  secret = endpoint.secret;
  const dispatcher: Dispatcher = createDispatcher({
    store,
    channels: { email },
    settings,
    clock,
    links: { publicUrl: DEMO_PUBLIC_URL, unsubscribeSecret: `demo-${endpoint.id}-unsubscribe-secret` },
    // The receiver is on this machine: loopback is allowed here, and only here.
    webhookAddresses: { allowLoopback: true },
    carriers: carrierDirectoryAdapters(),
    workerId: 'wismo-demo-notify',
    random: () => 0.5,
  });
  const resolved = await admin.getSettings('default');
  const quietHours = resolved.quietHours;
  const digestWindowMs = resolved.digestWindowMinutes * 60_000;
  out(
    `Notifications: SMTP server ${smtp.url} and the shop's webhook ${receiver.url} (${DEMO_WEBHOOK_TYPES.join(', ')}); ` +
      `${quietHours ? `quiet hours ${quietHours.start}–${quietHours.end} on each customer's clock` : 'no quiet hours'}, digest window ${resolved.digestWindowMinutes} min.`,
  );

  let mailsShown = 0;
  let webhooksShown = 0;
  const languages = new Set<string>();
  let held = 0;
  let digests = 0;

  const label = (epochMs: number): string => {
    const minutes = Math.max(0, Math.round((epochMs - startMs) / 60_000));
    return `+${String(Math.floor(minutes / 60)).padStart(2, ' ')}h${String(minutes % 60).padStart(2, '0')}`;
  };

  async function showMail(mail: ParsedMail): Promise<void> {
    const dedupeKey = String(mail.headers.get('x-wismo-dedupe-key') ?? '');
    const language = String(mail.headers.get('content-language') ?? '?');
    languages.add(language);
    const row = await db
      .selectFrom('notifications')
      .select(['created_at', 'sent_at', 'message'])
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirst();
    const message = row ? (JSON.parse(row.message) as PlannedMessage) : null;
    const sentAt = row?.sent_at === null || row?.sent_at === undefined ? clock().getTime() : Number(row.sent_at);
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
    const parcels = message?.parcelIds.length ?? 0;
    if (parcels > 1) digests += 1;
    out(
      `  ${label(sentAt)}  ✉ email → ${to} [${language}]${parcels > 1 ? ` (one message for ${parcels} parcels)` : ''}  “${mail.subject ?? ''}”`,
    );
    let note = '';
    if (row && message) {
      const createdAt = Number(row.created_at);
      const zone = message.recipient.timeZone;
      // Waited longer than the digest window and was released as quiet hours ended: held.
      if (sentAt - createdAt > digestWindowMs + 60_000 && isInQuietHours(new Date(sentAt - 60_000), zone, quietHours)) {
        held += 1;
        note = `   [HELD by quiet hours: planned ${localTime(createdAt, zone)}, sent ${localTime(sentAt, zone)}]`;
      }
    }
    out(`            ${firstLine(mail.text)}${note}`);
  }

  return {
    async runOnce() {
      await dispatcher.runOnce();
      while (mailsShown < smtp.received.length) await showMail(smtp.received[mailsShown++]!);
      while (webhooksShown < receiver.received.length) {
        const hook = receiver.received[webhooksShown++]!;
        out(
          `  ${label(clock().getTime())}  ⇢ webhook ${hook.type}${hook.orderId ? ` (order ${hook.orderId})` : ''}: signature ${hook.verified ? 'verified' : 'NOT verified'}`,
        );
      }
    },
    async nextDueMs() {
      const [message, delivery] = await Promise.all([
        db
          .selectFrom('notifications')
          .select((eb) => eb.fn.min('send_after').as('at'))
          .where('status', '=', 'queued')
          .executeTakeFirst(),
        db
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.min('next_attempt_at').as('at'))
          .where('status', '=', 'pending')
          .executeTakeFirst(),
      ]);
      const candidates = [message?.at, delivery?.at].filter((at) => at !== null && at !== undefined).map(Number);
      return candidates.length > 0 ? Math.min(...candidates) : null;
    },
    summary() {
      const verified = receiver.received.filter((hook) => hook.verified).length;
      return (
        `${smtp.received.length} emails received by the SMTP server in ${[...languages].sort().join(', ')} ` +
        `(${held} held by quiet hours until the morning, ${digests} digest${digests === 1 ? '' : 's'} for split orders); ` +
        `${receiver.received.length} webhook deliveries, ${verified} with a verified signature.`
      );
    },
    async close() {
      await dispatcher.stop();
      await email.close?.();
      await receiver.close();
      await smtp.close();
    },
  };
}
