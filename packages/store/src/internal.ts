// For wismo's own packages (the notification dispatcher): not a stable API.
export { storeDatabase, type StoreDatabase } from './database/store-database';
export type * from './database/tables';
