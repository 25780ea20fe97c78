import { createHash } from 'node:crypto';

/** One tracking request as a sandbox carrier received it. */
export interface LoggedRequest {
  carrier: string;
  /** The client id of an OAuth account; an API key only as `key:` + the first 12 hex digits of its SHA-256. */
  account: string;
  /** Wall-clock arrival (ms since the epoch): seconds are counted as a carrier's logs would. */
  atMs: number;
  /** Refused with 429 (the account's bucket was empty). */
  rateLimited: boolean;
  /** The numbers answered (empty when refused). */
  trackingNumbers: string[];
}

export interface BusiestWindow {
  carrier: string;
  account: string;
  /** Start of the window (ms since the epoch). */
  startMs: number;
  requests: number;
}

export interface RequestLog {
  /** Called by the sandbox server for every tracking request of a known account. */
  record(entry: LoggedRequest): void;
  entries(): readonly LoggedRequest[];
  /** Per account, the most requests received in one calendar second (the second and the count). */
  busiestSecondPerAccount(): BusiestWindow[];
  /**
   * Per account, the most requests received in any window of `windowMs` (sliding: a window starts at each
   * request), the way a carrier's own limiter counts.
   */
  busiestWindowPerAccount(windowMs: number): BusiestWindow[];
  /** How many times each number was answered. */
  timesServed(): Map<string, number>;
  clear(): void;
}

/** The label a credential is logged under: client ids as they are, API keys never in clear. */
export function accountLabel(credential: string, kind: 'clientId' | 'apiKey'): string {
  if (kind === 'clientId') return credential;
  return `key:${createHash('sha256').update(credential).digest('hex').slice(0, 12)}`;
}

/**
 * Every tracking request the sandbox carriers received, so a test or a bench can check what a real carrier
 * would see: requests per account per second against its limit, and numbers asked more than once.
 * Pass it as `startSandboxCarriers({ requestLog })`.
 */
export function createRequestLog(): RequestLog {
  let entries: LoggedRequest[] = [];

  function byAccount(): Map<string, LoggedRequest[]> {
    const groups = new Map<string, LoggedRequest[]>();
    for (const entry of entries) {
      const key = `${entry.carrier}\u0000${entry.account}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(entry);
    }
    for (const group of groups.values()) group.sort((a, b) => a.atMs - b.atMs);
    return groups;
  }

  return {
    record(entry) {
      entries.push({ ...entry, trackingNumbers: [...entry.trackingNumbers] });
    },
    entries: () => entries,
    busiestSecondPerAccount() {
      return [...byAccount().values()].map((group) => {
        const perSecond = new Map<number, number>();
        for (const entry of group) {
          const second = Math.floor(entry.atMs / 1000);
          perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
        }
        const [second, requests] = [...perSecond].reduce((best, current) => (current[1] > best[1] ? current : best));
        return { carrier: group[0]!.carrier, account: group[0]!.account, startMs: second * 1000, requests };
      });
    },
    busiestWindowPerAccount(windowMs) {
      return [...byAccount().values()].map((group) => {
        let best = { startMs: group[0]!.atMs, requests: 0 };
        let end = 0;
        for (let start = 0; start < group.length; start += 1) {
          while (end < group.length && group[end]!.atMs < group[start]!.atMs + windowMs) end += 1;
          if (end - start > best.requests) best = { startMs: group[start]!.atMs, requests: end - start };
        }
        return { carrier: group[0]!.carrier, account: group[0]!.account, ...best };
      });
    },
    timesServed() {
      const served = new Map<string, number>();
      for (const entry of entries) for (const number of entry.trackingNumbers) served.set(number, (served.get(number) ?? 0) + 1);
      return served;
    },
    clear() {
      entries = [];
    },
  };
}
