import { readFileSync } from 'node:fs';
import { parse as parseJsonWithErrors, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { resolve } from 'node:path';
import {
  createTracker,
  WismoError,
  type CarrierAdapter,
  type Logger,
  type Tracker,
  type TrackerCacheOptions,
  type TransportSettings,
} from '@wismo/core';
import { WISMO_CARRIERS, WISMO_CARRIER_IDS, type WismoCarrierId } from '@wismo/testkit';
import { describeFileError, usageError } from './errors';

/** The carriers the CLI can configure: every carrier of the registry (`WISMO_CARRIERS`). */
export const CLI_CARRIER_IDS: readonly WismoCarrierId[] = WISMO_CARRIER_IDS;
export type CliCarrierId = WismoCarrierId;

/**
 * Every registered carrier's adapter, unconfigured: what the words of a message or an order view need (names,
 * contacts, tracking links). Credentials are only read when an adapter makes a request, and these make none.
 */
export function carrierDirectoryAdapters(): CarrierAdapter[] {
  return Object.values(WISMO_CARRIERS).map((entry) => entry.create());
}

/** The environment variable that names a config file when `--config` is not given. */
export const WISMO_CONFIG_ENV = 'WISMO_CONFIG';

interface CredentialField {
  /** The adapter setting, e.g. `clientId`. */
  setting: string;
  /** The environment variable the carrier package documents for it. */
  env: string;
}

/** Which credentials each carrier needs, and the variables its package documents for them (read from the registry). */
export const CARRIER_CREDENTIALS: Readonly<Record<CliCarrierId, { name: string; fields: readonly CredentialField[]; portal: string }>> =
  (() => {
    const byCarrier = {} as Record<CliCarrierId, { name: string; fields: readonly CredentialField[]; portal: string }>;
    for (const id of WISMO_CARRIER_IDS) {
      const { carrier } = WISMO_CARRIERS[id];
      byCarrier[id] = {
        name: carrier.name,
        fields: carrier.credentials.map((credential) => ({ setting: credential.setting, env: credential.environmentVariable })),
        portal: carrier.credentialsSource,
      };
    }
    return byCarrier;
  })();

/** Settings for one carrier: its credentials plus any adapter setting (baseUrl, service, timeoutMs, ...). */
export type CarrierSettings = Record<string, unknown>;

export interface WismoConfig {
  /** Only carriers whose credentials are complete appear here. */
  carriers: Partial<Record<CliCarrierId, CarrierSettings>>;
  /** Transport settings applied to every carrier (a carrier's own settings win). */
  transport: TransportSettings;
  /** Where the configuration came from, for messages (never the values). */
  sources: Partial<Record<CliCarrierId, 'environment' | 'config file' | 'config file and environment'>>;
  configFile: string | null;
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** `--config`; else `WISMO_CONFIG`; else no file. */
  configPath?: string;
  cwd?: string;
  /** When true (default), no configured carrier at all is an error that says how to configure one. */
  requireCarrier?: boolean;
}

/** How to configure credentials, for error messages. */
export function credentialsHelp(): string {
  const variables = CLI_CARRIER_IDS.map(
    (carrier) =>
      `  ${CARRIER_CREDENTIALS[carrier].name.padEnd(6)} ${CARRIER_CREDENTIALS[carrier].fields.map((field) => field.env).join(' + ')}`,
  ).join('\n');
  return (
    `Set the environment variables of at least one carrier:\n${variables}\n` +
    `or pass --config wismo.config.json (or set ${WISMO_CONFIG_ENV}) with {"carriers": {"ups": {"clientId": "…", "clientSecret": "…"}, "dhl": {"apiKey": "…"}}}.\n` +
    'To try wismo without any credentials, run `wismo demo`, or add --sandbox to `wismo track` and `wismo reconcile` (sandbox carriers on 127.0.0.1).'
  );
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw usageError(
      `Cannot read the config file ${path}: ${describeFileError(error)}.`,
      `Check the path given with --config or ${WISMO_CONFIG_ENV}, or leave both out to use environment variables only.`,
    );
  }
  let parsed: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    parsed = JSON.parse(json);
  } catch {
    // V8's message quotes the text around the error, which may be the start of a secret: say where, not what.
    throw usageError(
      `The config file ${path} is not valid JSON: ${describeJsonSyntaxError(json)}.`,
      'Fix the JSON; a minimal file is {"carriers": {"dhl": {"apiKey": "…"}}}.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw usageError(
      `The config file ${path} must hold a JSON object.`,
      'Write {"carriers": {"ups": {"clientId": "…", "clientSecret": "…"}}}.',
    );
  }
  return parsed as Record<string, unknown>;
}

// Keyed by jsonc-parser's error names (its codes are a const enum, which isolated modules cannot read).
const JSON_ERROR_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character (text must be in double quotes)',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace was expected',
  CloseBracketExpected: 'a closing bracket was expected',
  EndOfFileExpected: 'nothing may follow the closing brace',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'comments are not allowed',
  UnexpectedEndOfString: 'a string is not closed on its line',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

/** Where and what kind of JSON syntax error, as `line L, column C: …`, without quoting any of the text. */
export function describeJsonSyntaxError(text: string): string {
  const errors: ParseError[] = [];
  // Strict JSON: the same grammar as JSON.parse, with positions and codes instead of excerpts.
  parseJsonWithErrors(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'its syntax is invalid';
  let line = 1;
  let lineStart = 0;
  for (let position = 0; position < first.offset; position += 1) {
    const code = text.charCodeAt(position);
    if (code === 10 || (code === 13 && text.charCodeAt(position + 1) !== 10)) {
      line += 1;
      lineStart = position + 1;
    }
  }
  return `line ${line}, column ${first.offset - lineStart + 1}: ${JSON_ERROR_WORDS[printParseErrorCode(first.error)] ?? 'invalid syntax'}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads carrier credentials from a JSON config file (`--config` / `WISMO_CONFIG`) and from the environment
 * variables each carrier package documents. A setting in the file wins over the environment. Only carriers
 * with complete credentials are configured; half a pair (an id without its secret) is an error naming the
 * missing piece. Messages name files, fields and variables, never their values.
 */
export function loadConfig(options: LoadConfigOptions = {}): WismoConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const configPathInput = options.configPath ?? nonEmpty(env[WISMO_CONFIG_ENV]);
  const configFile = configPathInput ? resolve(cwd, configPathInput) : null;
  const file = configFile ? readConfigFile(configFile) : {};
  const where = configFile ?? '';

  // "helpdesk" is read by `wismo serve` (commands/serve-helpdesk.ts).
  const unknownKeys = Object.keys(file).filter(
    (key) => key !== 'carriers' && key !== 'transport' && key !== 'helpdesk' && key !== '$schema',
  );
  if (unknownKeys.length > 0) {
    throw usageError(
      `The config file ${where} has unknown key(s): ${unknownKeys.join(', ')}.`,
      'Allowed top-level keys: "carriers" (ups, fedex, usps, dhl), "transport" (timeoutMs, retries, ...) and "helpdesk" (wismo serve\'s helpdesk panels).',
    );
  }
  const fileCarriers = file.carriers ?? {};
  if (!isPlainObject(fileCarriers))
    throw usageError(`"carriers" in ${where} must be an object keyed by carrier id (ups, fedex, usps, dhl).`);
  const transport = file.transport ?? {};
  if (!isPlainObject(transport)) throw usageError(`"transport" in ${where} must be an object, e.g. {"timeoutMs": 10000}.`);
  for (const key of Object.keys(fileCarriers)) {
    if (!(CLI_CARRIER_IDS as readonly string[]).includes(key)) {
      throw usageError(`The config file ${where} names an unknown carrier "${key}".`, `Known carriers: ${CLI_CARRIER_IDS.join(', ')}.`);
    }
  }

  const carriers: WismoConfig['carriers'] = {};
  const sources: WismoConfig['sources'] = {};
  for (const carrier of CLI_CARRIER_IDS) {
    const entry = fileCarriers[carrier];
    if (entry !== undefined && !isPlainObject(entry)) throw usageError(`"carriers.${carrier}" in ${where} must be an object.`);
    const fromFile: CarrierSettings = entry ?? {};
    const definition = CARRIER_CREDENTIALS[carrier];
    const settings: CarrierSettings = { ...fromFile };
    const present: string[] = [];
    const missing: CredentialField[] = [];
    let usedFile = false;
    let usedEnv = false;
    for (const field of definition.fields) {
      const raw = fromFile[field.setting];
      if (raw !== undefined && typeof raw !== 'string')
        throw usageError(`"carriers.${carrier}.${field.setting}" in ${where} must be a string.`);
      const fileValue = nonEmpty(raw);
      const envValue = nonEmpty(env[field.env]);
      if (fileValue) {
        settings[field.setting] = fileValue;
        usedFile = true;
        present.push(field.setting);
      } else if (envValue) {
        settings[field.setting] = envValue;
        usedEnv = true;
        present.push(field.setting);
      } else {
        missing.push(field);
      }
    }
    if (present.length === 0) continue;
    if (missing.length > 0) {
      const missingText = missing
        .map((field) => `${field.env} (or "carriers.${carrier}.${field.setting}" in the config file)`)
        .join(' and ');
      throw usageError(
        `${definition.name} is half configured: ${present.join(', ')} is set but ${missingText} is not.`,
        `Set ${definition.fields.map((field) => field.env).join(' and ')} (from ${definition.portal}), or remove the ${definition.name} credentials to leave ${definition.name} out.`,
      );
    }
    carriers[carrier] = settings;
    sources[carrier] = usedFile && usedEnv ? 'config file and environment' : usedFile ? 'config file' : 'environment';
  }

  if ((options.requireCarrier ?? true) && Object.keys(carriers).length === 0) {
    throw usageError(
      `No carrier credentials found${configFile ? ` (neither in ${configFile} nor in the environment)` : ''}.`,
      credentialsHelp(),
    );
  }
  return { carriers, transport: transport as TransportSettings, sources, configFile };
}

/** The adapters of every configured carrier. A carrier package's own configuration error is passed on with its advice. */
export function createConfiguredAdapters(config: WismoConfig, transport: TransportSettings = {}): CarrierAdapter[] {
  const adapters: CarrierAdapter[] = [];
  for (const carrier of CLI_CARRIER_IDS) {
    const settings = config.carriers[carrier];
    if (!settings) continue;
    try {
      adapters.push(WISMO_CARRIERS[carrier].create({ ...config.transport, ...transport, ...settings }));
    } catch (error) {
      if (WismoError.isInstance(error) && error.code === 'configuration') throw usageError(error.message, credentialsHelp());
      throw error;
    }
  }
  return adapters;
}

export interface CliTrackerOptions {
  /** Transport settings for every adapter (the config file's and the carrier's own settings win). */
  transport?: TransportSettings;
  /** Default: a bounded LRU of 2,000 entries. */
  cache?: TrackerCacheOptions | false;
  /** Batch requests in flight per carrier (default 8; the rate limiters still pace). */
  concurrency?: number;
  logger?: Logger;
}

/**
 * A tracker over the carriers of `config` (see `loadConfig`): what `wismo track` and `wismo reconcile` use,
 * for scripts that want the CLI's credential handling.
 */
export function createCliTracker(config: WismoConfig, options: CliTrackerOptions = {}): Tracker {
  return createTracker({
    carriers: createConfiguredAdapters(config, options.transport),
    cache: options.cache ?? { max: 2_000 },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
