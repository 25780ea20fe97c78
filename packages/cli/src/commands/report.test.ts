import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierRequestCounter, createStore, dashboardReport, type DashboardReport } from '@wismo/store';
import {
  buildDashboardSeed,
  buildUpdatesSeed,
  seedDashboardStore,
  seedUpdateEffects,
  SEED_NOW,
} from '../../../store/src/dashboard/__fixtures__/seed-dashboard';
import { wismoIn } from '../__fixtures__/run-wismo';
import type { CliContext } from '../context';
import { reportCsv, runReport, type ReportCommandOptions } from './report';

const directory = mkdtempSync(join(tmpdir(), 'wismo-report-cli-'));
const storeUrl = `sqlite:${join(directory, 'wismo.db')}`;
const wismo = wismoIn(directory);
let expected: DashboardReport;

/** Carrier requests fed to the counter: 30 to dhl/default in the previous hour (two a minute), 7 to ups/eu now. */
const fedRequests = [
  ...Array.from({ length: 30 }, (_, i) => ({
    account: 'default',
    carrierId: 'dhl',
    at: SEED_NOW.getTime() - 3_600_000 + i * 30_000,
    outcome: i % 10 === 0 ? ('server' as const) : ('ok' as const),
  })),
  ...Array.from({ length: 7 }, (_, i) => ({
    account: 'eu',
    carrierId: 'ups',
    at: SEED_NOW.getTime() + i * 1_000,
    outcome: i < 2 ? ('rate_limited' as const) : ('ok' as const),
  })),
];

async function report(options: Partial<ReportCommandOptions>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: directory,
  } as CliContext;
  const code = await runReport({ store: storeUrl, since: '30d', format: 'json', ...options }, context, () => SEED_NOW);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const store = await createStore({ url: storeUrl, clock: () => SEED_NOW });
  try {
    await seedDashboardStore(store, buildDashboardSeed());
    await seedUpdateEffects(store, buildUpdatesSeed());
    const counter = createCarrierRequestCounter({ clock: () => SEED_NOW });
    for (const { account, ...request } of fedRequests) counter.observer(account).onRequest({ ...request, httpStatus: null });
    await counter.flush(store);
    expected = await dashboardReport(store, 'default', { since: new Date(SEED_NOW.getTime() - 30 * 86_400_000), now: SEED_NOW });
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('wismo report', () => {
  it('writes the same figures as GET /v1/stats/report as JSON', async () => {
    const { code, stdout } = await report({ format: 'json' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.carriers.length).toBeGreaterThan(0);
    expect(expected.updates.notifications.length).toBeGreaterThan(0);
    const noErrors = { not_found: 0, rate_limited: 0, auth: 0, server: 0, timeout: 0, network: 0, client: 0 };
    expect(JSON.parse(stdout).health.carrierRequests).toEqual([
      {
        carrier: 'dhl',
        account: 'default',
        thisHour: 0,
        previousHour: 30,
        today: 30,
        peakPerMinuteToday: 2,
        errorsToday: { ...noErrors, server: 3 },
      },
      {
        carrier: 'ups',
        account: 'eu',
        thisHour: 7,
        previousHour: 0,
        today: 7,
        peakPerMinuteToday: 7,
        errorsToday: { ...noErrors, rate_limited: 2 },
      },
    ]);
  });

  it('writes tidy CSV: one figure per line', async () => {
    const { stdout } = await report({ format: 'csv' });
    expect(stdout).toBe(reportCsv(expected));
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,subject,metric,value');
    const value = (section: string, subject: string, metric: string) =>
      lines.find((line) => line.startsWith(`${section},${subject},${metric},`))?.split(',')[3];
    for (const [kind, count] of Object.entries(expected.atRisk)) expect(value('at_risk', kind, 'parcels')).toBe(String(count));
    const lane = expected.carriers[0]!;
    const subject = `${lane.carrier}/${lane.service ?? ''}/${lane.originCountry}>${lane.destinationCountry}`;
    expect(value('carriers', subject, 'sample_size')).toBe(String(lane.sampleSize));
    expect(value('carriers', subject, 'on_time_first_eta_rate')).toBe(
      lane.onTimeFirstEtaRate === null ? '' : String(lane.onTimeFirstEtaRate),
    );
    expect(value('proactive', 'all', 'updatedBeforeContact')).toBe(String(expected.updates.proactive.updatedBeforeContact));
    // The carrier requests, against what was fed in (SEED_NOW is 12:00 UTC: the dhl ones are 11:00–11:15).
    expect(value('carrier_requests', 'dhl/default', 'thisHour')).toBe('0');
    expect(value('carrier_requests', 'dhl/default', 'previousHour')).toBe('30');
    expect(value('carrier_requests', 'dhl/default', 'today')).toBe('30');
    expect(value('carrier_requests', 'dhl/default', 'peakPerMinuteToday')).toBe('2');
    expect(value('carrier_requests', 'dhl/default', 'errorsToday.server')).toBe('3');
    expect(value('carrier_requests', 'ups/eu', 'thisHour')).toBe('7');
    expect(value('carrier_requests', 'ups/eu', 'peakPerMinuteToday')).toBe('7');
    expect(value('carrier_requests', 'ups/eu', 'errorsToday.rate_limited')).toBe('2');
    expect(value('carrier_requests', 'ups/eu', 'errorsToday.server')).toBe('0');
  });

  it('writes a self-contained HTML document for e-mail, in the language asked for, to a file', async () => {
    const { code, stdout, stderr } = await report({ format: 'html', lang: 'de', output: 'report.html' });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('report.html');
    const document = readFileSync(join(directory, 'report.html'), 'utf8');
    expect(document).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(document).toContain('<h1>wismo-Bericht</h1>');
    expect(document).not.toMatch(/<script|<link|<img/);
    expect(document).toContain(
      `<td style="border:1px solid #8c959f;padding:4px 8px;text-align:left;text-align:right">${expected.atRisk.stalled}</td>`,
    );
    // The carrier requests table: ups/eu's row, its seven requests this hour and two rate-limited (in German).
    const cells = (row: string) => [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1]);
    const upsRow = [...document.matchAll(/<tr>(<td[^>]*>ups<\/td>[\s\S]*?)<\/tr>/g)].map((match) => cells(match[1]!));
    expect(upsRow).toContainEqual(['ups', 'eu', '7', '0', '7', '7', 'Ratenlimit 2']);
    expect(document).toContain('<h2>Anfragen an Versanddienstleister gegenüber den Grenzen</h2>');
  });

  it('refuses a malformed period or format with a usage error (exit code 2)', async () => {
    for (const args of [
      ['report', '--store', storeUrl, '--since', '30'],
      ['report', '--store', storeUrl, '--format', 'xml'],
      ['report', '--store', storeUrl, '--lang', 'it'],
    ]) {
      const { code, stderr } = await wismo(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.length).toBeGreaterThan(0);
    }
  });

  it('runs the commands of the README section "Operations dashboard"', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Operations dashboard\n'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line.startsWith('wismo '));
    expect(commands).toHaveLength(2);
    for (const command of commands) {
      const { code, stderr } = await wismo([...command.split(/\s+/).slice(1), '--store', storeUrl]);
      expect(code, `${command}: ${stderr}`).toBe(0);
    }
    expect(existsSync(join(directory, 'report.html'))).toBe(true);
  });
});
