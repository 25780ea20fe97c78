import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildOrderView } from '@wismo/order-view';
import { CUSTOMER_CHANNELS, MILESTONES, createNotificationAdmin, renderPreview, type CustomerChannel, type Milestone } from '@wismo/notify';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, runtimeError, usageError, type ExitCode } from '../errors';
import { shopIdFrom, withStore, type StoreCommandOptions } from '../store/open-store';
import { carrierDirectoryAdapters } from '../config';

export interface NotifyPreviewOptions extends StoreCommandOptions {
  order?: string;
  milestone?: string;
  locale?: string;
  channel?: string;
  parcel?: string;
  /** Write the email's HTML here instead of printing the text. */
  output?: string;
}

/**
 * `wismo notify preview`: the message a customer would get for a milestone, rendered from the order in the
 * store and the shop's notification settings (brand), without sending and without asking a carrier.
 */
export async function runNotifyPreview(options: NotifyPreviewOptions, context: CliContext): Promise<ExitCode> {
  if (!options.order) throw usageError('--order is required.', 'Give the id of an order in the store, e.g. --order ord_1001.');
  const milestone = options.milestone ?? 'out_for_delivery';
  if (!(MILESTONES as readonly string[]).includes(milestone))
    throw usageError(`--milestone "${milestone}" is not a milestone.`, `One of: ${MILESTONES.join(', ')}.`);
  const channel = options.channel ?? 'email';
  if (!(CUSTOMER_CHANNELS as readonly string[]).includes(channel))
    throw usageError(`--channel "${channel}" is not a channel.`, `One of: ${CUSTOMER_CHANNELS.join(', ')}.`);
  if (options.output && channel !== 'email') throw usageError('--output writes an email’s HTML: use it with --channel email.');
  const shopId = shopIdFrom(options.shop);
  const orderId = options.order;

  return withStore(options, context, async (store) => {
    const shop = store.shop(shopId);
    const order = await shop.orders.getOrderById(orderId);
    if (!order)
      throw usageError(
        `The store has no order "${orderId}"${shopId ? ` in shop ${shopId}` : ''}.`,
        'Import orders with wismo import, or PUT /v1/orders/{id}.',
      );
    const trackings = await shop.listTrackings({ orderId, limit: 500 });
    const shipments = trackings.items.flatMap((tracking) => (tracking.shipment ? [tracking.shipment] : []));
    const view = buildOrderView(order, shipments, { now: new Date(), carriers: carrierDirectoryAdapters() });
    const settings = await createNotificationAdmin(store).getSettings(shopId ?? 'default');
    let message;
    try {
      message = renderPreview({
        view,
        milestone: milestone as Milestone,
        channel: channel as CustomerChannel,
        brand: settings.brand,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.parcel ? { parcelId: options.parcel } : {}),
      });
    } catch (error) {
      throw runtimeError(`Cannot preview ${milestone} for order ${orderId}: ${(error as Error).message}`, undefined, error);
    }
    if (options.output) {
      const path = resolve(context.cwd, options.output);
      await writeFile(path, message.html ?? '', 'utf8');
      writeLine(context.stdout, `Wrote the ${message.language} email for ${milestone} to ${path} (subject: ${message.subject}).`);
      return EXIT_CODES.ok;
    }
    writeLine(context.stdout, `To:       ${message.recipient.address} (${channel}, ${message.language})`);
    if (message.subject) writeLine(context.stdout, `Subject:  ${message.subject}`);
    writeLine(context.stdout, '');
    writeLine(context.stdout, message.text);
    return EXIT_CODES.ok;
  });
}
