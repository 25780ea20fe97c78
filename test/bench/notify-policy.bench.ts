/**
 * Notification policy cost: deciding (planNotifications: switches, opt-out, first occurrence, overtaken,
 * staleness, quiet hours in the customer's zone, daily cap) and rendering (renderMessage: catalogue words,
 * dates through Intl, email HTML and text, or the SMS text) 100,000 messages, against `JSON.stringify` of the
 * same inputs, measured in the same process with core's `costRatio`. There is no goal: the ratio is reported.
 *
 *   pnpm bench notify-policy
 */
import { costRatio } from '../../packages/core/src/testing/cost-ratio';
import { renderMessage } from '../../packages/notify/src/messages/render-message';
import { MILESTONES, type Milestone, type MilestoneOccurrence } from '../../packages/notify/src/notification-types';
import { EMPTY_POLICY_STATE, planNotifications, type PlanCustomer } from '../../packages/notify/src/policy/plan-notifications';
import { resolveNotificationSettings } from '../../packages/notify/src/policy/settings';

const MESSAGES = 100_000;
const ZONES = ['Europe/Berlin', 'Europe/Amsterdam', 'Europe/Paris', 'Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo'];
const LOCALES = ['en-GB', 'de-DE', 'nl-NL', 'fr-FR', 'es-ES', 'de-AT', 'en-US'];
const CUSTOMER_MILESTONES = MILESTONES.filter((milestone) => milestone !== 'pickup_reminder');

const settings = resolveNotificationSettings({
  shopTimeZone: 'Europe/Berlin',
  dailyCapPerCustomer: 10,
  // Every milestone on email and SMS, so that each input (one address) makes one message.
  milestones: Object.fromEntries(MILESTONES.map((milestone) => [milestone, { email: true, sms: true, whatsapp: false }])),
  brand: { name: 'Bergwerk Outdoor', colour: '#1f4b99', logoUrl: 'https://shop.example/logo.png' },
});
const links = { trackingPage: 'https://track.example/o/1042?t=abc', unsubscribe: 'https://api.example/u/signed-token' };

interface Input {
  occurrence: MilestoneOccurrence;
  customer: PlanCustomer;
  now: Date;
}

function inputs(): Input[] {
  const start = Date.parse('2026-03-20T00:00:00Z');
  return Array.from({ length: MESSAGES }, (_, index) => {
    const milestone = CUSTOMER_MILESTONES[index % CUSTOMER_MILESTONES.length] as Milestone;
    const channel = index % 3 === 0 ? 'sms' : 'email';
    const at = new Date(start + index * 97_000).toISOString();
    return {
      now: new Date(at),
      customer: {
        id: `cus_${index}`,
        givenName: 'Anna',
        email: channel === 'email' ? `customer${index}@example.com` : null,
        phone: channel === 'sms' ? `+4917055${String(index).padStart(5, '0')}` : null,
        locale: LOCALES[index % LOCALES.length] as string,
        timeZone: ZONES[index % ZONES.length] as string,
      },
      occurrence: {
        milestone,
        shopId: 'default',
        orderId: `ord_${index}`,
        parcelId: milestone === 'order_confirmed' ? null : 'p1',
        occurredAt: at,
        firstSeenAt: at,
        sourceEventIds: [String(index)],
        facts: {
          orderNumber: String(10_000 + index),
          carrierName: 'DHL',
          trackingNumber: `00340434161094${String(index).padStart(6, '0')}`,
          previousTrackingNumber: milestone === 'tracking_number_changed' ? '00340434161094000000' : null,
          expectedDate: { from: '2026-04-02', to: index % 2 === 0 ? '2026-04-02' : '2026-04-03' },
          previousExpectedDate: milestone === 'expected_date_changed' ? { from: '2026-03-31', to: '2026-03-31' } : null,
          place: milestone === 'delivered' || milestone === 'ready_for_pickup' ? 'Packstation 123, Köln' : null,
          deadline: null,
          signedBy: null,
          reason: milestone === 'exception' ? 'customs' : milestone === 'delayed' ? 'late' : null,
          actor: milestone === 'exception' ? 'customs' : 'carrier',
          carrierContact: { phone: '+49 228 4333112', url: 'https://www.dhl.de/kundenservice' },
          parcelCount: null,
        },
      },
    };
  });
}

export default async function runNotifyPolicyBenchmark(): Promise<void> {
  const all = inputs();
  let rendered = 0;
  let bytes = 0;
  const decideAndRender = (): void => {
    rendered = 0;
    for (const input of all) {
      const decisions = planNotifications({
        occurrences: [input.occurrence],
        customer: input.customer,
        settings,
        state: EMPTY_POLICY_STATE,
        now: input.now,
      });
      for (const decision of decisions) {
        if (decision.kind !== 'queue') continue;
        const message = renderMessage(decision.message, { brand: settings.brand, links });
        rendered += 1;
        bytes += message.text.length;
      }
    }
  };
  const stringify = (): void => {
    for (const input of all) bytes += JSON.stringify(input).length;
  };
  decideAndRender();
  const result = costRatio(decideAndRender, stringify);
  console.log(
    `decide + render ${rendered.toLocaleString('en-US')} messages (from ${MESSAGES.toLocaleString('en-US')} inputs) vs JSON.stringify of the same inputs\n` +
      `  JSON.stringify: ${result.baselineMs.toFixed(0)} ms per 100k\n` +
      `  decide + render: ${result.costMs.toFixed(0)} ms per 100k (${((result.costMs * 1000) / MESSAGES).toFixed(1)} µs per message)\n` +
      `  cost ratio ${result.ratio.toFixed(1)}× (best of three interleaved rounds; no goal, reported)`,
  );
  if (bytes === 0) throw new Error('nothing was produced');
}
