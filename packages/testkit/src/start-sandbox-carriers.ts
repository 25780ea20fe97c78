import type { TransportSettings } from '@wismo/core';
import { ausPostSandbox } from './auspost-sandbox';
import { canadaPostSandbox } from './canadapost-sandbox';
import { WISMO_CARRIERS } from './carrier-registry';
import { dhlParcelDeSandbox } from './dhl-parcel-de-sandbox';
import { dhlSandbox } from './dhl-sandbox';
import { dpdSandbox } from './dpd-sandbox';
import { bpostSandbox } from './bpost-sandbox';
import { fedexSandbox } from './fedex-sandbox';
import { glsSandbox } from './gls-sandbox';
import { postnlSandbox } from './postnl-sandbox';
import { laposteSandbox } from './laposte-sandbox';
import { HERMES_SANDBOX_USER, hermesSandbox } from './hermes-sandbox';
import type { SandboxCarrier } from './sandbox-carrier';
import { createRealTimeClock } from './sandbox-clock';
import { generateSandboxNumbers } from './sandbox-numbers';
import { startCarrierServer, type CarrierServer } from './sandbox-server';
import { createSeededRandom, hashString } from './seeded-random';
import { royalMailSandbox } from './royalmail-sandbox';
import {
  SANDBOX_CARRIER_IDS,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
  type SandboxCredentials,
  type SandboxOptions,
  type SandboxRateLimit,
  type SandboxStats,
} from './sandbox-types';
import { upsSandbox } from './ups-sandbox';
import { uspsSandbox } from './usps-sandbox';

export const SANDBOX_CARRIERS: Readonly<Record<SandboxCarrierId, SandboxCarrier>> = {
  ups: upsSandbox,
  fedex: fedexSandbox,
  usps: uspsSandbox,
  dhl: dhlSandbox,
  dhlparcelde: dhlParcelDeSandbox,
  gls: glsSandbox,
  postnl: postnlSandbox,
  laposte: laposteSandbox,
  hermes: hermesSandbox,
  dpd: dpdSandbox,
  bpost: bpostSandbox,
  auspost: ausPostSandbox,
  royalmail: royalMailSandbox,
  canadapost: canadaPostSandbox,
};

/** The credentials every sandbox carrier accepts unless `credentials` says otherwise. */
export const SANDBOX_CREDENTIALS: Readonly<Record<SandboxCarrierId, SandboxCredentials>> = {
  ups: { clientId: 'wismo-sandbox-ups-client', clientSecret: 'wismo-sandbox-ups-secret' },
  fedex: { clientId: 'wismo-sandbox-fedex-client', clientSecret: 'wismo-sandbox-fedex-secret' },
  usps: { clientId: 'wismo-sandbox-usps-client', clientSecret: 'wismo-sandbox-usps-secret' },
  dhl: { apiKey: 'wismo-sandbox-dhl-api-key' },
  // The Basic pair of a developer-portal app, `key:secret` (see `adapterCredentials`); the XML login is DHL's sandbox one.
  dhlparcelde: { apiKey: 'wismo-sandbox-dhl-parcel-de-key:wismo-sandbox-dhl-parcel-de-secret' },
  gls: { clientId: 'wismo-sandbox-gls-client', clientSecret: 'wismo-sandbox-gls-secret' },
  postnl: { apiKey: 'wismo-sandbox-postnl-api-key' },
  laposte: { apiKey: 'wismo-sandbox-laposte-okapi-key' },
  hermes: { clientId: 'wismo-sandbox-hermes-client', clientSecret: 'wismo-sandbox-hermes-secret', ...HERMES_SANDBOX_USER },
  // DPD's delisId and password, in the sandbox's client-credential form (see `adapterCredentials`).
  dpd: { clientId: 'wismo-sandbox-dpd-delis', clientSecret: 'wismo-sandbox-dpd-password' },
  // bpost's HTTP Basic account id and passphrase, as one `account:passphrase` key (see `adapterCredentials`).
  bpost: { apiKey: 'wismo-sandbox-bpost-account:wismo-sandbox-bpost-passphrase' },
  // Australia Post: Basic key and password plus the Account-Number header, as `key:password:account` (see `adapterCredentials`).
  auspost: { apiKey: 'wismo-sandbox-auspost-key:wismo-sandbox-auspost-password:0001234567' },
  // Royal Mail: the X-IBM-Client-Id and X-IBM-Client-Secret headers, as `id:secret`.
  royalmail: { apiKey: 'wismo-sandbox-royalmail-client:wismo-sandbox-royalmail-secret' },
  // Canada Post: the API key's Basic user name and password, as `username:password`.
  canadapost: { apiKey: 'wismo-sandbox-canadapost-user:wismo-sandbox-canadapost-password' },
};

/** The limit each carrier documents (the adapters' defaults), as the sandbox enforces it by default. */
export const SANDBOX_DOCUMENTED_RATE_LIMITS: Readonly<Record<SandboxCarrierId, SandboxRateLimit>> = {
  ups: { ...upsSandbox.documentedRateLimit },
  fedex: { ...fedexSandbox.documentedRateLimit },
  usps: { ...uspsSandbox.documentedRateLimit },
  dhl: { ...dhlSandbox.documentedRateLimit },
  dhlparcelde: { ...dhlParcelDeSandbox.documentedRateLimit },
  gls: { ...glsSandbox.documentedRateLimit },
  postnl: { ...postnlSandbox.documentedRateLimit },
  laposte: { ...laposteSandbox.documentedRateLimit },
  hermes: { ...hermesSandbox.documentedRateLimit },
  dpd: { ...dpdSandbox.documentedRateLimit },
  bpost: { ...bpostSandbox.documentedRateLimit },
  auspost: { ...ausPostSandbox.documentedRateLimit },
  royalmail: { ...royalMailSandbox.documentedRateLimit },
  canadapost: { ...canadaPostSandbox.documentedRateLimit },
};

function checkRateLimit(carrier: string, limit: SandboxRateLimit): SandboxRateLimit {
  if (!(limit.requests > 0) || !(limit.intervalMs > 0)) throw new RangeError(`rateLimits.${carrier}: requests and intervalMs must be > 0`);
  return { requests: limit.requests, intervalMs: limit.intervalMs };
}

function rateLimitFor(carrier: SandboxCarrierId, option: SandboxOptions['rateLimits']): SandboxRateLimit | null {
  if (option === 'off') return null;
  if (option === undefined || option === 'documented') return SANDBOX_DOCUMENTED_RATE_LIMITS[carrier];
  const override = option[carrier];
  return override ? checkRateLimit(carrier, override) : SANDBOX_DOCUMENTED_RATE_LIMITS[carrier];
}

function latencyDraw(option: SandboxOptions['latencyMs'], seed: number): { draw: () => number; max: number } {
  if (option === undefined) return { draw: () => 0, max: 0 };
  if (typeof option === 'number') {
    if (!(option >= 0)) throw new RangeError('latencyMs must be ≥ 0');
    return { draw: () => option, max: option };
  }
  const { min, max } = option;
  if (!(min >= 0) || !(max >= min)) throw new RangeError('latencyMs needs 0 ≤ min ≤ max');
  const random = createSeededRandom(seed);
  return { draw: () => min + random() * (max - min), max };
}

function credentialsFor(carrier: SandboxCarrierId, option: SandboxOptions['credentials']): SandboxCredentials[] {
  const given = option?.[carrier];
  if (!given || given.length === 0) return [SANDBOX_CREDENTIALS[carrier]];
  // API-key carriers have no token endpoint.
  const wanted = SANDBOX_CARRIERS[carrier].tokenPath === null ? 'apiKey' : 'clientId';
  for (const credential of given) {
    if (!(wanted in credential))
      throw new TypeError(
        `credentials.${carrier}: ${wanted === 'apiKey' ? `${carrier} takes { apiKey }` : `${carrier} takes { clientId, clientSecret }`}`,
      );
  }
  return [...given];
}

/** A different but repeatable seed per carrier and purpose. */
function derivedSeed(seed: number, carrier: SandboxCarrierId, purpose: string): number {
  return hashString(`${carrier}:${purpose}`, seed >>> 0);
}

/**
 * Starts one local HTTP server per carrier (free ports on `host`), each speaking that carrier's tracking
 * and OAuth API. Close it with `close()` (in `afterAll`).
 */
export async function startSandboxCarriers(options: SandboxOptions = {}): Promise<RunningSandboxCarriers> {
  const carriers = options.carriers ?? [...SANDBOX_CARRIER_IDS];
  for (const carrier of carriers)
    if (!SANDBOX_CARRIER_IDS.includes(carrier)) throw new RangeError(`startSandboxCarriers: unknown carrier '${String(carrier)}'`);
  if (new Set(carriers).size !== carriers.length) throw new RangeError('startSandboxCarriers: a carrier is listed twice');
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError('timeScale must be a finite number > 0');
  const seed = options.seed ?? 1;
  // The real-time clock moves between any two requests: nothing cached would ever be sent.
  if (options.answerCache && !options.clock) throw new RangeError('answerCache needs a clock that stands still (createSandboxClock)');
  const clock = options.clock ?? createRealTimeClock();
  const advancingStart = new Date((options.advancingStart ?? clock.now()).getTime());
  const host = options.host ?? '127.0.0.1';
  const rateLimits = new Map(carriers.map((carrier) => [carrier, rateLimitFor(carrier, options.rateLimits)]));
  const credentials = new Map(carriers.map((carrier) => [carrier, credentialsFor(carrier, options.credentials)]));
  const faultSeed = (carrier: SandboxCarrierId, faults: SandboxOptions['faults']) => derivedSeed(faults?.seed ?? seed, carrier, 'faults');

  const servers = new Map<SandboxCarrierId, CarrierServer>();
  try {
    for (const carrier of carriers) {
      const latency = latencyDraw(options.latencyMs, derivedSeed(seed, carrier, 'latency'));
      servers.set(
        carrier,
        await startCarrierServer({
          carrier: SANDBOX_CARRIERS[carrier],
          host,
          clock,
          advancingStartMs: advancingStart.getTime(),
          credentials: credentials.get(carrier)!,
          rateLimit: rateLimits.get(carrier)!,
          timeScale,
          latency: latency.draw,
          maxLatencyMs: latency.max,
          faults: options.faults,
          faultSeed: faultSeed(carrier, options.faults),
          ...(options.requestLog ? { requestLog: options.requestLog } : {}),
          answerCache: options.answerCache ?? false,
        }),
      );
    }
  } catch (error) {
    await Promise.all([...servers.values()].map((server) => server.close()));
    throw error;
  }

  const baseUrls = Object.fromEntries([...servers].map(([carrier, server]) => [carrier, server.baseUrl])) as Record<
    SandboxCarrierId,
    string
  >;

  function serverOf(carrier: SandboxCarrierId): CarrierServer {
    const server = servers.get(carrier);
    if (!server) throw new RangeError(`The sandbox was started without ${String(carrier)} (carriers: ${carriers.join(', ')})`);
    return server;
  }

  function adapterSettings(carrier: SandboxCarrierId): Record<string, unknown> {
    const baseUrl = serverOf(carrier).baseUrl;
    const limit = rateLimits.get(carrier)!;
    // The adapter paces itself like the sandbox counts: the same limit, in the same compressed time.
    const rateLimit = limit ? { requests: limit.requests, intervalMs: limit.intervalMs / timeScale } : false;
    const credential = credentials.get(carrier)![0]!;
    const tokenPath = SANDBOX_CARRIERS[carrier].tokenPath;
    return {
      baseUrl,
      ...(tokenPath ? { authUrl: `${baseUrl}${tokenPath}` } : {}),
      ...(SANDBOX_CARRIERS[carrier].adapterCredentials?.(credential) ?? credential),
      rateLimit,
      // DHL's adapter stops calling for a while after a 429 outlived its retries: compress that too.
      ...(carrier === 'dhl' ? { rateLimitCooldownMs: 60_000 / timeScale } : {}),
    };
  }

  return {
    baseUrls,
    adapterSettings,
    createAdapters(transport?: TransportSettings) {
      return carriers.map((carrier) => WISMO_CARRIERS[carrier].create({ ...adapterSettings(carrier), ...transport }));
    },
    clock,
    advancingStart,
    generateNumbers: generateSandboxNumbers,
    stats() {
      return Object.fromEntries([...servers].map(([carrier, server]) => [carrier, { ...server.stats }])) as Record<
        SandboxCarrierId,
        SandboxStats
      >;
    },
    resetStats() {
      for (const server of servers.values()) server.resetStats();
    },
    setFaults(faults) {
      for (const [carrier, server] of servers) server.setFaults(faults, faultSeed(carrier, faults));
    },
    async close() {
      await Promise.all([...servers.values()].map((server) => server.close()));
    },
  };
}
