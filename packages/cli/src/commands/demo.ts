import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createTracker, type Shipment, type Tracker } from '@wismo/core';
import type * as OrderViewWords from '@wismo/order-view';
import type { OrderInput, OrderSource, OrderView } from '@wismo/order-view';
import type { Store } from '@wismo/store';
import type { RunningSandboxCarriers } from '@wismo/testkit';
import { writeLine, type CliContext } from '../context';
import { DEMO_SHOWCASE_ORDERS, demoOrdersCsv } from '../demo/demo-orders';
import { openDemoStore, storeDemoOrders, watchDemoOrders, type DemoStore } from '../demo/demo-store';
import { EXIT_CODES, runtimeError, usageError, type ExitCode } from '../errors';
import { readInputRows, type InputRow } from '../reconcile/input';
import { runReconcile } from './reconcile';

export interface DemoCommandOptions {
  file?: string;
  orders?: string;
  /** Keep the reconciliation results here (default: a temporary file, removed at the end). */
  output?: string;
  /** `false` (`--no-serve`): do not start the tracking page, API and helpdesk panel. */
  serve?: boolean;
  /** Port for the server (default: a free one). */
  port?: string;
  /** Keep serving until Ctrl-C (default: only when stdout is a terminal). */
  keepServing?: boolean;
}

/** The API key the demo server accepts: printed, never a real credential. */
export const DEMO_API_KEY = 'wismo-demo-key';

/** Documented rate limits, with time compressed this much, so that the demo shows pacing yet takes seconds. */
export const DEMO_TIME_SCALE = 60;

const HOUR_MS = 3_600_000;

/**
 * The sandbox day starts at this hour (UTC), the last one before the demo runs: the moving parcels' journeys, the
 * checks the refresh policy plans around each customer's delivery day and the messages' quiet hours then tell the same
 * story at whatever hour the demo is run (run at 11:31 UTC, the FedEx parcel passed its estimated day before it went
 * out for delivery, so the check that would have seen it was planned 12 hours later; run at 11:09 it did not).
 */
const DEMO_DAY_START_HOUR_UTC = 8;

/** The last `DEMO_DAY_START_HOUR_UTC`:00 UTC at or before `now`. */
export function demoDayStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCHours(DEMO_DAY_START_HOUR_UTC, 0, 0, 0);
  if (start.getTime() > now.getTime()) start.setUTCDate(start.getUTCDate() - 1);
  return start;
}

const DEMO_CUSTOMERS = [
  { id: 'cus_de_1', email: 'jonas.weber@example.de', name: 'Jonas Weber', locale: 'de-DE', timeZone: 'Europe/Berlin', country: 'DE' },
  { id: 'cus_us_1', email: 'maya.johnson@example.com', name: 'Maya Johnson', locale: 'en-US', timeZone: 'America/New_York', country: 'US' },
  {
    id: 'cus_us_2',
    email: 'luis.garcia@example.com',
    name: 'Luis Garcia',
    locale: 'en-US',
    timeZone: 'America/Los_Angeles',
    country: 'US',
  },
] as const;

/** The split order of the notifications part: a Dutch customer, so that a third language shows. */
const DEMO_SPLIT_ORDER_CUSTOMER = {
  id: 'cus_nl_1',
  email: 'sanne.devries@example.nl',
  name: 'Sanne de Vries',
  locale: 'nl-NL',
  timeZone: 'Europe/Amsterdam',
} as const;

/**
 * An order in three parcels, not in `examples/orders.csv`: two travel together with PostNL (sandbox numbers
 * on the move), the third is still being packed (no label yet). Its customer gets one message for both
 * parcels at each milestone ("2 of 3 parcels delivered") instead of two.
 */
export function demoSplitOrder(postnlNumbers: readonly [string, string], nowMs: number): OrderInput {
  const items = ['Tent', 'Sleeping bag', 'Camping stove'].map((name, index) => ({
    id: `ORD-1041-item-${index + 1}`,
    sku: null,
    name,
    quantity: 1,
  }));
  return {
    id: 'ORD-1041',
    number: '1041',
    placedAt: offsetIso(nowMs - 2 * 24 * HOUR_MS),
    customer: { ...DEMO_SPLIT_ORDER_CUSTOMER },
    shippingAddress: { countryCode: 'NL' },
    items,
    milestones: { confirmed: offsetIso(nowMs - 2 * 24 * HOUR_MS + HOUR_MS) },
    shipments: [
      ...postnlNumbers.map((trackingNumber, index) => ({
        id: `ORD-1041-parcel-${index + 1}`,
        carrier: 'postnl',
        trackingNumber,
        items: [{ itemId: items[index]!.id, quantity: 1 }],
        shippedAt: offsetIso(nowMs),
      })),
      { id: 'ORD-1041-parcel-3', carrier: 'postnl', trackingNumber: null, items: [{ itemId: items[2]!.id, quantity: 1 }] },
    ],
  };
}

/** `examples/orders.csv` from the working directory or one of its parents (the repository), if there. */
function findExampleFile(cwd: string): string | null {
  let directory = resolve(cwd);
  for (;;) {
    const candidate = join(directory, 'examples', 'orders.csv');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

function offsetIso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Orders from the CSV rows, grouped by order_id: one item per parcel, a customer from a small cast. */
export function demoOrdersFromRows(rows: readonly InputRow[], carriersByRow: ReadonlyMap<number, string>, nowMs: number): OrderInput[] {
  const byOrder = new Map<string, InputRow[]>();
  for (const row of rows) {
    if (row.problem || !row.orderId) continue;
    const list = byOrder.get(row.orderId) ?? [];
    list.push(row);
    byOrder.set(row.orderId, list);
  }
  return [...byOrder].map(([orderId, orderRows], orderIndex) => {
    const customer = DEMO_CUSTOMERS[orderIndex % DEMO_CUSTOMERS.length]!;
    const items = orderRows.map((_, index) => ({
      id: `${orderId}-item-${index + 1}`,
      sku: null,
      name: ['Trail runner', 'Rain jacket', 'Merino socks', 'Water bottle'][index % 4]!,
      quantity: 1,
    }));
    return {
      id: orderId,
      number: orderId.replace(/^ORD-/, ''),
      placedAt: offsetIso(nowMs - 6 * 24 * HOUR_MS),
      customer: { id: customer.id, email: customer.email, name: customer.name, locale: customer.locale, timeZone: customer.timeZone },
      shippingAddress: { countryCode: customer.country },
      items,
      milestones: { confirmed: offsetIso(nowMs - 6 * 24 * HOUR_MS + HOUR_MS), packed: offsetIso(nowMs - 5 * 24 * HOUR_MS) },
      shipments: orderRows.map((row, index) => ({
        id: `${orderId}-parcel-${index + 1}`,
        carrier: carriersByRow.get(row.index) ?? (row.carrier || 'unknown'),
        trackingNumber: row.trackingNumber,
        items: [{ itemId: items[index]!.id, quantity: 1 }],
        shippedAt: offsetIso(nowMs - 5 * 24 * HOUR_MS),
      })),
    };
  });
}

function printOrderView(context: CliContext, view: OrderView, words: typeof OrderViewWords): void {
  const { answerWhereIsMyOrder, describeDelay, describeNextAction, describeStage, statusLine } = words;
  const out = (text = '') => writeLine(context.stdout, text);
  out(`Order ${view.order.number} · ${view.customer.name} (${view.customer.locale}, ${view.customer.timeZone})`);
  out(`  Stage       ${view.stage} — ${describeStage(view.stage, 'en')} (rule: ${view.stageRule})`);
  out('  Parcels');
  for (const parcel of view.parcels) out(`    ${statusLine(view, parcel.id, 'en')}`);
  if (view.delays.length === 0) out('  Delays      none');
  else
    view.delays.forEach((delay, index) => out(`${index === 0 ? '  Delays      ' : '              '}${describeDelay(view, delay, 'en')}`));
  out(`  Next action ${describeNextAction(view, 'en')} (${view.nextAction.actor} must act)`);
  out('  "Where is my order?" (English)');
  out(`    ${answerWhereIsMyOrder(view, 'en')}`);
  out('  „Wo ist meine Bestellung?“ (Deutsch)');
  out(`    ${answerWhereIsMyOrder(view, 'de')}`);
}

async function readRows(path: string): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of readInputRows(path, { format: 'csv' }).rows) rows.push(row);
  return rows;
}

/**
 * `wismo demo`: sandbox carriers on loopback (documented rate limits, time compressed), a reconciliation of
 * `examples/orders.csv` through the real adapters, the summary, and order views in English and German;
 * then two sandbox days of the store and the worker, with the customers' messages received by an SMTP
 * server on loopback and the shop's signed webhooks. No credentials, nothing written outside a temporary
 * directory.
 */
export async function runDemo(options: DemoCommandOptions, context: CliContext): Promise<ExitCode> {
  const viewCount = options.orders === undefined ? 3 : Number(options.orders);
  if (!Number.isInteger(viewCount) || viewCount < 0) throw usageError(`--orders must be a whole number, not "${options.orders}".`);
  // Loaded here, not at the top: the other commands never need the sandbox or the order views.
  const { SANDBOX_NUMBERS, decodeSandboxNumber, generateSandboxNumbers, startSandboxCarriers } = await import('@wismo/testkit');
  const orderView = await import('@wismo/order-view');
  const workDirectory = await mkdtemp(join(tmpdir(), 'wismo-demo-'));
  let sandbox: RunningSandboxCarriers | null = null;
  let demoStore: DemoStore | null = null;
  try {
    let input = options.file ? resolve(context.cwd, options.file) : findExampleFile(context.cwd);
    if (options.file && !existsSync(input!))
      throw usageError(`Cannot read ${options.file}: no such file.`, 'Leave --file out to use examples/orders.csv.');
    if (!input) {
      // Installed from npm, outside the repository: the same orders, written from the built-in list.
      input = join(workDirectory, 'orders.csv');
      await writeFile(input, demoOrdersCsv(SANDBOX_NUMBERS));
    }
    try {
      const dayStart = demoDayStart(new Date());
      sandbox = await startSandboxCarriers({
        host: '127.0.0.1',
        rateLimits: 'documented',
        timeScale: DEMO_TIME_SCALE,
        seed: 1,
        advancingStart: dayStart,
      });
      sandbox.clock.set(dayStart);
    } catch (error) {
      throw runtimeError(
        `Could not start the sandbox carriers on 127.0.0.1: ${(error as Error).message}.`,
        'Check that loopback networking is available (no sandboxing forbids listening on 127.0.0.1).',
        error,
      );
    }
    // The real adapters, pointed at the sandbox, pacing themselves to the same compressed documented limits.
    const adapters = sandbox.createAdapters({ timeoutMs: 5_000 });
    // One tracker with a cache: the order views below reuse the reconciliation's answers without new requests.
    const tracker: Tracker = createTracker({ carriers: adapters, cache: { max: 1_000 } });
    writeLine(
      context.stdout,
      `wismo demo — sandbox carriers on ${Object.entries(sandbox.baseUrls)
        .map(([carrier, url]) => `${carrier} ${url}`)
        .join(', ')}`,
    );
    writeLine(context.stdout, `Documented rate limits and batch sizes, time compressed ${DEMO_TIME_SCALE}×; no credentials.`);
    writeLine(context.stdout, `Reconciling ${input}\n`);

    const output = options.output ? resolve(context.cwd, options.output) : join(workDirectory, 'orders.reconciled.csv');
    const code = await runReconcile(input, { output, progress: 'off', overwrite: true, restart: true }, context, { tracker });
    if (!options.output) writeLine(context.stdout, '(a temporary file, removed when the demo ends; --output <file> keeps the results)');
    if (code === EXIT_CODES.interrupted) return code;

    let orders: OrderSource | null = null;
    let orderInputs: OrderInput[] = [];
    if (viewCount > 0 || options.serve !== false) {
      const rows = await readRows(input);
      const outcomes = await tracker.trackMany(
        rows
          .filter((row) => !row.problem)
          .map((row) =>
            row.carrier ? { trackingNumber: row.trackingNumber, carrier: row.carrier } : { trackingNumber: row.trackingNumber },
          ),
      );
      const carriersByRow = new Map<number, string>();
      const shipments: Shipment[] = [];
      rows
        .filter((row) => !row.problem)
        .forEach((row, index) => {
          const outcome = outcomes[index]!;
          if (outcome.carrier) carriersByRow.set(row.index, outcome.carrier);
          if (outcome.ok) shipments.push(outcome.shipment);
        });
      const now = Date.now();
      orderInputs = demoOrdersFromRows(rows, carriersByRow, now);
      orders = orderView.createInMemoryOrderSource(orderInputs);
      const showcase = [...DEMO_SHOWCASE_ORDERS, ...rows.map((row) => row.orderId)].filter((id, index, all) => all.indexOf(id) === index);
      let printed = 0;
      for (const orderId of showcase) {
        if (printed >= viewCount) break;
        const order = await orders.getOrderById(orderId);
        if (!order) continue;
        const numbers = new Set(order.shipments.map((shipment) => shipment.trackingNumber));
        const view = orderView.buildOrderView(
          order,
          shipments.filter((shipment) => numbers.has(shipment.trackingNumber)),
          { now, carriers: adapters },
        );
        writeLine(context.stdout, '');
        printOrderView(context, view, orderView);
        printed += 1;
      }
      writeLine(
        context.stdout,
        `\nCarrier requests: ${tracker.stats().upstreamBatches} for ${rows.length} rows (the order views reused the cached answers).`,
      );
    }
    if (orderInputs.length > 0) {
      // The store: the moving parcels are watched while the sandbox clock advances, then every order is kept.
      const running = sandbox;
      demoStore = await openDemoStore(context, workDirectory, () => running.clock.now());
      writeLine(context.stdout, `\nStore: ${demoStore.description}.`);
      const [first, second] = generateSandboxNumbers('postnl', 2, 'advancing');
      orderInputs.push(demoSplitOrder([first!, second!], sandbox.clock.now().getTime()));
      await watchDemoOrders({
        store: demoStore.store,
        sandbox,
        orders: orderInputs,
        context,
        adapters: sandbox.createAdapters({ timeoutMs: 5_000 }),
        decode: decodeSandboxNumber,
      });
      const stored = await storeDemoOrders(demoStore.store, orderInputs);
      writeLine(context.stdout, `Stored all ${stored} orders; the API and the pages below read them from the store.`);
    }
    if (options.serve !== false && orders) {
      const serveCode = await serveDemo({
        tracker,
        orders,
        store: demoStore?.store,
        adapters: sandbox.createAdapters({ timeoutMs: 5_000 }),
        options,
        context,
      });
      if (serveCode !== EXIT_CODES.ok) return serveCode;
    }
    return code;
  } finally {
    await demoStore?.dispose();
    await sandbox?.close();
    await rm(workDirectory, { recursive: true, force: true });
  }
}

interface ServeDemoInput {
  tracker: Tracker;
  orders: OrderSource;
  /** When set, the server reads orders from it (and serves /v1/trackings). */
  store?: Store | undefined;
  adapters: ReturnType<RunningSandboxCarriers['createAdapters']>;
  options: DemoCommandOptions;
  context: CliContext;
}

/**
 * Serves the branded tracking page, the REST API and a Freshdesk-style helpdesk panel over the same
 * tracker, prints their URLs and checks each once. On a terminal it keeps serving until Ctrl-C.
 */
async function serveDemo({ tracker, orders, store, adapters, options, context }: ServeDemoInput): Promise<ExitCode> {
  const { startServer } = await import('@wismo/server');
  const { createFreshdeskToken } = await import('@wismo/helpdesk');
  const freshdeskSecret = randomBytes(24).toString('hex');
  const requestedPort = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535)
    throw usageError(`--port must be a port number, not "${options.port}".`);
  let running;
  try {
    // The helpdesk signs URLs, so it must know its public address before the server starts.
    const port = requestedPort || (await freeLoopbackPort());
    running = await startServer({
      port,
      host: '127.0.0.1',
      publicBaseUrl: `http://127.0.0.1:${port}`,
      tracker,
      ...(store ? { store } : { orders }),
      carriers: adapters,
      apiKeys: [DEMO_API_KEY],
      brand: {
        name: 'Nordlicht Outdoor (wismo demo)',
        colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' },
        defaultLocale: 'en',
        timeZone: 'Europe/Berlin',
      },
      helpdesk: { secrets: { freshdesk: { sharedSecret: freshdeskSecret } }, sessionSecret: randomBytes(32).toString('hex') },
    });
  } catch (error) {
    throw runtimeError(
      `Could not start the demo server: ${(error as Error).message}.`,
      'Pass --port with a free port, or --no-serve to skip serving.',
      error,
    );
  }
  try {
    const order = (await orders.getOrderById(DEMO_SHOWCASE_ORDERS[0]!)) ?? null;
    const parcel = order?.shipments.find((shipment) => shipment.trackingNumber);
    const email = order?.customer.email ?? '';
    const panel = createFreshdeskToken(email, freshdeskSecret);
    const pages: Array<{ label: string; url: string; headers?: Record<string, string> }> = [
      { label: 'tracking page', url: `${running.url}/track/${parcel?.carrier ?? ''}/${parcel?.trackingNumber ?? ''}` },
      { label: 'tracking page (de)', url: `${running.url}/de/track/${parcel?.carrier ?? ''}/${parcel?.trackingNumber ?? ''}` },
      { label: `order lookup (order ${order?.number ?? ''} + ${email})`, url: `${running.url}/orders/lookup` },
      {
        label: 'order view API',
        url: `${running.url}/v1/orders/${order?.id ?? ''}/view`,
        headers: { Authorization: `Bearer ${DEMO_API_KEY}` },
      },
      ...(store
        ? [
            {
              label: 'watched trackings API (from the store)',
              url: `${running.url}/v1/trackings?limit=5`,
              headers: { Authorization: `Bearer ${DEMO_API_KEY}` },
            },
          ]
        : []),
      { label: 'OpenAPI document', url: `${running.url}/openapi.json` },
      {
        label: 'helpdesk panel (Freshdesk sidebar, signed link valid 5 min)',
        url: `${running.url}/helpdesk/freshdesk?${new URLSearchParams({ ...panel })}`,
      },
    ];
    writeLine(context.stdout, `\nServing on ${running.url} (API key for /v1: ${DEMO_API_KEY})`);
    for (const page of pages) {
      // Each URL is fetched once, so the demo proves what it prints.
      const response = await fetch(page.url, { headers: page.headers, redirect: 'manual' });
      await response.arrayBuffer();
      writeLine(context.stdout, `  ${page.label.padEnd(58)} ${page.url}  [HTTP ${response.status}]`);
    }
    writeLine(context.stdout, `  curl -H 'Authorization: Bearer ${DEMO_API_KEY}' ${pages[3]!.url}`);
    const keepServing = options.keepServing ?? Boolean(process.stdout.isTTY);
    if (keepServing) {
      writeLine(context.stdout, '\nPress Ctrl-C to stop.');
      await new Promise<void>((resolveStop) => {
        process.once('SIGINT', () => resolveStop());
        process.once('SIGTERM', () => resolveStop());
      });
    }
    return EXIT_CODES.ok;
  } finally {
    await running.close();
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
