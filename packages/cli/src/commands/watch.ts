import { detectCarrier, normaliseTrackingNumber } from '@wismo/core';
import type { ShopStore, TrackedShipment } from '@wismo/store';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, type ExitCode } from '../errors';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';

export interface WatchCommandOptions extends StoreCommandOptions {
  carrier?: string;
  order?: string;
  json?: boolean;
}

/** One line per tracking, as `watch` and `import` print them. */
export function describeTracking(tracking: TrackedShipment): string {
  const next = tracking.stoppedReason
    ? `stopped (${tracking.stoppedReason})`
    : tracking.nextCheckAt
      ? `next check ${tracking.nextCheckAt}`
      : 'no check planned';
  return `${tracking.id}  ${(tracking.carrier ?? '?').padEnd(5)} ${tracking.trackingNumber}${tracking.orderId ? `  order ${tracking.orderId}` : ''}  ${tracking.status}  ${next}`;
}

/**
 * The tracking a number already has, found the way `watch` would pick its carrier: named, the only match, or
 * for a number several carriers' formats match, the tracking still without a carrier or settled on one of them.
 */
export async function existingTracking(
  shop: ShopStore,
  trackingNumber: string,
  carrier: string | undefined,
): Promise<TrackedShipment | null> {
  const number = normaliseTrackingNumber(trackingNumber);
  const carriers = carrier ? [carrier] : [...new Set(detectCarrier(number).map((candidate) => candidate.carrier))];
  if (carriers.length === 1) return shop.findTracking(carriers[0]!, number);
  for (const candidate of [null, ...carriers]) {
    const found = await shop.findTracking(candidate, number);
    if (found) return found;
  }
  return null;
}

/**
 * The carrier a number will be watched with: the one named, else none (the store detects it; an
 * ambiguous number is settled by the first answer). A number no carrier's format matches is refused:
 * the worker could never ask anyone about it.
 */
export function checkWatchable(trackingNumber: string, carrier: string | undefined): void {
  if (carrier) return;
  if (detectCarrier(normaliseTrackingNumber(trackingNumber)).length === 0) {
    throw new Error(`no carrier uses the format of this number; name the carrier (--carrier)`);
  }
}

/**
 * `wismo watch <number…>`: the store watches the numbers (idempotent: a number already watched keeps its
 * tracking). The carrier is detected from each number unless `--carrier` says it. A number that cannot be
 * watched is reported and the others still are (exit 1).
 */
export async function runWatch(numbers: readonly string[], options: WatchCommandOptions, context: CliContext): Promise<ExitCode> {
  const shopId = shopIdFrom(options.shop);
  return withStore(options, context, async (store) => {
    const shop = store.shop(shopId);
    let failed = 0;
    for (const number of numbers) {
      try {
        checkWatchable(number, options.carrier);
        const known = await existingTracking(shop, number, options.carrier?.toLowerCase());
        const tracking = await shop.watch(number, {
          ...(options.carrier ? { carrier: options.carrier.toLowerCase() } : {}),
          ...(options.order ? { orderId: options.order } : {}),
        });
        if (options.json) writeLine(context.stdout, JSON.stringify({ ok: true, created: known === null, tracking }));
        else writeLine(context.stdout, `${known ? 'already watched' : 'watching'}  ${describeTracking(tracking)}`);
      } catch (error) {
        failed += 1;
        const message = (error as Error)?.message ?? String(error);
        if (options.json) writeLine(context.stdout, JSON.stringify({ ok: false, trackingNumber: number, error: message }));
        writeLine(context.stderr, `wismo watch: ${number}: ${message}`);
      }
    }
    if (failed > 0) writeLine(context.stderr, `${failed} of ${numbers.length} number(s) not watched.`);
    return failed > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
  });
}
