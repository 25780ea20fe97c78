import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { writeLine, type CliContext } from '../context';
import { createCliTracker, createConfiguredAdapters, credentialsHelp, loadConfig } from '../config';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';
import { readServeHelpdesk } from './serve-helpdesk';
import { openStoreForServe, runServeWorker } from '../store/serve-store';
import { PUBLIC_URL_ENV, readPublicUrl, readServePushReceivers, readServePushSubscribers } from '../store/serve-push';

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  orders?: string;
  config?: string;
  brandName?: string;
  timeZone?: string;
  locale?: string;
  /** `--store <url>`; `false` with `--no-store`. Default: $DATABASE_URL, else the embedded SQLite file. */
  store?: string | false;
  /** Also run the refresh scheduler in this process. */
  worker?: boolean;
  /** `--public-url`: the origin visitors and helpdesks use; absolute URLs are built from it, never from the Host header. */
  publicUrl?: string;
}

/** `--public-url` falls back to this variable (shared with `wismo worker`). */
export { PUBLIC_URL_ENV };

/** Turns on the notification routes (settings, webhooks, opt-outs, unsubscribe page): the secret `wismo worker` signs links with. */
export const UNSUBSCRIBE_SECRET_ENV = 'WISMO_UNSUBSCRIBE_SECRET';

/** Where `wismo serve` reads the API keys it accepts: comma-separated, never printed. */
export const API_KEYS_ENV = 'WISMO_API_KEYS';

/**
 * `wismo serve`: the REST API, the branded tracking page and the helpdesk panels listed in the config file's
 * `"helpdesk"` section (secrets from the file or their environment variables, see serve-helpdesk.ts), over
 * the carriers configured by environment variables or the config file.
 */
export async function runServe(options: ServeCommandOptions, context: CliContext): Promise<ExitCode> {
  const port = Number(options.port ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageError(`--port must be a port number, not "${options.port}".`);
  const withStore = options.store !== false;
  if (!withStore && !options.orders)
    throw usageError(
      'wismo serve --no-store needs the orders to show: --orders <orders.json> (a JSON array of orders, see @wismo/order-view).',
    );
  if (!withStore && options.worker) throw usageError('--worker needs a store (leave out --no-store).');
  const apiKeys = (context.env[API_KEYS_ENV] ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  // With a store, keys made by `wismo api-key create` are accepted too, each for its own shop.
  if (apiKeys.length === 0 && !withStore)
    throw usageError(`Set ${API_KEYS_ENV} to the comma-separated API keys that may call /v1 (Authorization: Bearer <key>).`);
  const config = loadConfig({ configPath: options.config, cwd: context.cwd, env: context.env });
  const adapters = createConfiguredAdapters(config);
  if (adapters.length === 0) throw usageError('No carrier is configured, so there is nothing to serve.', credentialsHelp());
  const publicUrl = readPublicUrl(options.publicUrl, context.env);
  const helpdesk = readServeHelpdesk({ configFile: config.configFile, env: context.env, publicUrl });
  // The unsubscribe page verifies the links `wismo worker` signs with the same secret.
  const unsubscribeSecret = context.env[UNSUBSCRIBE_SECRET_ENV];
  if (unsubscribeSecret !== undefined && unsubscribeSecret.length < 16)
    throw usageError(`${UNSUBSCRIBE_SECRET_ENV} must be 16 characters or more (the same value as for \`wismo worker\`).`);
  if (unsubscribeSecret && !withStore)
    throw usageError(`${UNSUBSCRIBE_SECRET_ENV} turns on the notification routes, which need a store (leave out --no-store).`);
  // Carrier and aggregator push receivers from their variables (serve-push.ts); each delivery lands in the store.
  const pushReceivers = readServePushReceivers(context.env);
  if (pushReceivers.length > 0 && !withStore)
    throw usageError('Push receivers store what they receive: they need a store (leave out --no-store).');
  const { startServer, DEFAULT_BRAND } = await import('@wismo/server');
  const { createJsonFileOrderSource } = await import('@wismo/order-view');
  const tracker = createCliTracker(config);
  const stored = withStore ? await openStoreForServe(options, context) : null;
  const running = await startServer({
    port,
    host: options.host ?? '127.0.0.1',
    tracker,
    carriers: adapters,
    // With a store, the tracking page and the panels predict ETAs from the default shop's finished deliveries.
    ...(stored
      ? { store: stored.store, history: await stored.store.shop().deliveryHistory() }
      : { orders: createJsonFileOrderSource(resolve(context.cwd, options.orders!)) }),
    apiKeys,
    brand: {
      ...DEFAULT_BRAND,
      name: options.brandName ?? DEFAULT_BRAND.name,
      timeZone: options.timeZone ?? DEFAULT_BRAND.timeZone,
      defaultLocale: options.locale ?? DEFAULT_BRAND.defaultLocale,
    },
    pageSecret: context.env.WISMO_PAGE_SECRET ?? randomBytes(32).toString('hex'),
    ...(publicUrl ? { publicBaseUrl: publicUrl } : {}),
    ...(helpdesk ? { helpdesk: helpdesk.mount } : {}),
    ...(pushReceivers.length > 0 ? { push: { receivers: pushReceivers } } : {}),
    ...(unsubscribeSecret
      ? {
          notifications: {
            unsubscribeSecret,
            ...(context.env.TWILIO_AUTH_TOKEN ? { twilioAuthToken: context.env.TWILIO_AUTH_TOKEN } : {}),
          },
        }
      : {}),
  }).catch(async (error: unknown) => {
    await stored?.store.close();
    throw error;
  });
  writeLine(context.stdout, `wismo serving on ${running.url} — carriers: ${adapters.map((adapter) => adapter.id).join(', ')}`);
  writeLine(context.stdout, `  tracking page ${running.url}/track · API ${running.url}/v1 · OpenAPI ${running.url}/openapi.json`);
  if (helpdesk)
    writeLine(
      context.stdout,
      `  helpdesk panels (${helpdesk.names.join(', ')}) ${running.url}/helpdesk, public URL ${helpdesk.mount.publicBaseUrl}`,
    );
  if (unsubscribeSecret)
    writeLine(
      context.stdout,
      `  notifications: settings, webhooks and opt-outs under ${running.url}/v1, unsubscribe links ${running.url}/notifications/unsubscribe/…${context.env.TWILIO_AUTH_TOKEN ? `, Twilio status ${running.url}/webhooks/twilio/status` : ''}`,
    );
  for (const [kind, path] of [
    ['carrier', 'carriers'],
    ['aggregator', 'aggregators'],
  ] as const) {
    const sources = pushReceivers.filter((receiver) => receiver.kind === kind).map((receiver) => receiver.source);
    if (sources.length > 0) writeLine(context.stdout, `  ${kind} push (${sources.join(', ')}) ${running.url}/webhooks/${path}/{${kind}}`);
  }
  if (stored && apiKeys.length === 0)
    writeLine(context.stdout, `  no ${API_KEYS_ENV}: /v1 accepts only keys made with \`wismo api-key create\``);
  if (stored)
    writeLine(
      context.stdout,
      `  store ${stored.description}${options.worker ? ' · worker running in this process' : ' · run `wismo worker` to keep watched parcels up to date'}`,
    );
  const stop = new AbortController();
  // With the worker, parcels watched by push on UPS or USPS are subscribed (and renewed) to this server's receivers.
  const pushSubscribers = stored && options.worker ? readServePushSubscribers({ config, env: context.env, publicUrl }) : [];
  if (pushSubscribers.length > 0)
    writeLine(
      context.stdout,
      `  push subscriptions (${pushSubscribers.map((subscriber) => subscriber.carrier).join(', ')}) made and renewed by the worker`,
    );
  // The worker's carrier requests are counted for the dashboard's health page, as in `wismo worker`.
  const requestCounter = stored && options.worker ? (await import('@wismo/store')).createCarrierRequestCounter() : null;
  const worker =
    stored && options.worker && requestCounter
      ? runServeWorker(
          stored.store,
          createCliTracker(config, { cache: false, transport: { requestObserver: requestCounter.observer() } }),
          stop.signal,
          context,
          pushSubscribers,
          requestCounter,
        )
      : null;
  await new Promise<void>((resolveStop) => {
    const stopServing = () => {
      process.off('SIGINT', stopServing);
      process.off('SIGTERM', stopServing);
      context.signal?.removeEventListener('abort', stopServing);
      resolveStop();
    };
    process.once('SIGINT', stopServing);
    process.once('SIGTERM', stopServing);
    // Tests and embedders stop the server as Ctrl-C would.
    if (context.signal?.aborted) stopServing();
    else context.signal?.addEventListener('abort', stopServing, { once: true });
  });
  stop.abort();
  await running.close();
  await worker;
  await stored?.store.close();
  return EXIT_CODES.ok;
}
