// For the SQLite thread test: watches a number in a store file and ends without closing the store.
// Usage: node --import tsx open-store-child.ts <store url>
import { createStore } from '../create-store';

const store = await createStore({ url: process.argv[2]! });
const tracking = await store.shop().watch('1Z999AA10123456784', { carrier: 'ups' });
process.stdout.write(`watched ${tracking.trackingNumber}\n`);
