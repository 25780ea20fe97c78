// Every milestone's email in every language, rendered in real Chromium (Debian's `chromium`, driven by
// playwright-core): a screenshot each in test/artifacts/notify-emails/ and an axe-core check with no violations.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MILESTONES, renderPreview } from '@wismo/notify';
import { DATE_ETA, orderView } from '../../packages/notify/src/milestones/__fixtures__/order-views';
import {
  checkAccessibility,
  describeInChromium,
  launchChromium,
  screenshot,
  type Browser,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';

const LOCALES = ['en-GB', 'de-DE', 'nl-NL', 'fr-FR', 'es-ES'] as const;
const NOW = new Date('2026-03-31T12:00:00Z');

// Two parcels of one order: one moving with an expected date, one delivered, so that every milestone has facts.
const view = orderView({
  now: NOW.toISOString(),
  parcels: [
    {
      id: 'p1',
      trackingNumber: '00340434161094015902',
      estimatedDelivery: DATE_ETA('2026-04-02'),
      scans: [
        ['2026-03-30T18:00:00+02:00', 'info_received', 'label_created', 'Die Sendung wurde elektronisch angekündigt.'],
        ['2026-03-31T09:00:00+02:00', 'in_transit', 'picked_up', 'Die Sendung wurde abgeholt.'],
      ],
    },
    {
      id: 'p2',
      trackingNumber: '00340434161094015919',
      scans: [
        ['2026-03-29T18:00:00+02:00', 'info_received', 'label_created', 'Die Sendung wurde elektronisch angekündigt.'],
        ['2026-03-30T10:12:00+02:00', 'delivered', 'delivered', 'Die Sendung wurde dem Empfänger zugestellt.'],
      ],
    },
  ],
});

const BRAND = { name: 'Bergwerk Outdoor', colour: '#0b5d3b', logoUrl: null, supportEmail: 'hilfe@bergwerk.example' };
const LINKS = { trackingPage: 'https://track.bergwerk.example/o/1042', unsubscribe: 'https://track.bergwerk.example/v1/unsubscribe/t0k3n' };

describeInChromium('notification emails in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 640, height: 900 }, javaScriptEnabled: true });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of LOCALES) {
    it(`renders every milestone in ${locale} without accessibility violations`, async () => {
      const problems: string[] = [];
      for (const milestone of MILESTONES) {
        const message = renderPreview({ view, milestone, channel: 'email', locale, brand: BRAND, links: LINKS, now: NOW });
        await page.setContent(message.html!, { waitUntil: 'load' });
        // What a mail client shows: the language, a heading, the tracking link and a working unsubscribe link.
        expect(await page.getAttribute('html', 'lang')).toBe(message.language);
        expect(await page.locator(`a[href="${LINKS.trackingPage}"]`).count()).toBeGreaterThan(0);
        expect(await page.locator(`a[href="${LINKS.unsubscribe}"]`).count()).toBe(1);
        await screenshot(page, `notify-emails/${milestone}-${locale}`);
        // Collected over all milestones, so that one run lists every problem of the language.
        const report = await checkAccessibility(page);
        for (const violation of report.violations) problems.push(`${milestone}: ${violation.impact} ${violation.id}: ${violation.help}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
