import { createTracker, type CarrierRequestObserver, type Tracker } from '@wismo/core';
import { writeLine, type CliContext } from '../context';
import { runtimeError } from '../errors';

/** Documented rate limits with time compressed this much, as in `wismo demo`: pacing shows, runs take seconds. */
const SANDBOX_TIME_SCALE = 60;

export interface SandboxTracker {
  tracker: Tracker;
  carrierIds: readonly string[];
  close(): Promise<void>;
}

/**
 * `--sandbox`: the testkit's sandbox carriers on 127.0.0.1 (the UPS, FedEx, USPS and DHL APIs as documented)
 * and the real adapters pointed at them, so that `track` and `reconcile` run without credentials. The
 * sandbox knows its own numbers (those of `examples/orders.csv`); any other number is not found.
 */
export async function startSandboxTracker(
  context: CliContext,
  /** `requestObserver`: told of every request the adapters send (the worker counts them for the health page). */
  options: { cache: boolean; timeoutMs?: number; requestObserver?: CarrierRequestObserver },
): Promise<SandboxTracker> {
  // Loaded here: the other paths of the CLI never need the sandbox.
  const { startSandboxCarriers } = await import('@wismo/testkit');
  let sandbox;
  try {
    sandbox = await startSandboxCarriers({ host: '127.0.0.1', rateLimits: 'documented', timeScale: SANDBOX_TIME_SCALE, seed: 1 });
  } catch (error) {
    throw runtimeError(
      `Could not start the sandbox carriers on 127.0.0.1: ${(error as Error).message}.`,
      'Check that loopback networking is available.',
      error,
    );
  }
  writeLine(
    context.stderr,
    `Using the sandbox carriers on 127.0.0.1 (no credentials; they know the numbers of examples/orders.csv, other numbers are not found).`,
  );
  const carriers = sandbox.createAdapters({
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.requestObserver ? { requestObserver: options.requestObserver } : {}),
  });
  const tracker = createTracker({ carriers, cache: options.cache ? { max: 2_000 } : false });
  return { tracker, carrierIds: carriers.map((carrier) => carrier.id), close: () => sandbox.close() };
}
