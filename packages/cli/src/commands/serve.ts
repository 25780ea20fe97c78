import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { writeLine, type CliContext } from '../context';
import { createCliTracker, createConfiguredAdapters, credentialsHelp, loadConfig } from '../config';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  orders?: string;
  config?: string;
  brandName?: string;
  timeZone?: string;
  locale?: string;
}

/** Where `wismo serve` reads the API keys it accepts: comma-separated, never printed. */
export const API_KEYS_ENV = 'WISMO_API_KEYS';

/**
 * `wismo serve`: the REST API, the branded tracking page and (with secrets in the config file) the helpdesk
 * panels, over the carriers configured by environment variables or the config file; orders from a JSON file.
 */
export async function runServe(options: ServeCommandOptions, context: CliContext): Promise<ExitCode> {
  const port = Number(options.port ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageError(`--port must be a port number, not "${options.port}".`);
  if (!options.orders) throw usageError('wismo serve needs the orders to show: --orders <orders.json> (a JSON array of orders, see @wismo/order-view).');
  const apiKeys = (context.env[API_KEYS_ENV] ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  if (apiKeys.length === 0) throw usageError(`Set ${API_KEYS_ENV} to the comma-separated API keys that may call /v1 (Authorization: Bearer <key>).`);
  const config = loadConfig({ configPath: options.config, cwd: context.cwd, env: context.env });
  const adapters = createConfiguredAdapters(config);
  if (adapters.length === 0) throw usageError('No carrier is configured, so there is nothing to serve.', credentialsHelp());
  const { startServer, DEFAULT_BRAND } = await import('@wismo/server');
  const { createJsonFileOrderSource } = await import('@wismo/order-view');
  const running = await startServer({
    port,
    host: options.host ?? '127.0.0.1',
    tracker: createCliTracker(config),
    carriers: adapters,
    orders: createJsonFileOrderSource(resolve(context.cwd, options.orders)),
    apiKeys,
    brand: { ...DEFAULT_BRAND, name: options.brandName ?? DEFAULT_BRAND.name, timeZone: options.timeZone ?? DEFAULT_BRAND.timeZone, defaultLocale: options.locale ?? DEFAULT_BRAND.defaultLocale },
    pageSecret: context.env.WISMO_PAGE_SECRET ?? randomBytes(32).toString('hex'),
  });
  writeLine(context.stdout, `wismo serving on ${running.url} — carriers: ${adapters.map((adapter) => adapter.id).join(', ')}`);
  writeLine(context.stdout, `  tracking page ${running.url}/track · API ${running.url}/v1 · OpenAPI ${running.url}/openapi.json`);
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  await running.close();
  return EXIT_CODES.ok;
}
