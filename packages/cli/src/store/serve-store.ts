import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PushSubscriber, Tracker } from '@wismo/core';
import type { CarrierRequestCounter, Store } from '@wismo/store';
import { createRoundPrinter } from '../commands/worker';
import { writeLine, type CliContext } from '../context';
import { describeFileError, usageError } from '../errors';
import { describeStoreUrl, openStore } from './open-store';

/**
 * The store of `wismo serve`: opened (and migrated); with `--orders`, the file's orders are stored in the
 * default shop first (replacing earlier versions), so the API, the tracking page and the helpdesk panels
 * read them from the store. A bad order stops the start with its problem: none is skipped silently.
 */
export async function openStoreForServe(
  options: { store?: string | false; orders?: string },
  context: CliContext,
): Promise<{ store: Store; description: string }> {
  let orders: unknown[] | null = null;
  if (options.orders) {
    const path = resolve(context.cwd, options.orders);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw usageError(`Cannot read --orders ${options.orders}: ${describeFileError(error)}.`);
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of orders');
      orders = parsed;
    } catch (error) {
      throw usageError(`--orders ${options.orders} is not a JSON array of orders: ${(error as Error).message}.`);
    }
  }
  const { store, url } = await openStore(typeof options.store === 'string' ? { store: options.store } : {}, context);
  try {
    if (orders) {
      const shop = store.shop();
      for (const [index, order] of orders.entries()) {
        try {
          await shop.upsertOrder(order as never);
        } catch (error) {
          throw usageError(
            `Order ${index + 1} of ${options.orders} was not stored: ${(error as Error).message}`,
            'Fix the order (see @wismo/order-view for the fields) and start again.',
          );
        }
      }
      writeLine(context.stdout, `Stored ${orders.length} order(s) from ${options.orders} in ${describeStoreUrl(url)}.`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store, description: `${describeStoreUrl(url)} (${store.engine})` };
}

/** `wismo serve --worker`: the refresh scheduler beside the server, printing plain lines of what it did. */
export async function runServeWorker(
  store: Store,
  tracker: Tracker,
  signal: AbortSignal,
  context: CliContext,
  /** Carrier push accounts whose subscriptions the scheduler makes and renews (serve-push.ts). */
  pushSubscribers: readonly PushSubscriber[] = [],
  /** The counter whose observers the tracker's adapters were given: flushed by the scheduler after each batch. */
  requestCounter?: CarrierRequestCounter,
): Promise<void> {
  const { createScheduler } = await import('@wismo/store');
  const scheduler = createScheduler({
    store,
    tracker,
    ...(pushSubscribers.length > 0 ? { pushSubscribers } : {}),
    ...(requestCounter ? { requestCounter } : {}),
  });
  const printer = createRoundPrinter(context.stdout, { live: false, events: false });
  // The dispatcher runs beside the scheduler, as in `wismo worker`, when a channel is configured.
  const { createWorkerNotifications } = await import('../notify/worker-notifications');
  const notifications = await createWorkerNotifications(store, context.env).catch((error: unknown) => {
    writeLine(context.stderr, `wismo serve: notifications are off: ${(error as Error)?.message ?? String(error)}`);
    return null;
  });
  if (notifications?.kind === 'off') writeLine(context.stdout, `Notifications are off: ${notifications.reason}.`);
  if (notifications?.kind === 'on') {
    notifications.dispatcher.start();
    writeLine(context.stdout, `Notifications: sending by ${notifications.channels.join(', ')}.`);
  }
  try {
    await scheduler.run(signal, (report) => printer.round(report));
  } catch (error) {
    writeLine(context.stderr, `wismo serve: the worker stopped: ${(error as Error)?.message ?? String(error)}`);
  } finally {
    if (notifications?.kind === 'on') {
      await notifications.dispatcher.stop();
      await notifications.close();
    }
  }
}
