/** Shared by the crash test and its child: rows in flight at once are at most `concurrency`. */
export const CRASH_SETTINGS = { batchSize: 10, concurrency: 4, leaseMs: 1_500 } as const;
