import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { runCli } from './cli';
import { demoOrdersCsv } from './demo/demo-orders';
import { wismoIn, writeSandboxConfig } from './__fixtures__/run-wismo';

const directory = mkdtempSync(join(tmpdir(), 'wismo-cli-'));
let sandbox: RunningSandboxCarriers;
let configPath: string;

const wismo = wismoIn(directory);

beforeAll(async () => {
  sandbox = await startSandboxCarriers({ rateLimits: 'off' });
  configPath = writeSandboxConfig(directory, sandbox);
});
afterAll(() => sandbox?.close());

describe('exit codes and messages', () => {
  it('help and version exit 0; unknown commands, options and missing arguments exit 2', async () => {
    const help = await wismo(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/track[\s\S]*detect[\s\S]*reconcile[\s\S]*demo/);
    expect(help.stdout).toMatch(/UPS_CLIENT_ID[\s\S]*DHL_API_KEY[\s\S]*130 interrupted/);
    expect((await wismo(['--version'])).code).toBe(0);
    expect((await wismo(['teleport'])).code).toBe(2);
    expect((await wismo(['reconcile'])).code).toBe(2);
    expect((await wismo(['reconcile', 'x.csv', '--progress', 'loud'])).code).toBe(2);
    expect((await wismo([])).code).toBe(2);
  });

  it('no credentials: exit 2 with the variables to set, before anything is read', async () => {
    const result = await wismo(['track', '1Z999AA10123456784']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/wismo: No carrier credentials found\.\n/);
    expect(result.stderr).toMatch(/UPS_CLIENT_ID \+ UPS_CLIENT_SECRET/);
    expect(result.stderr).toMatch(/--sandbox/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('--sandbox: track and reconcile against the sandbox carriers on loopback, without credentials', async () => {
    const tracked = await wismo(['track', SANDBOX_NUMBERS.ups.in_transit, '--sandbox']);
    expect(tracked.stderr).toMatch(/sandbox carriers on 127\.0\.0\.1/);
    expect(tracked.code).toBe(0);
    expect(tracked.stdout).toMatch(new RegExp(`^UPS ${SANDBOX_NUMBERS.ups.in_transit}`));
    const input = join(directory, 'sandbox-orders.csv');
    writeFileSync(input, demoOrdersCsv(SANDBOX_NUMBERS));
    const reconciled = await wismo(['reconcile', input, '--sandbox', '--progress', 'off', '--output', join(directory, 'sandbox.csv')]);
    expect(reconciled.code).toBe(0);
    expect(reconciled.stdout).toMatch(/Reconciled 44 rows/);
    expect(reconciled.stdout).toMatch(/not found\s+1/);
  }, 30_000);

  it('bad option values and missing files are usage errors with a hint', async () => {
    const window = await wismo(['reconcile', 'orders.csv', '--window', 'many', '--config', configPath]);
    expect(window).toMatchObject({ code: 2, stderr: expect.stringMatching(/--window must be a whole number/) });
    const missing = await wismo(['reconcile', 'nope.csv', '--config', configPath]);
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Cannot read the input nope\.csv: no such file\.\nGive the path of a CSV or JSONL file/),
    });
  });
});

describe('wismo detect', () => {
  it('names the carrier of a number without credentials; exit 1 when nothing matches', async () => {
    const ups = await wismo(['detect', SANDBOX_NUMBERS.ups.delivered]);
    expect(ups.code).toBe(0);
    expect(ups.stdout).toMatch(/ups\s+UPS/);
    expect(ups.stdout).toMatch(/check digit verified · supported, no credentials set/);
    const json = await wismo(['detect', SANDBOX_NUMBERS.usps.delivered, '--json']);
    expect(JSON.parse(json.stdout).candidates[0]).toMatchObject({ carrier: 'usps', confidence: 'checksum', configured: false });
    expect((await wismo(['detect', 'hello'])).code).toBe(1);
  });
});

describe('wismo track', () => {
  it('prints a timeline for detected carriers; JSON for machines; exit 1 with advice when not found', async () => {
    const result = await wismo(['track', SANDBOX_NUMBERS.ups.in_transit, '--config', configPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^UPS ${SANDBOX_NUMBERS.ups.in_transit}`));
    expect(result.stdout).toMatch(/Status\s+in_transit \/ /);
    expect(result.stdout).toMatch(/ETA\s+/);
    expect(result.stdout).toMatch(/Events \(newest first\):/);
    const json = await wismo(['track', SANDBOX_NUMBERS.fedex.delivered, '--carrier', 'fedex', '--json', '--config', configPath]);
    expect(JSON.parse(json.stdout)).toMatchObject([{ ok: true, carrier: 'fedex', shipment: { status: 'delivered' } }]);
    const missing = await wismo(['track', SANDBOX_NUMBERS.ups.not_found, '--config', configPath]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/not_found — [\s\S]*Check the number for typos/);
    const unconfigured = await wismo(['track', '123', '--carrier', 'yodel', '--config', configPath]);
    expect(unconfigured).toMatchObject({ code: 2, stderr: expect.stringMatching(/--carrier yodel is not configured/) });
  });
});

describe('wismo reconcile', () => {
  it('exit 1 with --fail-on-mismatch when a row differs from expected_status, 0 without; JSON summary on stdout', async () => {
    const input = join(directory, 'orders.csv');
    writeFileSync(input, demoOrdersCsv(SANDBOX_NUMBERS));
    const plain = await wismo(['reconcile', input, '--config', configPath, '--progress', 'off', '--output', join(directory, 'plain.csv')]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Reconciled 44 rows/);
    expect(plain.stdout).toMatch(/mismatches\s+1/);
    const strict = await wismo([
      'reconcile',
      input,
      '--config',
      configPath,
      '--progress',
      'off',
      '--output',
      join(directory, 'strict.jsonl'),
      '--fail-on-mismatch',
      '--json-summary',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/Exit code 1: 1 mismatch\(es\) against expected_status/);
    const summary = JSON.parse(strict.stdout) as { status: string; summary: { rows: number; mismatches: number; notFound: number } };
    expect(summary).toMatchObject({ status: 'completed', summary: { rows: 44, mismatches: 1, notFound: 1 } });
    const lines = readFileSync(join(directory, 'strict.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { mismatch: boolean | null; order_id: string });
    expect(lines.filter((line) => line.mismatch).map((line) => line.order_id)).toEqual(['ORD-1010']);
    const again = await wismo(['reconcile', input, '--config', configPath, '--progress', 'off', '--output', join(directory, 'plain.csv')]);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists[\s\S]*--overwrite/) });
  });

  it('an interruption exits 130 and says how to continue', async () => {
    // UPS at its documented 5 requests a second, 100 times faster: 1,500 rows take about 3 s.
    const paced = await startSandboxCarriers({ carriers: ['ups'], rateLimits: 'documented', timeScale: 100 });
    try {
      const pacedConfig = join(directory, 'paced.config.json');
      writeFileSync(pacedConfig, JSON.stringify({ carriers: { ups: paced.adapterSettings('ups') } }));
      const input = join(directory, 'many.csv');
      const numbers = paced.generateNumbers('ups', 1_500);
      writeFileSync(input, `order_id,tracking_number\n${numbers.map((number, index) => `O${index},${number}`).join('\n')}\n`);
      const args = [
        'reconcile',
        input,
        '--config',
        pacedConfig,
        '--progress',
        'lines',
        '--progress-interval',
        '0.05',
        '--window',
        '100',
        '--output',
        join(directory, 'many.out.csv'),
      ];
      const stop = new AbortController();
      let stderr = '';
      const code = await runCli(args, {
        stdout: { write: () => true },
        stderr: {
          write: (text: string) => {
            stderr += text;
            const done = /reconcile: ([\d,]+)/.exec(text);
            if (done && Number(done[1]!.replace(/,/g, '')) >= 100) stop.abort();
            return true;
          },
        },
        env: {},
        cwd: directory,
        signal: stop.signal,
      });
      expect(code).toBe(130);
      expect(stderr).toMatch(/Stopping: finishing the rows in flight/);
      expect(stderr).toMatch(/Interrupted after [\d,]+ rows[\s\S]*Run the same command again to continue/);
      const resumed = await wismo(args);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/Resuming: [\d,]+ rows already done/);
      expect(resumed.stdout).toMatch(/Reconciled 1,500 rows/);
    } finally {
      await paced.close();
    }
  }, 30_000);
});

describe('wismo serve', () => {
  it('says what is missing before it starts anything', async () => {
    // Without the store, orders come from a file and keys from WISMO_API_KEYS only.
    const noOrders = await wismo(['serve', '--no-store']);
    expect(noOrders.code).toBe(2);
    expect(noOrders.stderr).toMatch(/--orders <orders.json>/);
    const noKeys = await wismo(['serve', '--no-store', '--orders', 'orders.json']);
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toMatch(/WISMO_API_KEYS/);
    const noCarrier = await wismo(['serve', '--no-store', '--orders', 'orders.json'], { env: { WISMO_API_KEYS: 'key-1' } });
    expect(noCarrier.code).toBe(2);
    expect(noCarrier.stderr).toMatch(/DHL_API_KEY/);
    // With the store (the default), orders and keys may come from the store; carriers are still needed.
    const storeNoCarrier = await wismo(['serve']);
    expect(storeNoCarrier.code).toBe(2);
    expect(storeNoCarrier.stderr).toMatch(/DHL_API_KEY/);
  });
});
