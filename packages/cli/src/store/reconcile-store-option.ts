import type { Store } from '@wismo/store';
import type { CliContext } from '../context';
import { describeStoreUrl, openStore, shopIdFrom } from './open-store';
import { createReconcileStoreRecorder, type StoreRecordCounts } from './reconcile-to-store';

/** `reconcile --store [url]`: the open store and the recorder the engine hands each outcome to. */
export async function openReconcileStore(
  options: { store?: string | boolean; shop?: string },
  context: Pick<CliContext, 'env' | 'cwd'>,
): Promise<{ store: Store; url: string; recorder: ReturnType<typeof createReconcileStoreRecorder> }> {
  const shopId = shopIdFrom(options.shop);
  const { store, url } = await openStore({ ...(typeof options.store === 'string' ? { store: options.store } : {}) }, context);
  return { store, url, recorder: createReconcileStoreRecorder(store, shopId ? { shopId } : {}) };
}

export function describeStoreRecording(counts: StoreRecordCounts, url: string): string {
  const withoutCarrier = counts.withoutCarrier > 0 ? `; ${counts.withoutCarrier} row(s) without a carrier are only in the output` : '';
  return `Store: ${counts.recorded} result(s) recorded in ${describeStoreUrl(url)} (${counts.changed} changed what it knew, ${counts.events} event(s))${withoutCarrier}; \`wismo worker\` keeps checking them.`;
}
