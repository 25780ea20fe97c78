import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@wismo/store';
import { SANDBOX_NUMBERS, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { runCli } from './cli';
import { resolveStoreUrl, describeStoreUrl } from './store/open-store';
import { wismoIn, writeSandboxConfig } from './__fixtures__/run-wismo';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'wismo-store-cli-'));
let sandbox: RunningSandboxCarriers;
let configPath: string;
let storeUrl: string;
let testNumber = 0;

const wismo = wismoIn(directory);

/** Opens the test's store to look at what a command left there. */
async function inspect<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await createStore({ url: storeUrl });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  sandbox = await startSandboxCarriers({ rateLimits: 'off' });
  configPath = writeSandboxConfig(directory, sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(directory, { recursive: true, force: true });
});
// Each test gets a store of its own (a real SQLite file).
beforeEach(() => {
  testNumber += 1;
  storeUrl = `sqlite:${join(directory, `store-${testNumber}.db`)}`;
});

describe('--store', () => {
  it('defaults to DATABASE_URL, else .wismo/wismo.db in the working directory; passwords are never shown', () => {
    expect(resolveStoreUrl(undefined, { env: {}, cwd: '/srv/shop' })).toBe('sqlite:/srv/shop/.wismo/wismo.db');
    expect(resolveStoreUrl(undefined, { env: { DATABASE_URL: 'postgres://u:pw@db/wismo' }, cwd: '/srv' })).toBe('postgres://u:pw@db/wismo');
    expect(resolveStoreUrl('sqlite:data/w.db', { env: { DATABASE_URL: 'postgres://db/x' }, cwd: '/srv' })).toBe('sqlite:/srv/data/w.db');
    expect(() => resolveStoreUrl('mysql://db', { env: {}, cwd: '/' })).toThrow(/--store must be sqlite:<file> or postgres/);
    expect(describeStoreUrl('postgres://wismo:s3cret-pw@db.internal:5432/wismo')).toBe('postgres://wismo:***@db.internal:5432/wismo');
  });

  it('a store that cannot be opened is a clear error without the password', async () => {
    const result = await wismo(['status', '--store', 'postgres://wismo:s3cret-pw@127.0.0.1:1/none']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^wismo: Cannot open the store postgres:\/\/wismo:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(result.stderr).not.toContain('s3cret-pw');
  });
});

describe('wismo watch', () => {
  it('watches numbers (carrier detected or given), idempotently, and reports a number it cannot watch without losing the others', async () => {
    const first = await wismo([
      'watch',
      SANDBOX_NUMBERS.ups.in_transit,
      SANDBOX_NUMBERS.fedex.delivered,
      '--order',
      'ORD-7',
      '--store',
      storeUrl,
    ]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.match(/^watching /gm)).toHaveLength(2);

    const again = await wismo(['watch', SANDBOX_NUMBERS.ups.in_transit, '--carrier', 'ups', '--store', storeUrl]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already watched\s+trk_/);

    const mixed = await wismo(['watch', 'NOPE', SANDBOX_NUMBERS.usps.in_transit, '--store', storeUrl]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/wismo watch: NOPE: no carrier uses the format of this number; name the carrier \(--carrier\)/);
    expect(mixed.stderr).toMatch(/1 of 2 number\(s\) not watched/);

    const trackings = await inspect(async (store) => (await store.shop().listTrackings({ limit: 50 })).items);
    expect(trackings.map((tracking) => [tracking.carrier, tracking.trackingNumber, tracking.orderId]).sort()).toEqual(
      [
        ['fedex', SANDBOX_NUMBERS.fedex.delivered, 'ORD-7'],
        ['ups', SANDBOX_NUMBERS.ups.in_transit, 'ORD-7'],
        ['usps', SANDBOX_NUMBERS.usps.in_transit, null],
      ].sort(),
    );
  });

  it('--json prints one object per number, with whether it was new', async () => {
    const first = await wismo(['watch', SANDBOX_NUMBERS.fedex.out_for_delivery, '--json', '--store', storeUrl]);
    const again = await wismo(['watch', SANDBOX_NUMBERS.fedex.out_for_delivery, 'NOPE', '--json', '--store', storeUrl]);
    const [created] = first.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const [repeated, refused] = again.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(created).toMatchObject({
      ok: true,
      created: true,
      tracking: { carrier: 'fedex', trackingNumber: SANDBOX_NUMBERS.fedex.out_for_delivery },
    });
    expect(repeated).toMatchObject({ ok: true, created: false, tracking: { id: created.tracking.id } });
    expect(refused).toMatchObject({ ok: false, trackingNumber: 'NOPE' });
    expect(again.code).toBe(1);
  });

  it('a number several carriers’ formats match is watched once: a repeat says it was not new', async () => {
    // DHL Paket digits that also pass USPS's check: watched without a carrier until the first answer.
    const runs = [];
    for (let run = 0; run < 2; run++) runs.push(await wismo(['watch', SANDBOX_NUMBERS.dhl.returned, '--json', '--store', storeUrl]));
    const [first, second] = runs.map((result) => JSON.parse(result.stdout.trim()));
    expect(first).toMatchObject({ ok: true, created: true, tracking: { carrier: null } });
    expect(second).toMatchObject({ ok: true, created: false, tracking: { id: first.tracking.id } });
  });

  it('keeps shops apart with --shop', async () => {
    expect((await wismo(['watch', SANDBOX_NUMBERS.dhl.in_transit, '--shop', 'north', '--store', storeUrl])).code).toBe(0);
    const [north, main] = await inspect(async (store) => [
      (await store.shop('north').listTrackings()).items.length,
      (await store.shop().listTrackings()).items.length,
    ]);
    expect([north, main]).toEqual([1, 0]);
    expect((await wismo(['watch', 'x', '--shop', 'no spaces', '--store', storeUrl])).code).toBe(2);
  });
});

describe('wismo import', () => {
  it('watches every row of a CSV with its order, lists the rows it could not import (exit 1), and is idempotent', async () => {
    const csv = join(directory, `import-${testNumber}.csv`);
    writeFileSync(
      csv,
      [
        'order_id,tracking_number,carrier',
        `ORD-1,${SANDBOX_NUMBERS.ups.delivered},`,
        `ORD-1,${SANDBOX_NUMBERS.dhl.in_transit},dhl`,
        'ORD-2,,ups',
        `ORD-3,${SANDBOX_NUMBERS.usps.out_for_delivery},`,
      ].join('\n'),
    );
    const first = await wismo(['import', csv, '--store', storeUrl]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^row 3: tracking_number is missing$/m);
    expect(first.stdout).toMatch(/Imported 4 rows: 3 now watched, 0 already watched, 2 order\(s\)\./);

    const second = await wismo(['import', csv, '--store', storeUrl]);
    expect(second.stdout).toMatch(/0 now watched, 3 already watched/);

    const byNumber = await inspect(
      async (store) =>
        new Map((await store.shop().listTrackings({ limit: 50 })).items.map((tracking) => [tracking.trackingNumber, tracking])),
    );
    expect(byNumber.size).toBe(3);
    expect(byNumber.get(SANDBOX_NUMBERS.ups.delivered)).toMatchObject({ carrier: 'ups', orderId: 'ORD-1' });
    expect(byNumber.get(SANDBOX_NUMBERS.dhl.in_transit)).toMatchObject({ carrier: 'dhl', orderId: 'ORD-1' });
  });

  it('stores a JSON array of orders and watches their parcels; a bad order is reported, the others kept', async () => {
    const file = join(directory, `orders-${testNumber}.json`);
    const good = {
      id: 'ord_1',
      number: '1001',
      placedAt: '2026-03-27T09:12:00+01:00',
      customer: { id: 'c1', name: 'Anna Schmidt', email: 'anna@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      items: [{ id: 'li_1', name: 'Boots', quantity: 1 }],
      shipments: [{ id: 'p1', carrier: 'dhl', trackingNumber: SANDBOX_NUMBERS.dhl.delivered, items: [{ itemId: 'li_1', quantity: 1 }] }],
    };
    writeFileSync(file, JSON.stringify([good, { id: 'ord_2', number: '1002' }]));
    const result = await wismo(['import', file, '--store', storeUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^order 2 \(ord_2\): /m);
    expect(result.stdout).toMatch(/Imported 1 of 2 orders; their 1 tracking number\(s\) are watched\./);
    const [order, tracking] = await inspect(
      async (store) =>
        [await store.shop().orders.getOrderById('ord_1'), await store.shop().findTracking('dhl', SANDBOX_NUMBERS.dhl.delivered)] as const,
    );
    expect(order?.customer.email).toBe('anna@example.de');
    expect(tracking?.orderId).toBe('ord_1');
  });

  it('a missing file is a usage error', async () => {
    expect(await wismo(['import', 'nope.csv', '--store', storeUrl])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Cannot read nope\.csv: no such file/),
    });
  });
});

describe('wismo worker and wismo status', () => {
  it('a round checks what is due through the carriers, and status shows the counts and the next checks', async () => {
    expect(
      (
        await wismo([
          'watch',
          SANDBOX_NUMBERS.ups.delivered,
          SANDBOX_NUMBERS.fedex.in_transit,
          SANDBOX_NUMBERS.dhl.exception,
          '--store',
          storeUrl,
        ])
      ).code,
    ).toBe(0);
    const before = JSON.parse((await wismo(['status', '--json', '--store', storeUrl])).stdout);
    expect(before).toMatchObject({ engine: 'sqlite', shop: 'default', active: 3, stopped: 0 });

    const round = await wismo(['worker', '--once', '--events', '--config', configPath, '--store', storeUrl]);
    expect(round.code).toBe(0);
    expect(round.stdout).toMatch(/round 1 at \d{4}-\d\d-\d\dT[\d:.]+Z: checked 3 /);
    expect(round.stdout).toMatch(/status_changed\s+trk_\w+\s+pending → delivered/);
    expect(round.stdout).toMatch(/1 round\(s\): checked 3, changed 3, errors 0/);

    const after = JSON.parse((await wismo(['status', '--json', '--store', storeUrl])).stdout);
    expect(after.byStatus).toMatchObject({ delivered: 1, in_transit: 1, exception: 1 });
    expect(after.byDelay.exception).toBe(1);
    expect(after.nextDue.length).toBeGreaterThanOrEqual(1);
    expect(after.nextDue.map((due: { trackingNumber: string }) => due.trackingNumber)).toContain(SANDBOX_NUMBERS.fedex.in_transit);

    const text = await wismo(['status', '--store', storeUrl]);
    expect(text.stdout).toMatch(/^Trackings\s+3 \(\d watched, \d stopped\)$/m);
    expect(text.stdout).toMatch(/^ {2}delivered\s+1$/m);
    expect(text.stdout).toMatch(/^Next checks\n {2}\d{4}-\d\d-\d\dT[\d:.]+Z\s+in \d+/m);

    // Nothing is due right after: a second round asks no carrier.
    const idle = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl]);
    expect(idle.stdout).toMatch(/0 round\(s\)|checked 0/);
  });

  it('runs until stopped: on a terminal with a live line, elsewhere with plain lines', async () => {
    expect((await wismo(['watch', SANDBOX_NUMBERS.usps.delivered, '--store', storeUrl])).code).toBe(0);
    const stop = new AbortController();
    let stderr = '';
    const running = runCli(['worker', '--idle', '0.05', '--config', configPath, '--store', storeUrl], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => ((stderr += text), true), isTTY: true },
      env: {},
      cwd: directory,
      signal: stop.signal,
    });
    const deadline = Date.now() + 10_000;
    while (!/round 2 /.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    expect(await running).toBe(0);
    expect(stderr).toContain('\r\x1b[2K');
    expect(stderr).toMatch(/round 1 at [^\n]*checked 1/);
    expect(stderr).toMatch(/Stopped\. \d+ round\(s\): checked 1, changed 1/);
  });

  it('stops cleanly on SIGTERM as a real process (exit 0, the round stored)', async () => {
    expect((await wismo(['watch', SANDBOX_NUMBERS.ups.out_for_delivery, '--store', storeUrl])).code).toBe(0);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repositoryRoot, 'packages/cli/src/bin.ts'),
        'worker',
        '--idle',
        '0.05',
        '--config',
        configPath,
        '--store',
        storeUrl,
      ],
      {
        // From the repository, where `--import tsx` resolves; every path given is absolute.
        cwd: repositoryRoot,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 20_000;
    while (!/round 1 /.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
    expect(stdout).toMatch(/round 1 at [^\n]*checked 1/);
    expect(stdout).toMatch(/^Stopped\. /m);
    expect(stderr).toMatch(/Stopping after the round in progress is stored/);
    const tracking = await inspect((store) => store.shop().findTracking('ups', SANDBOX_NUMBERS.ups.out_for_delivery));
    expect(tracking?.status).toBe('out_for_delivery');
  }, 30_000);

  it('without carrier credentials the worker is a usage error', async () => {
    expect(await wismo(['worker', '--once', '--store', storeUrl])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/No carrier credentials found/),
    });
  });
});

describe('wismo serve with a store, and wismo api-key', () => {
  it('stores the --orders file, serves /v1/trackings per shop, runs the worker beside it, and stops on SIGTERM', async () => {
    const ordersFile = join(directory, `serve-orders-${testNumber}.json`);
    writeFileSync(
      ordersFile,
      JSON.stringify([
        {
          id: 'ord_1',
          number: '1001',
          placedAt: '2026-03-27T09:12:00+01:00',
          customer: { id: 'c1', name: 'Anna Schmidt', email: 'anna@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
          items: [{ id: 'li_1', name: 'Boots', quantity: 1 }],
          shipments: [
            { id: 'p1', carrier: 'ups', trackingNumber: SANDBOX_NUMBERS.ups.delivered, items: [{ itemId: 'li_1', quantity: 1 }] },
          ],
        },
      ]),
    );
    const issued = await wismo(['api-key', 'create', '--shop', 'north', '--name', 'test', '--store', storeUrl]);
    expect(issued.code).toBe(0);
    const northKey = issued.stdout.trim();
    expect(issued.stderr).toMatch(/for shop north \(shown once/);

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repositoryRoot, 'packages/cli/src/bin.ts'),
        'serve',
        '--port',
        '0',
        '--worker',
        '--orders',
        ordersFile,
        '--config',
        configPath,
        '--store',
        storeUrl,
      ],
      { cwd: repositoryRoot, env: { PATH: process.env.PATH ?? '', WISMO_API_KEYS: 'main-shop-key' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (!/round 1 /.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stdout).toMatch(/^Stored 1 order\(s\) from .* in sqlite:/m);
      const url = /wismo serving on (http:\/\/\S+)/.exec(stdout)?.[1];
      expect(url, stderr).toBeDefined();
      // The worker beside the server checked the order's parcel.
      expect(stdout).toMatch(/round 1 at [^\n]*checked 1/);
      const call = (path: string, key: string, init: RequestInit = {}) =>
        fetch(`${url}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
        });
      expect((await call('/v1/orders/ord_1/view', 'main-shop-key')).status).toBe(200);
      expect((await call('/v1/orders/ord_1/view', northKey)).status).toBe(404);
      const watched = await call('/v1/trackings', northKey, {
        method: 'POST',
        body: JSON.stringify({ trackingNumber: SANDBOX_NUMBERS.fedex.in_transit }),
      });
      expect(watched.status).toBe(201);
      const tracking = (await watched.json()) as { id: string; shopId: string };
      expect(tracking.shopId).toBe('north');
      expect((await call(`/v1/trackings/${tracking.id}`, 'main-shop-key')).status).toBe(404);
      expect((await call(`/v1/trackings/${tracking.id}`, northKey)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
    expect(stdout + stderr).not.toContain(northKey);
    const delivered = await inspect((store) => store.shop().findTracking('ups', SANDBOX_NUMBERS.ups.delivered));
    expect(delivered).toMatchObject({ orderId: 'ord_1', status: 'delivered' });
  }, 40_000);

  it('api-key lists and revokes a shop’s keys; another shop cannot revoke them', async () => {
    const created = await wismo(['api-key', 'create', '--shop', 'south', '--store', storeUrl]);
    const keyId = /API key (\S+) for shop south/.exec(created.stderr)?.[1];
    expect(keyId).toBeDefined();
    const listed = await wismo(['api-key', 'list', '--shop', 'south', '--store', storeUrl]);
    expect(listed.stdout).toMatch(new RegExp(`^${keyId}\\s+-\\s+created \\d{4}-`, 'm'));
    expect(listed.stdout).not.toContain(created.stdout.trim());
    expect((await wismo(['api-key', 'revoke', keyId!, '--store', storeUrl])).code).toBe(1);
    expect((await wismo(['api-key', 'revoke', keyId!, '--shop', 'south', '--store', storeUrl])).code).toBe(0);
    expect((await wismo(['api-key', 'list', '--shop', 'south', '--store', storeUrl])).stdout).toMatch(/revoked \d{4}-/);
  });
});

describe('wismo reconcile --store', () => {
  it('writes every result into the store: watched with its order, with the carrier’s answer', async () => {
    const csv = join(directory, `reconcile-${testNumber}.csv`);
    writeFileSync(
      csv,
      [
        'order_id,tracking_number,carrier',
        `ORD-1,${SANDBOX_NUMBERS.ups.delivered},`,
        `ORD-2,${SANDBOX_NUMBERS.fedex.in_transit},fedex`,
        `ORD-3,${SANDBOX_NUMBERS.ups.not_found},ups`,
        'ORD-4,,',
      ].join('\n'),
    );
    const result = await wismo(['reconcile', csv, '--config', configPath, '--progress', 'off', '--store', storeUrl]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Store: 3 result\(s\) recorded in sqlite:[^\n]*\(\d changed what it knew, \d+ event\(s\)\)/);
    const byNumber = await inspect(
      async (store) =>
        new Map((await store.shop().listTrackings({ limit: 50 })).items.map((tracking) => [tracking.trackingNumber, tracking])),
    );
    expect(byNumber.get(SANDBOX_NUMBERS.ups.delivered)).toMatchObject({ carrier: 'ups', orderId: 'ORD-1', status: 'delivered' });
    expect(byNumber.get(SANDBOX_NUMBERS.fedex.in_transit)).toMatchObject({ carrier: 'fedex', orderId: 'ORD-2', status: 'in_transit' });
    expect(byNumber.get(SANDBOX_NUMBERS.ups.not_found)).toMatchObject({ orderId: 'ORD-3', notFoundCount: 1 });
    expect(byNumber.get(SANDBOX_NUMBERS.fedex.in_transit)?.shipment?.events.length).toBeGreaterThan(0);
  });

  it('a store that cannot be opened fails the run before any row is tracked, without its password', async () => {
    const csv = join(directory, `reconcile-${testNumber}.csv`);
    writeFileSync(csv, `order_id,tracking_number\nORD-1,${SANDBOX_NUMBERS.ups.delivered}\n`);
    const result = await wismo([
      'reconcile',
      csv,
      '--config',
      configPath,
      '--progress',
      'off',
      '--store',
      'postgres://wismo:s3cret-pw@127.0.0.1:1/none',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Cannot open the store postgres:\/\/wismo:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(result.stderr).not.toContain('s3cret-pw');
  });
});

const postgresUrl = process.env.DATABASE_URL;
if (!postgresUrl) console.warn('store-commands.test.ts: DATABASE_URL is not set, so the PostgreSQL run of watch/worker/status is skipped.');

describe.skipIf(!postgresUrl)('on PostgreSQL (DATABASE_URL, no --store)', () => {
  const schema = `wismo_test_${Math.random().toString(36).slice(2, 10)}`;
  afterAll(async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('watch, a worker round and status use the database of DATABASE_URL', async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const env = { DATABASE_URL: `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}schema=${schema}` };
    expect((await wismo(['watch', SANDBOX_NUMBERS.dhl.delivered, SANDBOX_NUMBERS.usps.in_transit], { env })).code).toBe(0);
    const round = await wismo(['worker', '--once', '--config', configPath], { env });
    expect(round.stdout).toMatch(/checked 2, changed 2, errors 0/);
    const status = JSON.parse((await wismo(['status', '--json'], { env })).stdout);
    expect(status).toMatchObject({ engine: 'postgres', active: expect.any(Number), byStatus: { delivered: 1, in_transit: 1 } });
    expect(status.store).toContain(`schema=${schema}`);
  });
});
