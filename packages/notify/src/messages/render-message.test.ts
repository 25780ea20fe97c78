import { SUPPORTED_LANGUAGES } from '@wismo/order-view';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_CHANNELS, MILESTONES, type Milestone, type MilestoneFacts, type PlannedMessage } from '../notification-types';
import { NOTIFY_CATALOGUES } from './catalogues';
import { en } from './catalogues/en';
import { contrastRatio, NotifyRenderError, renderMessage } from './render-message';

const brand = { name: 'Bergwerk Outdoor', colour: '#f5c518', logoUrl: 'https://shop.example/logo.png' };
const links = { trackingPage: 'https://track.example/o/1042?t=abc', unsubscribe: 'https://api.example/u/signed-token' };

/** Facts that fill every slot a milestone's words can use. */
function factsFor(milestone: Milestone): MilestoneFacts {
  return {
    orderNumber: '1042',
    carrierName: 'DHL',
    trackingNumber: '00340434161094015902',
    previousTrackingNumber: milestone === 'tracking_number_changed' ? '00340434161094015800' : null,
    expectedDate: { from: '2026-04-02', to: '2026-04-02' },
    previousExpectedDate: milestone === 'expected_date_changed' ? { from: '2026-03-31', to: '2026-03-31' } : null,
    place:
      milestone === 'delivered'
        ? 'Garage'
        : milestone.includes('pickup') || milestone === 'delivery_attempt_failed'
          ? 'Packstation 123, Köln'
          : null,
    deadline: milestone.includes('pickup') ? '2026-04-07' : null,
    signedBy: null,
    reason: milestone === 'exception' ? 'address_problem' : milestone === 'delayed' ? 'stalled' : null,
    actor: milestone === 'exception' || milestone === 'delivery_attempt_failed' ? 'customer' : 'carrier',
    carrierContact: { phone: '+49 228 4333112', url: 'https://www.dhl.de/kundenservice' },
    parcelCount: null,
  };
}

function message(
  milestone: Milestone,
  channel: PlannedMessage['recipient']['channel'],
  locale: string,
  facts = factsFor(milestone),
): PlannedMessage {
  return {
    dedupeKey: `ord:p1:${milestone}:${channel}:x`,
    shopId: 'default',
    orderId: 'ord',
    milestone,
    parcelIds: ['p1'],
    recipient: { channel, address: 'anna@example.de', customerId: 'c', name: 'Anna', locale, timeZone: 'Europe/Berlin' },
    sendAfter: '2026-03-31T08:00:00.000Z',
    quietMode: 'hold',
    occurredAt: '2026-03-31T07:00:00.000Z',
    sourceEventIds: ['1'],
    facts,
  };
}

// Words that give away English left in another language's message (names and numbers aside).
const ENGLISH = /\b(the|your|you|parcel|order|delivered|delivery|tracking|please|arrives|arriving|today|thank|carrier|collect)\b/i;

describe('catalogues', () => {
  it('have exactly the English keys in every language, and no value copied from English', () => {
    const keys = Object.keys(en).sort();
    for (const language of SUPPORTED_LANGUAGES) {
      expect(Object.keys(NOTIFY_CATALOGUES[language]).sort()).toEqual(keys);
      if (language === 'en') continue;
      const copied = keys.filter(
        (key) =>
          NOTIFY_CATALOGUES[language][key as keyof typeof en] === en[key as keyof typeof en] &&
          !/^\{[a-z]+\}$/.test(en[key as keyof typeof en]),
      );
      expect(copied, language).toEqual([]);
    }
  });

  it('render every milestone in every language on every channel, with no English left and no slot unfilled', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      for (const milestone of MILESTONES) {
        for (const channel of CUSTOMER_CHANNELS) {
          const rendered = renderMessage(message(milestone, channel, language), { brand, links });
          const texts = [rendered.subject ?? '', rendered.text];
          for (const text of texts) {
            expect(text, `${language} ${milestone} ${channel}`).not.toMatch(/[{}]/);
            expect(text).not.toContain('undefined');
            if (language !== 'en') {
              const withoutNames = text
                .replaceAll(links.trackingPage, '')
                .replaceAll(links.unsubscribe, '')
                .replaceAll(brand.name, '')
                .replace(/https?:\/\/\S+/g, '');
              expect(withoutNames, `${language} ${milestone} ${channel}`).not.toMatch(ENGLISH);
            }
          }
          expect(rendered.text).toContain(links.trackingPage);
          expect(rendered.text).toContain(links.unsubscribe);
          if (channel === 'email') {
            expect(rendered.html).toContain(`<html lang="${language}"`);
            expect(rendered.html).toContain('<h1');
          } else {
            expect(rendered.subject).toBeNull();
            expect(rendered.html).toBeNull();
            expect(rendered.text.length, `${language} ${milestone} ${channel}: ${rendered.text}`).toBeLessThanOrEqual(320);
          }
        }
      }
    }
  });
});

describe('renderMessage', () => {
  it('writes the expected date in the customer’s language and the carrier’s contact where the customer must act', () => {
    const german = renderMessage(message('delivery_attempt_failed', 'email', 'de-DE'), { brand, links });
    expect(german.subject).toBe('DHL konnte Ihr Paket nicht zustellen');
    expect(german.text).toContain('Bitte wenden Sie sich an DHL: +49 228 4333112 oder https://www.dhl.de/kundenservice.');
    const transit = renderMessage(message('in_transit', 'email', 'fr-FR'), { brand, links });
    expect(transit.subject).toBe('Votre colis devrait arriver le jeudi 2 avril');
    const spanish = renderMessage(message('in_transit', 'sms', 'es-ES'), { brand, links });
    expect(spanish.text).toBe(
      'Bergwerk Outdoor: tu paquete del pedido 1042 debería llegar el jueves, 2 de abril. https://track.example/o/1042?t=abc Darse de baja: https://api.example/u/signed-token',
    );
  });

  it('says "2 of 3" and "all parcels" for split orders', () => {
    const some = renderMessage(
      message('delivered', 'email', 'en', { ...factsFor('delivered'), parcelCount: { covered: 2, delivered: 2, total: 3 } }),
      { brand, links },
    );
    expect(some.subject).toBe('2 of 3 parcels from order 1042 delivered');
    expect(some.text).toContain('2 of 3 parcels have been delivered so far.');
    const all = renderMessage(
      message('delivered', 'email', 'nl', { ...factsFor('delivered'), parcelCount: { covered: 1, delivered: 3, total: 3 } }),
      { brand, links },
    );
    expect(all.subject).toBe('Je hele bestelling 1042 is bezorgd');
    expect(all.text).toContain('Alle 3 pakketten zijn nu bezorgd.');
    // Two parcels in this message, but the third left earlier: all three are on their way.
    const shipped = renderMessage(
      message('shipped', 'email', 'en', { ...factsFor('shipped'), parcelCount: { covered: 2, delivered: 0, total: 3, reached: 3 } }),
      { brand, links },
    );
    expect(shipped.text).toContain('All 3 parcels of your order are on their way.');
    const partly = renderMessage(
      message('shipped', 'email', 'es', { ...factsFor('shipped'), parcelCount: { covered: 2, delivered: 0, total: 3, reached: 2 } }),
      { brand, links },
    );
    expect(partly.text).toContain('2 de los 3 paquetes de tu pedido ya están en camino; el resto llegará después.');
  });

  it('builds accessible email HTML: lang, alt text, one heading, a visible unsubscribe link, escaped values, readable button', () => {
    const hostile = { ...factsFor('delivered'), place: '<script>alert(1)</script>' };
    const html = renderMessage(message('delivered', 'email', 'de', hostile), { brand, links }).html as string;
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('alt="Bergwerk Outdoor"');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(
      `<a href="https://api.example/u/signed-token" style="color:#1f2937;text-decoration:underline;">Keine Versand-Updates mehr per E-Mail</a>`,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('role="presentation"');
    // A yellow brand gets dark text on its button.
    expect(html).toMatch(/background-color:#f5c518;border-radius:6px;"><a href="[^"]+" style="[^"]*color:#111827;/);
    expect(contrastRatio('#f5c518', '#111827')).toBeGreaterThan(4.5);
  });

  it('refuses links that are not http(s)', () => {
    expect(() =>
      renderMessage(message('shipped', 'email', 'en'), { brand, links: { ...links, trackingPage: 'javascript:alert(1)' } }),
    ).toThrow(NotifyRenderError);
  });
});
