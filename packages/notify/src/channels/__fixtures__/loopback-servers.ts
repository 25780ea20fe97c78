import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { vi } from 'vitest';

/** A real SMTP server on loopback (smtp-server); every message is parsed with mailparser. */
export async function startSmtpServer(options: { rejectRecipient?: (address: string) => boolean } = {}) {
  const received: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  // A client killed mid-message (the crash test) resets its socket: expected, not a test failure.
  const connectionErrors: Error[] = [];
  server.on('error', (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    connectionErrors,
    /** Resolves once `count` messages have arrived. */
    async waitFor(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${received.length} of ${count} emails arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TwilioRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

/**
 * A stand-in for Twilio's Messages API: checks Basic auth and the form body like the real one (401 / 400 with
 * Twilio's error shape) and answers 201 with a message sid. `script` can force an answer per request.
 */
export async function startTwilioDouble(
  credentials: { accountSid: string; authToken: string },
  script: Array<{ status: number; headers?: Record<string, string>; body?: unknown }> = [],
) {
  const requests: TwilioRequest[] = [];
  let counter = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      requests.push({
        path: request.url ?? '',
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        form,
      });
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(payload));
      };
      const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      if (request.method !== 'POST' || request.url !== `/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`)
        return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (request.headers.authorization !== expectedAuth) return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
      if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
        return reply(400, { code: 21000, message: 'Expected a form body', status: 400 });
      if (!form.To || !form.Body || (!form.From && !form.MessagingServiceSid))
        return reply(400, { code: 21604, message: "A 'To' phone number, a 'Body' and a sender are required.", status: 400 });
      const forced = script.shift();
      if (forced) return reply(forced.status, forced.body ?? {}, forced.headers);
      counter += 1;
      const sid = `SM${String(counter).padStart(32, '0')}`;
      reply(201, {
        sid,
        account_sid: credentials.accountSid,
        to: form.To,
        from: form.From ?? null,
        body: form.Body,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        price: null,
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${credentials.accountSid}/Messages/${sid}.json`,
        date_created: new Date().toUTCString(),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the `standardwebhooks` package made of it: the parsed body, or its error message. */
  verified: unknown;
  verifiedOk: boolean;
}

/**
 * A shop's webhook receiver that verifies every request with the `standardwebhooks` package. `answer` picks the
 * reply per request (default 204).
 */
export async function startWebhookReceiver(
  secrets: () => readonly string[],
  answer: (index: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 204 }),
  /** The receiver's clock (the package checks the timestamp against `Date.now()`); default: real time. */
  clock?: () => number,
) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      let verified: unknown = 'no secret matched';
      let verifiedOk = false;
      if (clock) {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(clock());
      }
      try {
        for (const secret of secrets()) {
          try {
            verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
            verifiedOk = true;
            break;
          } catch (error) {
            verified = (error as Error).message;
          }
        }
      } finally {
        if (clock) vi.useRealTimers();
      }
      received.push({ headers: request.headers, body, verified, verifiedOk });
      const reply = answer(received.length - 1);
      response.writeHead(reply.status, reply.headers ?? {});
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/wismo`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
