import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_EXPECTED_OUTCOMES, SANDBOX_NUMBERS } from '@wismo/testkit';
import { demoDayStart } from '../commands/demo';
import { DEMO_ROWS, demoOrdersCsv } from './demo-orders';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('wismo demo', () => {
  it('examples/orders.csv is the demo list over the documented sandbox numbers', () => {
    expect(readFileSync(`${repositoryRoot}examples/orders.csv`, 'utf8')).toBe(demoOrdersCsv(SANDBOX_NUMBERS));
    expect(DEMO_ROWS.length).toBeGreaterThanOrEqual(35);
    // Every expected_status is what the sandbox answers, except the one mismatch on purpose.
    const wrong = DEMO_ROWS.filter((row) => row.expected_status && row.scenario !== 'advancing').filter((row) => {
      const outcome = SANDBOX_EXPECTED_OUTCOMES[row.carrier][row.scenario as Exclude<typeof row.scenario, 'advancing'>];
      return (outcome.status ?? outcome.error) !== row.expected_status;
    });
    expect(wrong.map((row) => row.order_id)).toEqual(['ORD-1010']);
  });

  it('runs on the sandbox carriers with no credentials and exits 0', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(UPS|FEDEX|USPS|DHL)_|^WISMO_CONFIG$/.test(name)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'demo'], {
      cwd: repositoryRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/Reconciled 44 rows/);
    expect(stdout).toMatch(/expected_status given\s+9 {2}\(8 match, 1 mismatch\)/);
    expect(stdout).toMatch(/not found\s+1/);
    expect(stdout).toMatch(/Order 1001 [\s\S]*Stage\s+partially_delivered/);
    expect(stdout).toMatch(/"Where is my order\?" \(English\)\n\s+Part of your order 1001 has been delivered/);
    expect(stdout).toMatch(/„Wo ist meine Bestellung\?“ \(Deutsch\)\n\s+Ein Teil Ihrer Bestellung 1001/);
    expect(stdout.match(/^Order \d+/gm)).toHaveLength(3);
    // The store: the moving parcels are watched while the sandbox clock advances; every change is printed once.
    expect(stdout).toMatch(
      /^Store: (embedded SQLite \(a temporary file\)|PostgreSQL .* \(schema wismo_demo_[0-9a-f]+, dropped at the end\))\.$/m,
    );
    expect(stdout).toMatch(/^Watching 6 parcels on the move \(orders ORD-1016, ORD-1035, ORD-1036, ORD-1037, ORD-1041\)\.$/m);
    for (const carrier of ['UPS', 'FEDEX', 'USPS', 'DHL']) {
      const lines = stdout.split('\n').filter((line) => new RegExp(`^ {2}\\+\\s*\\d+h\\d\\d {2}${carrier}\\s`).test(line));
      expect(lines.filter((line) => /status_changed/.test(line)).map((line) => /→ (\w+)/.exec(line)?.[1])).toEqual([
        'info_received',
        'in_transit',
        'out_for_delivery',
        'delivered',
      ]);
      expect(lines.filter((line) => /\bdelivered {2,}order/.test(line))).toHaveLength(1);
    }
    expect(stdout).toMatch(/^\d+ carrier checks for 6 parcels over 48 sandbox hours, \d+ changes recorded/m);
    // Notifications: each email as the loopback SMTP server receives it, in the customer's language.
    const emails = stdout.split('\n').filter((line) => /^ {2}\+\s*\d+h\d\d {2}✉ email → /.test(line));
    const languages = new Set(emails.map((line) => /\[(\w\w)\]/.exec(line)?.[1]));
    expect([...languages].sort()).toEqual(['de', 'en', 'nl']);
    expect(stdout).toMatch(
      /✉ email → jonas\.weber@example\.de \[de\] {2}“Ihre Bestellung 1037 wurde zugestellt”\n\s+Ihre Bestellung ist da/,
    );
    expect(stdout).toMatch(
      /✉ email → maya\.johnson@example\.com \[en\] {2}“Your order 1035 has been delivered”\n\s+Your order has arrived/,
    );
    // Whatever the hour the demo starts, some customer's milestone falls in their night: held, then sent at 08:00 their time.
    expect(stdout).toMatch(/\[HELD by quiet hours: planned \w{3} \d\d:\d\d (\S+), sent \w{3} 08:00 \1\]/);
    // The split order: both parcels delivered together, one message ("2 of 3 parcels"), in Dutch.
    expect(stdout).toMatch(
      /✉ email → sanne\.devries@example\.nl \[nl\] \(one message for 2 parcels\) {2}“2 van de 3 pakketten van bestelling 1041 bezorgd”/,
    );
    expect(stdout.match(/bestelling 1041 bezorgd/g)).toHaveLength(1);
    // The shop's webhook: one delivery per delivered parcel, each signature verified by the receiver.
    expect(stdout.match(/⇢ webhook shipment\.delivered \(order ORD-\d+\): signature verified/g)).toHaveLength(6);
    expect(stdout).not.toMatch(/NOT verified/);
    expect(stdout).toMatch(
      /^\d+ emails received by the SMTP server in de, en, nl \([1-9]\d* held by quiet hours until the morning, [1-9]\d* digests? for split orders\); 6 webhook deliveries, 6 with a verified signature\.$/m,
    );
    expect(stdout).toMatch(/watched trackings API \(from the store\)\s+\S+\s+\[HTTP 200\]/);
    expect(stdout).toMatch(/order view API\s+\S+\s+\[HTTP 200\]/);
  }, 60_000);

  it('starts the sandbox day at the last 08:00 UTC, so that the story does not depend on the hour it runs', () => {
    expect(demoDayStart(new Date('2026-12-06T11:31:00Z')).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(demoDayStart(new Date('2026-12-06T08:00:00Z')).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(demoDayStart(new Date('2026-12-06T07:59:59Z')).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(demoDayStart(new Date('2027-01-01T03:00:00Z')).toISOString()).toBe('2026-12-31T08:00:00.000Z');
  });
});
