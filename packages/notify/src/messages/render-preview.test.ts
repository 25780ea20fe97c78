import { describe, expect, it } from 'vitest';
import { MILESTONES } from '../notification-types';
import { DATE_ETA, orderView } from '../milestones/__fixtures__/order-views';
import { NotifyRenderError } from './render-message';
import { renderPreview } from './render-preview';

const view = orderView({
  now: '2026-03-31T12:00:00Z',
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
  ],
});

describe('renderPreview', () => {
  it('renders what the customer of a real order view would get, in their language by default', () => {
    const preview = renderPreview({
      view,
      milestone: 'in_transit',
      channel: 'email',
      brand: { name: 'Bergwerk Outdoor' },
      now: new Date('2026-03-31T12:00:00Z'),
    });
    expect(preview.language).toBe('de');
    expect(preview.subject).toBe('Ihr Paket kommt voraussichtlich am Donnerstag, 2. April');
    expect(preview.text).toContain('Hallo Anna,');
    expect(preview.text).toContain('Sendungsnummer: 00340434161094015902 (DHL)');
    // The carrier's tracking page from the directory when the caller gives none.
    expect(preview.text).toContain('https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094015902');
    expect(preview.recipient).toMatchObject({ address: 'Anna.Schmidt@example.de', timeZone: 'Europe/Berlin' });
  });

  it('renders every milestone in another locale and on a text channel', () => {
    for (const milestone of MILESTONES) {
      const preview = renderPreview({
        view,
        milestone,
        channel: 'sms',
        locale: 'en-GB',
        links: { unsubscribe: 'https://api.example/u/t' },
      });
      expect(preview.text).toMatch(/^Your shop: /);
      expect(preview.text).toContain('https://api.example/u/t');
    }
  });

  it('says clearly when the parcel or the address is missing', () => {
    expect(() => renderPreview({ view, milestone: 'delivered', channel: 'email', parcelId: 'p9' })).toThrow(NotifyRenderError);
    const noPhone = orderView({ now: '2026-03-31T12:00:00Z', phone: null, parcels: [] });
    expect(() => renderPreview({ view: noPhone, milestone: 'order_confirmed', channel: 'sms' })).toThrow(/no phone number/);
  });
});
