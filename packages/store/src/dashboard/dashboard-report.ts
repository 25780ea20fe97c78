import { StoreError } from '../store-error';
import type { Store } from '../store-types';
import { atRiskCounts, type AtRiskKind, type PickupDeadlineSettings } from './at-risk';
import { carrierPerformance, type LanePerformance } from './carrier-performance';
import { dashboardHealth, type DashboardHealth } from './dashboard-health';
import { updateEffects, type UpdateEffects } from './update-effects';

/** Every figure of the dashboard for one window: what `/v1/stats/report` and `wismo report` give. */
export interface DashboardReport {
  shopId: string;
  since: string;
  until: string;
  atRisk: Record<AtRiskKind, number>;
  /** Deliveries made on or after the window's first day. */
  carriers: LanePerformance[];
  updates: UpdateEffects;
  health: DashboardHealth;
}

/** `30d`, `12h`, `2w` → milliseconds. */
export function parseWindow(text: string): number {
  const match = /^(\d{1,4})([hdw])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0)
    throw new StoreError('invalid_input', `Invalid window "${text}": use a number and h, d or w, e.g. 30d`, {
      issues: [{ path: 'since', message: 'Expected e.g. 30d, 12h or 2w' }],
    });
  return Number(match[1]) * { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[match[2] as 'h' | 'd' | 'w'];
}

export async function dashboardReport(
  store: Store,
  shopId: string,
  options: { since: Date; now?: Date; pickup?: PickupDeadlineSettings },
): Promise<DashboardReport> {
  const now = options.now ?? new Date();
  const [atRisk, carriers, updates, health] = [
    await atRiskCounts(store, shopId, { now, ...(options.pickup ? { pickup: options.pickup } : {}) }),
    await carrierPerformance(store, shopId, { since: options.since.toISOString().slice(0, 10) }),
    await updateEffects(store, shopId, { since: options.since, now }),
    await dashboardHealth(store, shopId, { now }),
  ];
  return { shopId, since: options.since.toISOString(), until: now.toISOString(), atRisk, carriers, updates, health };
}
