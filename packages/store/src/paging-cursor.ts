import { StoreError } from './store-error';

/** Keyset paging over ids (tracking ids unless told): the cursor is the last id of the page, opaque to callers. */
export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string, idPrefix = 'trk'): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!new RegExp(`^${idPrefix}_[0-9a-z]+$`).test(id))
    throw new StoreError('invalid_input', 'Invalid cursor: pass the nextCursor of the previous page unchanged');
  return id;
}
