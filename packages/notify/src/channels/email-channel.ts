import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { RenderedMessage } from '../notification-types';
import { ChannelError, type ChannelSendResult, type NotificationChannel } from './channel-types';

export interface EmailChannelSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. Default: `SMTP_URL` from the environment. */
  url?: string;
  /** The sender, e.g. `"Shop" <orders@shop.example>`. */
  from: string;
  /** Connections kept open and reused (nodemailer's pool). Default 5. */
  maxConnections?: number;
  /** Domain of the Message-IDs made from the dedupe key. Default: the sender's domain. */
  messageIdDomain?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface EmailChannel extends NotificationChannel {
  readonly channel: 'email';
  /** The nodemailer transport (for a benchmark that sends over the very same pool). */
  readonly transport: EmailTransport;
}

export type EmailTransport = ReturnType<typeof createPooledTransport>;

function createPooledTransport(url: string, maxConnections: number) {
  return createTransport({ url, pool: true, maxConnections });
}

function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'wismo.invalid';
}

/**
 * The Message-ID follows from the dedupe key: a message sent twice (a crash between send and mark) carries the
 * same id both times, so mail clients and the receiving server can fold the duplicate.
 */
export function messageIdFor(dedupeKey: string, domain: string): string {
  return `<wismo.${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}

/** Email through nodemailer over SMTP: HTML and plain text, `List-Unsubscribe` (RFC 2369) with one-click (RFC 8058). */
export function createEmailChannel(settings: EmailChannelSettings): EmailChannel {
  const url = settings.url ?? (settings.env ?? process.env).SMTP_URL;
  if (!url) throw new ChannelError('invalid_settings', 'email', 'The email channel needs an SMTP URL (settings.url or SMTP_URL)');
  if (!/^smtps?:\/\//.test(url)) throw new ChannelError('invalid_settings', 'email', 'The SMTP URL must start with smtp:// or smtps://');
  if (!settings.from) throw new ChannelError('invalid_settings', 'email', 'The email channel needs a sender address (from)');
  let transport: EmailTransport;
  try {
    transport = createPooledTransport(url, settings.maxConnections ?? 5);
  } catch (error) {
    // The URL may hold a password: it is not repeated.
    throw new ChannelError('invalid_settings', 'email', 'The SMTP URL cannot be parsed', { cause: error });
  }
  const domain = settings.messageIdDomain ?? domainOf(settings.from);

  return {
    channel: 'email',
    transport,
    async send(message: RenderedMessage): Promise<ChannelSendResult> {
      if (message.channel !== 'email' || message.subject === null)
        throw new ChannelError('invalid_message', 'email', 'An email needs a subject (was this message rendered for email?)');
      const messageId = messageIdFor(message.dedupeKey, domain);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.recipient.address,
          subject: message.subject,
          text: message.text,
          ...(message.html === null ? {} : { html: message.html }),
          messageId,
          headers: {
            'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'Content-Language': message.language,
            'X-Wismo-Dedupe-Key': message.dedupeKey,
          },
        });
        if (info.rejected.length > 0)
          throw new ChannelError('rejected', 'email', `The SMTP server refused the recipient: ${String(info.response ?? '')}`.trim());
        return { providerId: info.messageId || messageId, providerStatus: info.response ?? null };
      } catch (error) {
        if (error instanceof ChannelError) throw error;
        throw smtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** A 5xx reply is final (bad address, policy); 4xx replies and connection failures are worth another try. */
function smtpError(error: unknown): ChannelError {
  const details = error as { responseCode?: number; code?: string; response?: string };
  const status = typeof details.responseCode === 'number' ? details.responseCode : null;
  const permanent = status !== null && status >= 500;
  const reply = typeof details.response === 'string' ? `: ${details.response.slice(0, 200)}` : '';
  return new ChannelError(
    permanent ? 'rejected' : 'unavailable',
    'email',
    `SMTP send failed (${details.code ?? 'error'}${status ? ` ${status}` : ''})${reply}`,
    { status, retryable: !permanent, cause: error },
  );
}
