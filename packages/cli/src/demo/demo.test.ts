import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_EXPECTED_OUTCOMES, SANDBOX_NUMBERS } from '@wismo/testkit';
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
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'demo'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(stdout).toMatch(/Reconciled 41 rows/);
    expect(stdout).toMatch(/expected_status given\s+9 {2}\(8 match, 1 mismatch\)/);
    expect(stdout).toMatch(/not found\s+1/);
    expect(stdout).toMatch(/Order 1001 [\s\S]*Stage\s+partially_delivered/);
    expect(stdout).toMatch(/"Where is my order\?" \(English\)\n\s+Part of your order 1001 has been delivered/);
    expect(stdout).toMatch(/„Wo ist meine Bestellung\?“ \(Deutsch\)\n\s+Ein Teil Ihrer Bestellung 1001/);
    expect(stdout.match(/^Order \d+/gm)).toHaveLength(3);
  }, 60_000);
});
