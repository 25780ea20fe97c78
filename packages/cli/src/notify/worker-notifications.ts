import type { Logger } from '@wismo/core';
import type { CustomerChannel, Dispatcher, DispatchReport, NotificationChannel } from '@wismo/notify';
import type { Store } from '@wismo/store';
import { usageError } from '../errors';
import { carrierDirectoryAdapters } from '../config';
// Notification links (tracking page, unsubscribe page) point at the server's public origin, as for `wismo serve`.
import { PUBLIC_URL_ENV } from '../store/serve-push';
/** Signs unsubscribe links; `wismo serve` verifies them with the same value. */
export const UNSUBSCRIBE_SECRET_ENV = 'WISMO_UNSUBSCRIBE_SECRET';

/** The environment variables that turn a channel on, for messages that say what is missing. */
export const NOTIFY_ENV_HELP =
  'Email: SMTP_URL (smtp://user:pass@host:587) and SMTP_FROM. SMS / WhatsApp: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and ' +
  'TWILIO_FROM / TWILIO_WHATSAPP_FROM. Links: WISMO_PUBLIC_URL and WISMO_UNSUBSCRIBE_SECRET (16+ characters, the same for `wismo serve`).';

export type WorkerNotifications =
  | { kind: 'off'; reason: string }
  | {
      kind: 'on';
      dispatcher: Dispatcher;
      channels: CustomerChannel[];
      /** Releases the SMTP pool. */
      close(): Promise<void>;
    };

/** "name" <address> with a host from the public URL when SMTP_FROM is not set. */
function defaultSender(publicUrl: string): string {
  return `"Shipping updates" <no-reply@${new URL(publicUrl).hostname}>`;
}

/**
 * The dispatcher of `wismo worker`, from the environment: a channel for each one configured (email by
 * SMTP_URL, SMS and WhatsApp by Twilio's variables), links from the public URL and the unsubscribe secret.
 * No channel configured: `off` with the reason. A channel without what its links need is a usage error, so a
 * worker never sends messages with broken links.
 */
export async function createWorkerNotifications(
  store: Store,
  env: Readonly<Record<string, string | undefined>>,
  options: { clock?: () => Date; logger?: Logger } = {},
): Promise<WorkerNotifications> {
  const wantsEmail = Boolean(env.SMTP_URL);
  const twilioReady = Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN);
  const wantsSms = twilioReady && Boolean(env.TWILIO_FROM);
  const wantsWhatsapp = twilioReady && Boolean(env.TWILIO_WHATSAPP_FROM);
  if (!wantsEmail && !wantsSms && !wantsWhatsapp) {
    const reason =
      (env.TWILIO_FROM || env.TWILIO_WHATSAPP_FROM) && !twilioReady
        ? 'TWILIO_FROM is set but TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not'
        : twilioReady
          ? 'Twilio credentials are set but neither TWILIO_FROM nor TWILIO_WHATSAPP_FROM'
          : 'no channel is configured (neither SMTP_URL nor Twilio)';
    return { kind: 'off', reason };
  }
  const publicUrl = env[PUBLIC_URL_ENV];
  const unsubscribeSecret = env[UNSUBSCRIBE_SECRET_ENV];
  if (!publicUrl || !/^https?:\/\/[^/?#\s]+/.test(publicUrl))
    throw usageError(
      `Notifications need ${PUBLIC_URL_ENV} (the http(s) origin of \`wismo serve\`): every message links to the tracking page and an unsubscribe page there.`,
      `Set it, or run the worker with --no-notify. ${NOTIFY_ENV_HELP}`,
    );
  if (!unsubscribeSecret || unsubscribeSecret.length < 16)
    throw usageError(
      `Notifications need ${UNSUBSCRIBE_SECRET_ENV} (16 characters or more) to sign unsubscribe links; \`wismo serve\` verifies them with the same value.`,
      'Set it (e.g. `openssl rand -hex 32`), or run the worker with --no-notify.',
    );
  const { createDispatcher, createEmailChannel, createTwilioChannel, ChannelError, CUSTOMER_CHANNELS, MILESTONES } =
    await import('@wismo/notify');
  const channels: Partial<Record<CustomerChannel, NotificationChannel>> = {};
  const statusCallbackUrl = `${publicUrl.replace(/\/+$/, '')}/webhooks/twilio/status`;
  try {
    if (wantsEmail) channels.email = createEmailChannel({ from: env.SMTP_FROM || defaultSender(publicUrl), env });
    const twilio = { env, statusCallbackUrl, ...(env.TWILIO_BASE_URL ? { baseUrl: env.TWILIO_BASE_URL } : {}) };
    if (wantsSms) channels.sms = createTwilioChannel({ channel: 'sms', from: env.TWILIO_FROM!, ...twilio });
    if (wantsWhatsapp) channels.whatsapp = createTwilioChannel({ channel: 'whatsapp', from: env.TWILIO_WHATSAPP_FROM!, ...twilio });
  } catch (error) {
    await channels.email?.close?.();
    if (error instanceof ChannelError) throw usageError(`The ${error.channel} channel cannot start: ${error.message}.`, NOTIFY_ENV_HELP);
    throw error;
  }
  // A channel that is not configured is off by default (a skip, not a failed message per milestone); a shop
  // whose stored settings switch it on gets failures that say the channel is missing.
  const missing = CUSTOMER_CHANNELS.filter((channel) => !channels[channel]);
  const milestones = Object.fromEntries(
    MILESTONES.map((milestone) => [milestone, Object.fromEntries(missing.map((channel) => [channel, false]))]),
  );
  const dispatcher = createDispatcher({
    store,
    channels,
    settings: { milestones },
    links: { publicUrl, unsubscribeSecret },
    carriers: carrierDirectoryAdapters(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    kind: 'on',
    dispatcher,
    channels: Object.keys(channels) as CustomerChannel[],
    close: async () => {
      for (const channel of Object.values(channels)) await channel.close?.();
    },
  };
}

/** What the dispatcher did in a round, in a few words (only the counts that are not zero). */
export function describeDispatchReport(report: DispatchReport): string {
  const parts: Array<[string, number]> = [
    ['sent', report.sent],
    ['queued', report.planned],
    ['held', report.held],
    ['dropped', report.dropped],
    ['retried', report.retried],
    ['failed', report.failed],
    ['webhooks delivered', report.webhooksDelivered],
    ['webhooks retried', report.webhooksRetried],
    ['webhooks failed', report.webhooksFailed],
  ];
  const shown = parts.filter(([, count]) => count > 0).map(([label, count]) => `${label} ${count}`);
  return shown.length > 0 ? shown.join(', ') : 'nothing due';
}

/** True when a dispatcher round did something worth a line. */
export function dispatchReportIsBusy(report: DispatchReport): boolean {
  return (
    report.events +
      report.claimed +
      report.sent +
      report.failed +
      report.webhooksDelivered +
      report.webhooksRetried +
      report.webhooksFailed >
    0
  );
}
