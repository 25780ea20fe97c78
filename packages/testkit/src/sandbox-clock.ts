/** The time the sandbox carriers live in: journeys (and token lifetimes) follow it. */
export interface SandboxClock {
  now(): Date;
  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void;
  set(date: Date): void;
}

/**
 * A controllable clock that stands still until it is moved: `advance(ms)` and `set(date)`. Starts at
 * `start` (default: now). Pass it as `clock` to `startSandboxCarriers` to move journeys forward at will.
 */
export function createSandboxClock(start: Date = new Date()): SandboxClock {
  let current = start.getTime();
  if (!Number.isFinite(current)) throw new RangeError('createSandboxClock: start is not a valid date');
  return {
    now: () => new Date(current),
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('SandboxClock.advance: ms must be a finite number');
      current += ms;
    },
    set(date) {
      const time = date.getTime();
      if (!Number.isFinite(time)) throw new RangeError('SandboxClock.set: not a valid date');
      current = time;
    },
  };
}

/** The default clock: real time, which `advance` and `set` shift by an offset (time keeps running). */
export function createRealTimeClock(): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('SandboxClock.advance: ms must be a finite number');
      offsetMs += ms;
    },
    set(date) {
      const time = date.getTime();
      if (!Number.isFinite(time)) throw new RangeError('SandboxClock.set: not a valid date');
      offsetMs = time - Date.now();
    },
  };
}
