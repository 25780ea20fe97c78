export type StoreErrorCode = 'invalid_url' | 'invalid_input' | 'not_found' | 'migration_failed' | 'closed' | 'unavailable';

export interface StoreErrorIssue {
  /** Where in the input, e.g. `customer.timeZone`. */
  path: string;
  message: string;
}

/** A store problem with a stable `code`; the message never carries the database URL's password. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly issues: readonly StoreErrorIssue[];

  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown; issues?: StoreErrorIssue[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}
