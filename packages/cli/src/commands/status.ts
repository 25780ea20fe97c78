import type { StoreCounts } from '@wismo/store';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, type ExitCode } from '../errors';
import { describeStoreUrl, shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';

export interface StatusCommandOptions extends StoreCommandOptions {
  json?: boolean;
}

/** "in 42 min", "3 h ago": how far an instant is from now, for the next-due list. */
export function relativeTime(instant: string, nowMs: number): string {
  const deltaMs = Date.parse(instant) - nowMs;
  const minutes = Math.round(Math.abs(deltaMs) / 60_000);
  const span =
    minutes < 1
      ? 'now'
      : minutes < 90
        ? `${minutes} min`
        : minutes < 48 * 60
          ? `${Math.round(minutes / 60)} h`
          : `${Math.round(minutes / 1440)} d`;
  if (span === 'now') return deltaMs <= 0 ? 'due now' : 'in under a minute';
  return deltaMs < 0 ? `overdue by ${span}` : `in ${span}`;
}

export function formatCounts(counts: StoreCounts, nowMs: number): string {
  const lines: string[] = [];
  const total = counts.active + counts.stopped;
  lines.push(`Trackings   ${total} (${counts.active} watched, ${counts.stopped} stopped)`);
  const statuses = Object.entries(counts.byStatus)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  lines.push('By status');
  if (statuses.length === 0) lines.push('  (none)');
  for (const [status, count] of statuses) lines.push(`  ${status.padEnd(22)} ${String(count).padStart(7)}`);
  lines.push('Delays');
  for (const [delay, count] of Object.entries(counts.byDelay)) lines.push(`  ${delay.padEnd(22)} ${String(count).padStart(7)}`);
  lines.push('Next checks');
  if (counts.nextDue.length === 0) lines.push('  (nothing scheduled)');
  for (const due of counts.nextDue)
    lines.push(
      `  ${due.nextCheckAt}  ${relativeTime(due.nextCheckAt, nowMs).padEnd(18)} ${(due.carrier ?? '?').padEnd(5)} ${due.trackingNumber}  ${due.id}`,
    );
  return lines.join('\n');
}

/** `wismo status`: what the store watches, by status and delay, and the checks due next (times in UTC). */
export async function runStatus(options: StatusCommandOptions, context: CliContext): Promise<ExitCode> {
  const shopId = shopIdFrom(options.shop);
  return withStore(options, context, async (store, url) => {
    const counts = await store.shop(shopId).counts();
    if (options.json) {
      writeLine(
        context.stdout,
        JSON.stringify({ store: describeStoreUrl(url), engine: store.engine, shop: shopId ?? 'default', ...counts }, null, 2),
      );
    } else {
      writeLine(context.stdout, `Store       ${describeStoreUrl(url)} (${store.engine})${shopId ? ` · shop ${shopId}` : ''}`);
      writeLine(context.stdout, formatCounts(counts, Date.now()));
    }
    return EXIT_CODES.ok;
  });
}
