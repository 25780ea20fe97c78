// Browser-test helpers for test/browser/: real Chromium through playwright-core, axe-core for accessibility.
// They live here because playwright-core and axe-core are dev dependencies of @wismo/server.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { createStore, type Store } from '@wismo/store';
import { startServer, type RunningWismoServer, type StartServerOptions } from '../start-server';
import { startTestCarriers, type TestSetup } from './server-fixtures';

export type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `WISMO_CHROMIUM` points elsewhere. */
export const CHROMIUM_PATH = process.env.WISMO_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Why browser tests are skipped, for the visible warning and the suite title. */
export function chromiumSkipReason(): string {
  return `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set WISMO_CHROMIUM; browser tests SKIPPED`;
}

/** `describe` for a suite that needs Chromium: where it is missing, a visible warning and a skipped suite that says why. */
export function describeInChromium(title: string, suite: () => void): void {
  if (chromiumAvailable()) {
    describe(title, suite);
    return;
  }
  console.warn(`\n⚠ ${title}: ${chromiumSkipReason()}\n`);
  describe.skip(`${title} (${chromiumSkipReason()})`, suite);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** What `startBrowserServer` started; `close` stops all of it and removes its directory. */
export interface BrowserServer {
  setup: TestSetup;
  store: Store;
  server: RunningWismoServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The test carriers, a store in a SQLite file of a fresh temporary directory, a server on a free local port over both
 * (store and server on the clock `now`) and Chromium. `seed` fills the store before the server starts.
 */
export async function startBrowserServer({
  now,
  seed,
  ...serverOptions
}: Omit<StartServerOptions, 'tracker' | 'carriers' | 'store' | 'now'> & {
  now: () => Date;
  seed?: (store: Store) => Promise<void>;
}): Promise<BrowserServer> {
  const setup = await startTestCarriers();
  const directory = mkdtempSync(join(tmpdir(), 'wismo-browser-'));
  const store = await createStore({ url: `sqlite:${join(directory, 'wismo.db')}`, clock: now });
  await seed?.(store);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    tracker: setup.tracker,
    carriers: setup.carriers,
    store,
    now,
    ...serverOptions,
  });
  const browser = await launchChromium();
  return {
    setup,
    store,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
      await setup.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** test/artifacts/ at the repository root (gitignored); screenshots land here. */
export const ARTIFACTS_DIRECTORY = fileURLToPath(new URL('../../../../test/artifacts/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIRECTORY, { recursive: true });
  const path = `${ARTIFACTS_DIRECTORY}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SERIOUS: ReadonlySet<string> = new Set(['moderate', 'serious', 'critical']);

export interface AccessibilityReport {
  /** Violations above "minor" (moderate, serious, critical): the tests require none. */
  violations: Result[];
  /** Minor ones, listed for the record. */
  minor: Result[];
  /** One line per violation: impact, rule, help, the first offending elements. */
  summary: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.0–2.2 A and AA plus best practices). The page's CSP allows no scripts,
 * so the browser context must be created with `bypassCSP: true`.
 */
export async function checkAccessibility(page: Page, options: { disableRules?: readonly string[] } = {}): Promise<AccessibilityReport> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const disabled = Object.fromEntries((options.disableRules ?? []).map((rule) => [rule, { enabled: false }]));
  const results = await page.evaluate(async (rules) => {
    // Runs in the page (the repository's TypeScript has no DOM types: the globals are reached through globalThis).
    const scope = globalThis as unknown as { axe: { run: (context: unknown, options: object) => Promise<AxeResults> }; document: unknown };
    return scope.axe.run(scope.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules,
      resultTypes: ['violations'],
    });
  }, disabled);
  const describe = (violation: Result) =>
    `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} — ${violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(', ')}`;
  return {
    violations: results.violations.filter((violation) => SERIOUS.has(violation.impact ?? 'serious')),
    minor: results.violations.filter((violation) => !SERIOUS.has(violation.impact ?? 'serious')),
    summary: results.violations.map(describe),
  };
}
