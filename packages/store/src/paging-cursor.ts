import { StoreError } from './store-error';

/** Keyset paging over tracking ids: the cursor is the last id of the page, opaque to callers. */
export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^trk_[0-9a-z]+$/.test(id))
    throw new StoreError('invalid_input', 'Invalid cursor: pass the nextCursor of the previous page unchanged');
  return id;
}
