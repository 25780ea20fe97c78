import type { CustomerChannel, RenderedMessage } from '../notification-types';

/** What a channel returns for one accepted message. */
export interface ChannelSendResult {
  /** The provider's id: the email's Message-ID, the Twilio message sid. */
  providerId: string;
  /** The provider's own status word when it gives one (`queued`, `accepted`, `250 OK`). */
  providerStatus: string | null;
}

/** One way to reach a customer: a small adapter over a real protocol. */
export interface NotificationChannel {
  readonly channel: CustomerChannel;
  send(message: RenderedMessage): Promise<ChannelSendResult>;
  /** Releases pooled connections. */
  close?(): Promise<void>;
}

export type ChannelErrorCode = 'invalid_settings' | 'invalid_message' | 'rejected' | 'unavailable' | 'rate_limited' | 'bad_response';

/** A failed send. `retryable` says whether the dispatcher should try again; the message never holds a secret. */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  readonly code: ChannelErrorCode;
  readonly channel: CustomerChannel;
  /** SMTP reply code or HTTP status, when there was one. */
  readonly status: number | null;
  readonly retryable: boolean;
  /** The provider asked to wait this long (HTTP `Retry-After`). */
  readonly retryAfterMs: number | null;

  constructor(
    code: ChannelErrorCode,
    channel: CustomerChannel,
    message: string,
    details: { status?: number | null; retryable?: boolean; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.channel = channel;
    this.status = details.status ?? null;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}
