import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HelpdeskSecrets } from '@wismo/helpdesk';
import type { HelpdeskMountOptions } from '@wismo/server';
import { usageError } from '../errors';

/**
 * `wismo serve` mounts the helpdesk panels listed in the config file's `"helpdesk"` section. Settings that
 * are not secret (the Zendesk account, frame ancestors, limits) live in the file; each secret may be in the
 * file or, better, in its environment variable (the file wins, as for carriers). Messages name keys and
 * variables, never values, and secrets are never printed.
 */

/** The environment variable of each helpdesk secret. */
export const HELPDESK_SECRET_ENV = {
  gorgias: { apiKey: 'WISMO_GORGIAS_API_KEY' },
  helpScout: { secretKey: 'WISMO_HELPSCOUT_SECRET_KEY' },
  intercom: { clientSecret: 'WISMO_INTERCOM_CLIENT_SECRET' },
  gladly: { signingKey: 'WISMO_GLADLY_SIGNING_KEY' },
  hubspot: { clientSecret: 'WISMO_HUBSPOT_CLIENT_SECRET' },
  zendesk: { sharedSecret: 'WISMO_ZENDESK_SHARED_SECRET', publicKey: 'WISMO_ZENDESK_PUBLIC_KEY' },
  freshdesk: { sharedSecret: 'WISMO_FRESHDESK_SHARED_SECRET' },
} as const;

/** Signs the iframe sessions (Zendesk, Freshdesk); random per process when unset (sessions then end with it). */
export const HELPDESK_SESSION_SECRET_ENV = 'WISMO_HELPDESK_SESSION_SECRET';

type HelpdeskKey = keyof typeof HELPDESK_SECRET_ENV;
const HELPDESK_KEYS = Object.keys(HELPDESK_SECRET_ENV) as HelpdeskKey[];
const SECTION_KEYS = new Set<string>(['publicUrl', 'sessionSecret', 'rateLimit', ...HELPDESK_KEYS]);

/** Settings besides the secrets that each helpdesk's entry may hold. */
const SETTINGS: Readonly<Record<HelpdeskKey, Readonly<Record<string, 'string' | 'number' | 'number-or-null' | 'string-list'>>>> = {
  gorgias: {},
  helpScout: {},
  intercom: {},
  gladly: { keyId: 'string', maxClockSkewMs: 'number-or-null' },
  hubspot: {},
  zendesk: { appOrigin: 'string', audience: 'string-list', algorithms: 'string-list' },
  freshdesk: { tokenMaxAgeMs: 'number', frameAncestors: 'string-list' },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function checkSetting(path: string, value: unknown, kind: 'string' | 'number' | 'number-or-null' | 'string-list', where: string): unknown {
  const ok =
    kind === 'string'
      ? typeof value === 'string'
      : kind === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : kind === 'number-or-null'
          ? value === null || (typeof value === 'number' && Number.isFinite(value))
          : (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
  if (!ok)
    throw usageError(
      `"${path}" in ${where} must be ${kind === 'string-list' ? 'a string or a list of strings' : kind === 'number-or-null' ? 'a number or null' : `a ${kind}`}.`,
    );
  return kind === 'string-list' && typeof value === 'string' ? [value] : value;
}

export interface ServeHelpdeskInput {
  /** The config file `loadConfig` read (already checked to be valid JSON), or null. */
  configFile: string | null;
  env: Record<string, string | undefined>;
  /** `--public-url`: the panels are at `<public url>/helpdesk` unless `helpdesk.publicUrl` says otherwise. */
  publicUrl?: string | undefined;
}

export interface ServeHelpdesk {
  mount: HelpdeskMountOptions;
  /** The helpdesks with routes, for the start-up line (names only). */
  names: string[];
}

/** The helpdesk mount of `wismo serve`, or null when the config file lists no helpdesk. */
export function readServeHelpdesk(input: ServeHelpdeskInput): ServeHelpdesk | null {
  if (!input.configFile) return null;
  const where = input.configFile;
  // loadConfig has read and parsed this file already: a syntax error was reported there, by position only.
  const file = JSON.parse(readFileSync(where, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const section = file.helpdesk;
  if (section === undefined) return null;
  if (!isPlainObject(section))
    throw usageError(`"helpdesk" in ${where} must be an object keyed by helpdesk (${HELPDESK_KEYS.join(', ')}).`);
  const unknown = Object.keys(section).filter((key) => !SECTION_KEYS.has(key));
  if (unknown.length > 0)
    throw usageError(`"helpdesk" in ${where} has unknown key(s): ${unknown.join(', ')}.`, `Allowed: ${[...SECTION_KEYS].join(', ')}.`);

  const secrets: Record<string, Record<string, unknown>> = {};
  for (const helpdesk of HELPDESK_KEYS) {
    const entry = section[helpdesk];
    if (entry === undefined) continue;
    if (!isPlainObject(entry))
      throw usageError(`"helpdesk.${helpdesk}" in ${where} must be an object (its secrets may come from the environment: {}).`);
    const secretFields = HELPDESK_SECRET_ENV[helpdesk] as Readonly<Record<string, string>>;
    const allowed = new Set([...Object.keys(secretFields), ...Object.keys(SETTINGS[helpdesk])]);
    const extra = Object.keys(entry).filter((key) => !allowed.has(key));
    if (extra.length > 0)
      throw usageError(
        `"helpdesk.${helpdesk}" in ${where} has unknown key(s): ${extra.join(', ')}.`,
        `Allowed: ${[...allowed].join(', ')}.`,
      );
    const settings: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(SETTINGS[helpdesk])) {
      if (entry[name] !== undefined) settings[name] = checkSetting(`helpdesk.${helpdesk}.${name}`, entry[name], kind, where);
    }
    const found: string[] = [];
    for (const [field, variable] of Object.entries(secretFields)) {
      const raw = entry[field];
      if (raw !== undefined && typeof raw !== 'string') throw usageError(`"helpdesk.${helpdesk}.${field}" in ${where} must be a string.`);
      const value = nonEmpty(raw) ?? nonEmpty(input.env[variable]);
      if (value) {
        settings[field] = value;
        found.push(field);
      }
    }
    if (found.length === 0) {
      const variables = Object.values(secretFields).join(' or ');
      throw usageError(
        `helpdesk.${helpdesk} is listed in ${where} but its secret is not set.`,
        `Set ${variables} (or "helpdesk.${helpdesk}.${Object.keys(secretFields)[0]}" in the config file), or remove "${helpdesk}" from "helpdesk".`,
      );
    }
    // Zendesk verifies with the public key alone when there is no shared secret.
    if (helpdesk === 'zendesk' && settings.sharedSecret === undefined) settings.sharedSecret = '';
    secrets[helpdesk] = settings;
  }
  const names = Object.keys(secrets);
  if (names.length === 0) return null;

  const publicUrl = nonEmpty(section.publicUrl) ?? (input.publicUrl ? `${input.publicUrl.replace(/\/+$/, '')}/helpdesk` : undefined);
  if (!publicUrl) {
    throw usageError(
      'The helpdesk panels need their public URL: helpdesks sign it and the panels link to it.',
      `Pass --public-url https://track.example.com (the panels are then at …/helpdesk), or set "helpdesk.publicUrl" in ${where}.`,
    );
  }
  const rateLimit = section.rateLimit;
  if (rateLimit !== undefined && rateLimit !== false && !isPlainObject(rateLimit))
    throw usageError(`"helpdesk.rateLimit" in ${where} must be false or {"requestsPerMinute": …, "burst": …}.`);
  if (isPlainObject(rateLimit)) {
    for (const [name, value] of Object.entries(rateLimit)) {
      if (!['requestsPerMinute', 'burst', 'maxAccounts'].includes(name))
        throw usageError(
          `"helpdesk.rateLimit" in ${where} has an unknown key: ${name}.`,
          'Allowed: requestsPerMinute, burst, maxAccounts.',
        );
      checkSetting(`helpdesk.rateLimit.${name}`, value, 'number', where);
    }
  }
  const sessionSecretRaw = section.sessionSecret;
  if (sessionSecretRaw !== undefined && typeof sessionSecretRaw !== 'string')
    throw usageError(`"helpdesk.sessionSecret" in ${where} must be a string.`);
  const sessionSecret = nonEmpty(sessionSecretRaw) ?? nonEmpty(input.env[HELPDESK_SESSION_SECRET_ENV]) ?? randomBytes(32).toString('hex');
  return {
    mount: {
      secrets: secrets as HelpdeskSecrets,
      publicBaseUrl: publicUrl,
      sessionSecret,
      ...(rateLimit === undefined
        ? {}
        : { app: { rateLimit: rateLimit as false | { requestsPerMinute?: number; burst?: number; maxAccounts?: number } } }),
    },
    names,
  };
}
