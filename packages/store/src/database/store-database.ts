import type { Kysely } from 'kysely';
import type { Store, StoreEngine } from '../store-types';
import { withWriteTransaction } from './open-database';
import type { Database } from './tables';

/** The database behind a store, for packages that keep their own tables in it (the notification dispatcher). */
export interface StoreDatabase {
  db: Kysely<Database>;
  engine: StoreEngine;
  /** A write transaction (`BEGIN IMMEDIATE` on SQLite, so that two processes never deadlock upgrading a lock). */
  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
}

const databases = new WeakMap<Store, StoreDatabase>();

export function registerStoreDatabase(store: Store, db: Kysely<Database>, engine: StoreEngine): void {
  databases.set(store, { db, engine, writeTransaction: (work) => withWriteTransaction(db, engine, work) });
}

/** The Kysely handle of a store made by `createStore`; throws for any other object. */
export function storeDatabase(store: Store): StoreDatabase {
  const found = databases.get(store);
  if (!found) throw new TypeError('storeDatabase: this store was not made by createStore');
  return found;
}
