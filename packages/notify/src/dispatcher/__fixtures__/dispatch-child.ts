// A dispatcher process for the crash test: the parent kills it with SIGKILL part-way through a batch.
// Usage: node --import tsx dispatch-child.ts <store url> <smtp url>
import { createStore } from '@wismo/store';
import { createEmailChannel } from '../../channels/email-channel';
import { createDispatcher } from '../create-dispatcher';
import { CRASH_SETTINGS } from './crash-settings';

const [url, smtpUrl] = process.argv.slice(2);
if (!url || !smtpUrl) {
  console.error('usage: dispatch-child.ts <store url> <smtp url>');
  process.exit(2);
}

const store = await createStore({ url });
const email = createEmailChannel({ url: smtpUrl, from: 'orders@shop.example', maxConnections: CRASH_SETTINGS.concurrency });
const dispatcher = createDispatcher({
  store,
  channels: { email },
  settings: { quietHours: null },
  links: { publicUrl: 'https://track.shop.example', unsubscribeSecret: 'unsubscribe-secret-0123456789' },
  batchSize: CRASH_SETTINGS.batchSize,
  concurrency: CRASH_SETTINGS.concurrency,
  leaseMs: CRASH_SETTINGS.leaseMs,
});
for (;;) {
  const report = await dispatcher.runOnce();
  process.stdout.write(`round sent=${report.sent} claimed=${report.claimed}\n`);
  if (report.claimed === 0 && report.events === 0) break;
}
process.stdout.write('done\n');
await email.close?.();
await store.close();
