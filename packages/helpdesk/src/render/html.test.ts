import { describe, expect, it } from 'vitest';
import { ANNA, BEN, DHL_NUMBER, NOW, world } from '../__fixtures__/fixtures';
import { escapeHtml, renderAgentPage, renderAgentPanel } from './html';
import { summariseOrder } from './order-summary';

async function views(email: string) {
  const w = world();
  return { w, serveds: await w.service.viewsByEmail(email) };
}

describe('renderAgentPanel', () => {
  it('shows stage, parcels, carrier contact, who must act, next step, timeline and suggested reply', async () => {
    const { serveds } = await views(ANNA);
    const html = renderAgentPanel(serveds[0]!, { locale: 'en-GB' });
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    for (const text of [
      'Order 1003',
      'In transit',
      'Who must act',
      'Carrier',
      'Next step',
      'Parcel 1 of 1 · DHL Paket',
      DHL_NUMBER,
      'Last scan',
      'Leipzig',
      '(3 hours ago)',
      '+49 228 4333112',
      'Timeline',
      'Suggested reply',
      'Hallo Anna',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('href="tel:+492284333112"');
    expect(html).toContain('<pre class="wismo-reply" lang="de"');
    expect(html).not.toMatch(/<script/i);
  });

  it('never shows status by colour alone: every badge has its text and a screen-reader label', async () => {
    const { serveds } = await views(ANNA);
    const html = renderAgentPanel(serveds[1]!, { locale: 'en' });
    expect(html).toMatch(
      /<span class="wismo-badge wismo-success"[^>]*><span class="wismo-sr">Stage: <\/span><span aria-hidden="true">✓<\/span> Delivered<\/span>/,
    );
  });

  it('escapes shop and carrier text and drops links that are not http(s)', async () => {
    const { serveds } = await views(BEN);
    const html = renderAgentPanel(serveds[0]!, { locale: 'en-US' });
    expect(html).toContain('Mug &lt;b&gt;&quot;Best&quot; &amp; brightest&lt;/b&gt;');
    expect(html).toContain('Departed from Facility &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('announces stale carrier data with what is shown and how old it is', async () => {
    const { w } = await views(ANNA);
    w.dhl.mode = 'hang';
    w.clock.now = new Date(NOW.getTime() + 45 * 60_000);
    const served = (await w.service.viewById('ord_1003', { timeBudgetMs: 20 }))!;
    const html = renderAgentPanel(served, { locale: 'en-GB' });
    expect(html).toContain('<div class="wismo-notice" role="status"');
    expect(html).toContain('Carrier data may be out of date');
    expect(html).toContain('DHL Paket did not answer in time; the last known data is shown.');
    expect(html).toContain(`DHL Paket ${DHL_NUMBER}: data from 31 Mar 2026, 10:00.`);
    expect(renderAgentPanel(served, { locale: 'de' })).toContain('Sendungsdaten eventuell nicht aktuell');
    w.dhl.release();
  });

  it('shortens the timeline to fit a size budget and says so', async () => {
    const { serveds } = await views(ANNA);
    const full = renderAgentPanel(serveds[0]!, { locale: 'en' });
    const limited = renderAgentPanel(serveds[0]!, { locale: 'en', maxBytes: Buffer.byteLength(full) - 200 });
    expect(Buffer.byteLength(limited)).toBeLessThanOrEqual(Buffer.byteLength(full) - 200);
    expect(limited).toMatch(/The \d most recent of 4 events are shown\./);
  });

  it('renders a compact fragment for embedding', async () => {
    const { serveds } = await views(ANNA);
    const html = renderAgentPanel(serveds[0]!, { locale: 'nl', compact: true });
    expect(html.startsWith('<div class="wismo-panel" lang="nl">')).toBe(true);
    expect(html).toContain('Bestelling 1003');
    expect(html).toContain('Wie is aan zet');
    expect(html).not.toContain('<html');
  });

  it('speaks each supported language', async () => {
    const { serveds } = await views(ANNA);
    const expectations: Record<string, string> = {
      en: 'Next step',
      de: 'Nächster Schritt',
      nl: 'Volgende stap',
      fr: 'Prochaine étape',
      es: 'Siguiente paso',
      'pt-BR': 'Next step',
    };
    for (const [locale, text] of Object.entries(expectations)) expect(renderAgentPanel(serveds[0]!, { locale })).toContain(text);
  });
});

describe('renderAgentPage', () => {
  it('shows the chosen order in full and links the others', async () => {
    const { serveds } = await views(ANNA);
    const html = renderAgentPage(serveds, { locale: 'en', selectedOrderId: 'ord_0950', hrefForOrder: (id) => `/p?order=${id}&s=a"b` });
    expect(html).toContain('<h2 id="wismo-ord_0950-title">Order 0950</h2>');
    expect(html).toContain('<a href="/p?order=ord_1003&amp;s=a&quot;b">Order 1003</a>');
  });

  it('has an empty state', () => {
    expect(renderAgentPage([], { locale: 'fr', email: 'x@example.com' })).toContain('Aucune commande trouvée pour x@example.com.');
  });
});

describe('summariseOrder', () => {
  it('gives every renderer the same localised facts', async () => {
    const { serveds } = await views(BEN);
    const summary = summariseOrder(serveds[0]!, { locale: 'en-US' });
    expect(summary).toMatchObject({
      title: 'Order US-2001',
      stageLabel: 'In transit',
      actorLabel: 'Carrier',
      tone: 'info',
      stale: false,
      staleNotice: null,
    });
    expect(summary.parcels[0]).toMatchObject({
      carrierName: 'UPS',
      eta: 'Wed, Apr 1 (carrier’s estimate)',
      contact: { phone: '1-800-742-5877', url: null },
    });
  });
});
