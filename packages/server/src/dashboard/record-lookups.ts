import { logSafely, type Logger } from '@wismo/core';
import { DEFAULT_SHOP_ID, recordOrderLookup, type OrderLookupSource, type Store } from '@wismo/store';

/** Records that an order of the default shop was looked at; never delays or fails the page that looked. */
export type LookupRecorder = (source: OrderLookupSource, orderId: string) => void;

export function createLookupRecorder(store: Store, logger: Logger | undefined, now: () => Date): LookupRecorder {
  return (source, orderId) => {
    recordOrderLookup(store, { shopId: DEFAULT_SHOP_ID, orderId, source, at: now() }).catch((error: unknown) =>
      logSafely(logger, 'warn', 'wismo dashboard: an order look-up was not recorded', {
        source,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  };
}

type Served = { view: { order: { id: string } } } | null;

interface ViewServiceLike<O> {
  viewById(orderId: string, options?: O): Promise<Served>;
  viewByNumber(orderNumber: string, options?: O): Promise<Served>;
}

/** The order-view service as the helpdesk panels use it, recording each order a panel showed (a customer contact). */
export function withHelpdeskLookups<O, T extends ViewServiceLike<O>>(service: T, record: LookupRecorder): T {
  const recorded = async <R extends Served>(served: Promise<R>): Promise<R> => {
    const result = await served;
    if (result) record('helpdesk_panel', result.view.order.id);
    return result;
  };
  return {
    ...service,
    viewById: (orderId: string, options?: O) => recorded(service.viewById(orderId, options)),
    viewByNumber: (orderNumber: string, options?: O) => recorded(service.viewByNumber(orderNumber, options)),
  };
}
