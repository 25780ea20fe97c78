import type { TrackManyOutcome } from '@wismo/core';
import { createCliTracker, loadConfig } from '../config';
import { writeLine, type CliContext } from '../context';
import { EXIT_CODES, usageError, type ExitCode } from '../errors';
import { adviceFor, formatShipment } from '../format';
import { startSandboxTracker } from './sandbox-tracker';

export interface TrackCommandOptions {
  carrier?: string;
  json?: boolean;
  config?: string;
  /** Events to show per shipment: a number or `all`. Default 10. */
  events?: string;
  timeout?: string;
  /** Track against the sandbox carriers on loopback instead of the real ones (no credentials). */
  sandbox?: boolean;
}

function parseEvents(value: string | undefined): number | undefined {
  if (value === undefined) return 10;
  if (value === 'all') return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw usageError(`--events must be a number or "all", not "${value}".`);
  return count;
}

function outcomeJson(outcome: TrackManyOutcome) {
  return outcome.ok
    ? { trackingNumber: outcome.trackingNumber, carrier: outcome.carrier, ok: true, shipment: outcome.shipment }
    : {
        trackingNumber: outcome.trackingNumber,
        carrier: outcome.carrier,
        ok: false,
        error: { ...outcome.error.toJSON(), advice: adviceFor(outcome.error) },
      };
}

/** `wismo track <number...>`: a readable timeline per number (or JSON); exit 1 when any number had no answer. */
export async function runTrack(numbers: readonly string[], options: TrackCommandOptions, context: CliContext): Promise<ExitCode> {
  const maxEvents = parseEvents(options.events);
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout) * 1000;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw usageError(`--timeout must be a number of seconds, not "${options.timeout}".`);
  const carrier = options.carrier?.toLowerCase();
  const sandbox = options.sandbox ? await startSandboxTracker(context, { cache: true, ...(timeoutMs ? { timeoutMs } : {}) }) : null;
  let outcomes: TrackManyOutcome[];
  try {
    let tracker = sandbox?.tracker;
    if (!tracker) {
      const config = loadConfig({ env: context.env, cwd: context.cwd, ...(options.config ? { configPath: options.config } : {}) });
      if (carrier && !config.carriers[carrier as keyof typeof config.carriers]) {
        const configured = Object.keys(config.carriers).join(', ');
        throw usageError(
          `--carrier ${carrier} is not configured (configured: ${configured}).`,
          `Set the credentials of ${carrier} (see \`wismo --help\`), or leave --carrier out to detect the carrier from the number.`,
        );
      }
      tracker = createCliTracker(config, { transport: timeoutMs ? { timeoutMs } : {} });
    } else if (carrier && !sandbox!.carrierIds.includes(carrier)) {
      throw usageError(`--carrier ${carrier} has no sandbox (sandbox carriers: ${sandbox!.carrierIds.join(', ')}).`);
    }
    outcomes = await tracker.trackMany(numbers.map((trackingNumber) => (carrier ? { trackingNumber, carrier } : { trackingNumber })));
  } finally {
    await sandbox?.close();
  }
  if (options.json) {
    writeLine(context.stdout, JSON.stringify(outcomes.map(outcomeJson), null, 2));
  } else {
    outcomes.forEach((outcome, index) => {
      if (index > 0) writeLine(context.stdout);
      if (outcome.ok) {
        writeLine(context.stdout, formatShipment(outcome.shipment, maxEvents === undefined ? {} : { maxEvents }));
        if (outcome.detection?.ambiguous)
          writeLine(
            context.stdout,
            `  (the number also fits ${outcome.detection.candidates.filter((id) => id !== outcome.carrier).join(', ')}; --carrier picks one)`,
          );
      } else {
        writeLine(
          context.stdout,
          `${outcome.carrier ? `${outcome.carrier.toUpperCase()} ` : ''}${outcome.trackingNumber}: ${outcome.error.code} — ${outcome.error.message}`,
        );
        const advice = adviceFor(outcome.error);
        if (advice) writeLine(context.stdout, `  ${advice}`);
      }
    });
  }
  return outcomes.every((outcome) => outcome.ok) ? EXIT_CODES.ok : EXIT_CODES.findings;
}
