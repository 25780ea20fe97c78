/** Milliseconds from `nowMs` until the next 00:00 UTC, when carriers with a daily quota (FedEx, GLS) reset it. */
export function millisecondsUntilUtcMidnight(nowMs: number = Date.now()): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - nowMs;
}
