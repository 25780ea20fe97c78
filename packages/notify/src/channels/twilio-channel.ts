import { registerSecret } from '@wismo/core';
import { parseRetryAfter } from '@wismo/core/internal';
import { z } from 'zod';
import type { RenderedMessage } from '../notification-types';
import { ChannelError, type ChannelSendResult, type NotificationChannel } from './channel-types';

export interface TwilioChannelSettings {
  /** `sms` or `whatsapp` (WhatsApp numbers get the `whatsapp:` prefix). */
  channel: 'sms' | 'whatsapp';
  /** Default: `TWILIO_ACCOUNT_SID`. */
  accountSid?: string;
  /** Default: `TWILIO_AUTH_TOKEN`. */
  authToken?: string;
  /** The sending number (E.164) or, instead, a Messaging Service. */
  from?: string;
  messagingServiceSid?: string;
  /** Where Twilio posts delivery updates (verify them with `verifyTwilioSignature`). */
  statusCallbackUrl?: string;
  /** Default `https://api.twilio.com`; a test double stands in here. */
  baseUrl?: string;
  /** Default 15 s. */
  timeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
}

/** Only the fields wismo reads from the 201 answer (the rest may grow without breaking this). */
const createdMessageSchema = z.object({ sid: z.string().min(1), status: z.string().nullish() });
const errorSchema = z.object({ code: z.number().nullish(), message: z.string().nullish() });

const E164 = /^\+[1-9]\d{6,14}$/;

function addressFor(channel: 'sms' | 'whatsapp', address: string): string {
  const bare = address.startsWith('whatsapp:') ? address.slice('whatsapp:'.length) : address;
  if (!E164.test(bare)) throw new ChannelError('invalid_message', channel, 'A phone number must be in E.164 form (+ and 7-15 digits)');
  return channel === 'whatsapp' ? `whatsapp:${bare}` : bare;
}

/** SMS and WhatsApp through Twilio's Messages API: form-encoded POST, Basic auth, 201 with the message sid. */
export function createTwilioChannel(settings: TwilioChannelSettings): NotificationChannel {
  const env = settings.env ?? process.env;
  const accountSid = settings.accountSid ?? env.TWILIO_ACCOUNT_SID;
  const authToken = settings.authToken ?? env.TWILIO_AUTH_TOKEN;
  const channel = settings.channel;
  if (!accountSid || !/^AC[0-9a-zA-Z]{8,64}$/.test(accountSid))
    throw new ChannelError('invalid_settings', channel, 'Twilio needs an account sid (AC…): settings.accountSid or TWILIO_ACCOUNT_SID');
  if (!authToken)
    throw new ChannelError('invalid_settings', channel, 'Twilio needs an auth token: settings.authToken or TWILIO_AUTH_TOKEN');
  if (!settings.from && !settings.messagingServiceSid)
    throw new ChannelError('invalid_settings', channel, 'Twilio needs a sender: settings.from or settings.messagingServiceSid');
  registerSecret(authToken);
  const from = settings.from ? addressFor(channel, settings.from) : null;
  const endpoint = `${(settings.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '')}/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const fetchImplementation = settings.fetch ?? fetch;

  return {
    channel,
    async send(message: RenderedMessage): Promise<ChannelSendResult> {
      if (message.channel !== channel)
        throw new ChannelError('invalid_message', channel, `A ${message.channel} message was handed to the ${channel} channel`);
      const form = new URLSearchParams({ To: addressFor(channel, message.recipient.address), Body: message.text });
      if (from) form.set('From', from);
      else form.set('MessagingServiceSid', settings.messagingServiceSid!);
      if (settings.statusCallbackUrl) form.set('StatusCallback', settings.statusCallbackUrl);
      let response: Response;
      try {
        response = await fetchImplementation(endpoint, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
          signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
          redirect: 'error',
        });
      } catch (error) {
        throw new ChannelError('unavailable', channel, `Twilio could not be reached (${(error as Error).name})`, {
          retryable: true,
          cause: error,
        });
      }
      const text = await response.text().catch(() => '');
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (response.status === 201 || response.status === 200) {
        const parsed = createdMessageSchema.safeParse(body);
        if (!parsed.success)
          throw new ChannelError('bad_response', channel, 'Twilio answered without a message sid', { status: response.status });
        return { providerId: parsed.data.sid, providerStatus: parsed.data.status ?? null };
      }
      const problem = errorSchema.safeParse(body);
      const detail =
        problem.success && problem.data.code
          ? ` (Twilio error ${problem.data.code}${problem.data.message ? `: ${problem.data.message.slice(0, 200)}` : ''})`
          : '';
      const retryable = response.status === 429 || response.status >= 500;
      throw new ChannelError(
        response.status === 429 ? 'rate_limited' : retryable ? 'unavailable' : 'rejected',
        channel,
        `Twilio refused the message: HTTP ${response.status}${detail}`,
        { status: response.status, retryable, retryAfterMs: parseRetryAfter(response.headers.get('retry-after') ?? undefined) },
      );
    },
  };
}
