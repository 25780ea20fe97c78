import {
  CUSTOMER_CHANNELS,
  MILESTONES,
  type Brand,
  type CustomerChannel,
  type Milestone,
  type NotificationSettings,
  type QuietMode,
} from '../notification-types';

/** Texts go out only where a phone call would be welcome; email carries every milestone. WhatsApp is opt-in per shop. */
const TEXTED: ReadonlySet<Milestone> = new Set<Milestone>([
  'shipped',
  'out_for_delivery',
  'delivery_attempt_failed',
  'ready_for_pickup',
  'pickup_reminder',
  'delivered',
  'exception',
]);

export const DEFAULT_BRAND: Brand = { name: 'Your shop', colour: '#1f4b99', logoUrl: null, supportEmail: null };

function defaultMilestones(): Record<Milestone, Record<CustomerChannel, boolean>> {
  const table = {} as Record<Milestone, Record<CustomerChannel, boolean>>;
  for (const milestone of MILESTONES) {
    table[milestone] = { email: true, sms: TEXTED.has(milestone), whatsapp: false };
  }
  return table;
}

function defaultQuietModes(): Record<Milestone, QuietMode> {
  const modes = {} as Record<Milestone, QuietMode>;
  for (const milestone of MILESTONES) modes[milestone] = 'hold';
  return modes;
}

export type NotificationSettingsInput = Partial<Omit<NotificationSettings, 'milestones' | 'quietMode' | 'brand'>> & {
  milestones?: Partial<Record<Milestone, Partial<Record<CustomerChannel, boolean>>>>;
  quietMode?: Partial<Record<Milestone, QuietMode>>;
  brand?: Partial<Brand>;
};

export class NotificationSettingsError extends Error {
  readonly code = 'invalid_notification_settings';
  constructor(message: string) {
    super(message);
    this.name = 'NotificationSettingsError';
  }
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A shop's settings with every default filled in; throws `NotificationSettingsError` on a bad value. */
export function resolveNotificationSettings(input: NotificationSettingsInput = {}): NotificationSettings {
  const milestones = defaultMilestones();
  for (const [milestone, channels] of Object.entries(input.milestones ?? {})) {
    if (!(milestone in milestones)) throw new NotificationSettingsError(`Unknown milestone "${milestone}"`);
    for (const [channel, on] of Object.entries(channels ?? {})) {
      if (!(CUSTOMER_CHANNELS as readonly string[]).includes(channel)) throw new NotificationSettingsError(`Unknown channel "${channel}"`);
      milestones[milestone as Milestone][channel as CustomerChannel] = Boolean(on);
    }
  }
  const quietMode = { ...defaultQuietModes(), ...input.quietMode };
  const quietHours = input.quietHours === undefined ? { start: '21:00', end: '08:00' } : input.quietHours;
  if (quietHours !== null && (!WALL_TIME.test(quietHours.start) || !WALL_TIME.test(quietHours.end))) {
    throw new NotificationSettingsError('Quiet hours must be HH:mm (24 h)');
  }
  const settings: NotificationSettings = {
    milestones,
    quietHours: quietHours as NotificationSettings['quietHours'],
    quietMode,
    digestWindowMinutes: input.digestWindowMinutes ?? 15,
    dailyCapPerCustomer: input.dailyCapPerCustomer ?? 5,
    staleAfterHours: input.staleAfterHours ?? 72,
    pickupReminderHoursBefore: input.pickupReminderHoursBefore ?? 24,
    shopTimeZone: input.shopTimeZone ?? 'UTC',
    brand: { ...DEFAULT_BRAND, ...input.brand },
  };
  for (const key of ['digestWindowMinutes', 'dailyCapPerCustomer', 'staleAfterHours', 'pickupReminderHoursBefore'] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0) throw new NotificationSettingsError(`${key} must be a number ≥ 0`);
  }
  if (!isTimeZone(settings.shopTimeZone)) throw new NotificationSettingsError(`Unknown time zone "${settings.shopTimeZone}"`);
  return settings;
}

// Building an Intl formatter to test a zone costs ~100 µs: remember the answer per zone name.
const knownZones = new Map<string, boolean>();

export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size > 1_000) knownZones.clear();
    knownZones.set(zone, known);
  }
  return known;
}

/**
 * A shop's settings: its stored values over the deployment's defaults over wismo's, field by field (a
 * milestone's channels, quiet modes and brand one by one). Throws `NotificationSettingsError` on a bad value.
 */
export function shopNotificationSettings(
  shopTimeZone: string,
  defaults: NotificationSettingsInput | undefined,
  stored: NotificationSettingsInput,
): NotificationSettings {
  return resolveNotificationSettings({
    shopTimeZone,
    ...defaults,
    ...stored,
    milestones: { ...defaults?.milestones, ...stored.milestones },
    quietMode: { ...defaults?.quietMode, ...stored.quietMode },
    brand: { ...defaults?.brand, ...stored.brand },
  });
}
