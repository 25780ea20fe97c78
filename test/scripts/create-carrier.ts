// `pnpm create-carrier <id> [--name "Display Name"]`: writes packages/carrier-<id> from the adapter-kit template and
// registers it in the testkit; `pnpm create-carrier <id> --register-only` applies the registration alone (idempotent).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

export interface CreateCarrierOptions {
  /** Lower case letters and digits: `gls`, `postnl`. */
  id: string;
  /** As customers write it: `GLS`, `PostNL`. Default: the id in capitals. */
  name?: string;
  /** Where `packages/` is. Default: this repository. */
  rootDirectory?: string;
}

export interface CreatedCarrier {
  directory: string;
  files: string[];
  /** The sandbox skeleton written into the testkit (`packages/testkit/src/<id>-sandbox.ts`). */
  sandbox: string;
  /** The testkit files the registration changed (`registerCarrier`). */
  registered: string[];
  /** What is left to do by hand, printed by the command. */
  remaining: string[];
}

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

function constantCase(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

function pascalCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The template: a working carrier against a placeholder JSON API, with fixtures that pass the conformance suite. */
function templateFiles(id: string, name: string): Record<string, string> {
  const ID = constantCase(id);
  const Pascal = pascalCase(id);
  const delivered = {
    shipments: [
      {
        trackingNumber: 'TEST0000000001',
        events: [
          { time: '2026-01-14T16:05:00+01:00', code: 'DELIVERED', description: 'Delivered', city: 'Utrecht', countryCode: 'NL' },
          {
            time: '2026-01-14T08:10:00+01:00',
            code: 'OUT_FOR_DELIVERY',
            description: 'Out for delivery',
            city: 'Utrecht',
            countryCode: 'NL',
          },
          {
            time: '2026-01-13T19:30:00+01:00',
            code: 'IN_TRANSIT',
            description: 'Sorted at the hub',
            city: 'Nieuwegein',
            countryCode: 'NL',
          },
          { time: '2026-01-13T09:00:00', code: 'INFO_RECEIVED', description: 'Shipment data received', city: null, countryCode: 'NL' },
        ],
      },
    ],
  };
  const unknownCode = structuredClone(delivered);
  unknownCode.shipments[0]!.events[2]!.code = 'ZZ_UNDOCUMENTED';
  const notFound = {
    shipments: [],
    errors: [{ trackingNumber: 'TEST0000000087', code: 'NOT_FOUND', message: 'No shipment with this number' }],
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

  return {
    'package.json': json({
      name: `@wismo/carrier-${id}`,
      version: '0.1.0',
      private: true,
      description: `wismo carrier adapter: ${name} tracking, normalised to the wismo status model.`,
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': {
          import: { types: './dist/index.d.ts', default: './dist/index.js' },
          require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
        },
        './internal': {
          import: { types: './dist/internal.d.ts', default: './dist/internal.js' },
          require: { types: './dist/internal.d.cts', default: './dist/internal.cjs' },
        },
        './package.json': './package.json',
      },
      files: ['dist', 'README.md'],
      engines: { node: '>=20' },
      scripts: { build: 'tsup' },
      dependencies: { zod: '^4.1.12' },
      peerDependencies: { '@wismo/core': 'workspace:^' },
      devDependencies: { '@wismo/core': 'workspace:^', nock: '^14.0.10', vitest: '^4.0.8' },
    }),
    'tsup.config.ts': `import { wismoBuildConfig } from '../../tsup.config.base';

// Shared chunks: the entry points share one copy of the status tables.
export default wismoBuildConfig({ index: 'src/index.ts', internal: 'src/internal.ts' }, { splitting: true });
`,
    'README.md': `# @wismo/carrier-${id}

${name} tracking for wismo. **Scaffolded: the API below is a placeholder until the TODOs are done.**

\`\`\`ts
import { create${Pascal} } from '@wismo/carrier-${id}';

// Reads ${ID}_API_KEY from the environment when first used.
const carrier = create${Pascal}({ baseUrl: 'https://sandbox.${id}.example' });
const [outcome] = await carrier.track(['TEST0000000001']);
\`\`\`

## Settings

| setting | default | what it does |
| --- | --- | --- |
| \`apiKey\` | env \`${ID}_API_KEY\` | TODO: where a user gets it |
| \`baseUrl\` | TODO | production origin |

## What the mapping relied on, and confidence

| source | what it gave | confidence |
| --- | --- | --- |
| TODO: the carrier's API reference (URL, version, date read) | endpoints, fields, status codes | TODO |
| TODO: recorded responses in \`src/__fixtures__/\` | real shapes, real codes | TODO |
`,
    'src/index.ts': `export { create${Pascal}, ${id}, type ${Pascal}Settings } from './${id}-adapter';
export { ${ID}_CARRIER_ID } from './${id}-carrier';
export { parse${Pascal}TrackResponse } from './parse-${id}-response';
export { ${ID}_EVENT_CODES } from './${id}-status-tables';
`,
    'src/internal.ts': `/* \`@wismo/carrier-${id}/internal\`: what tests and the testkit build on. No stability promise. */
export { ${ID}_CARRIER_NAME, ${ID}_PRODUCTION_BASE_URL, ${ID}_TRACK_PATH, ${ID}_API_KEY_ENV, ${ID}_CAPABILITIES } from './${id}-carrier';
export { ${id}TrackResponseSchema, type ${Pascal}TrackResponse } from './${id}-api';
`,
    [`src/${id}-carrier.ts`]: `import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const ${ID}_CARRIER_ID = '${id}';
export const ${ID}_CARRIER_NAME = '${name}';
// TODO: the carrier's production origin and tracking path.
export const ${ID}_PRODUCTION_BASE_URL = 'https://api.${id}.example';
export const ${ID}_TRACK_PATH = '/track/v1/shipments';
export const ${ID}_API_KEY_ENV = '${ID}_API_KEY';

export const ${ID}_CAPABILITIES: CarrierCapabilities = {
  // TODO: the documented batch size and rate limit.
  maxNumbersPerRequest: 10,
  rateLimit: { requests: 5, intervalMs: 1000 },
  webhooks: false,
  proofOfDelivery: false,
  estimatedDelivery: false,
};

export const ${ID}_CONTACT: CarrierContactBook = {
  // TODO: the customer-service page and phone number.
  default: { phone: null, url: 'https://www.${id}.example/contact' },
};

export function ${id}TrackingUrl(trackingNumber: string): string {
  return \`https://www.${id}.example/track/\${encodeURIComponent(trackingNumber.trim())}\`;
}
`,
    [`src/${id}-adapter.ts`]: `import { defineCarrier, type CarrierSettings } from '@wismo/core';
import { ${ID}_API_KEY_ENV, ${ID}_CAPABILITIES, ${ID}_CARRIER_ID, ${ID}_CARRIER_NAME, ${ID}_CONTACT, ${ID}_PRODUCTION_BASE_URL, ${ID}_TRACK_PATH, ${id}TrackingUrl } from './${id}-carrier';
import { parse${Pascal}TrackResponse } from './parse-${id}-response';

export interface ${Pascal}Settings extends CarrierSettings {
  /** API key. Default: \`${ID}_API_KEY\`. */
  apiKey?: string;
}

export const create${Pascal} = defineCarrier<${Pascal}Settings>({
  id: ${ID}_CARRIER_ID,
  name: ${ID}_CARRIER_NAME,
  capabilities: ${ID}_CAPABILITIES,
  contact: ${ID}_CONTACT,
  trackingUrl: ${id}TrackingUrl,
  baseUrl: ${ID}_PRODUCTION_BASE_URL,
  credentials: { apiKey: { environmentVariable: ${ID}_API_KEY_ENV, label: 'API key' } },
  // TODO: where a user gets credentials.
  credentialsSource: 'the ${name} developer portal',
  auth: { type: 'api-key-header', header: 'x-api-key', apiKey: 'apiKey' },
  locale: { form: 'hyphen' },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/\\s+/g, '').toUpperCase(),
  request: ({ trackingNumbers, locale }) => ({ method: 'GET', url: ${ID}_TRACK_PATH, query: { numbers: trackingNumbers.join(','), locale } }),
  parse: parse${Pascal}TrackResponse,
});

/** Configured from \`${ID}_API_KEY\`, read when first used. */
export const ${id} = create${Pascal}();
`,
    [`src/${id}-api.ts`]: `import { z } from 'zod';

// TODO: one schema per response, of only the fields the parse function reads.
const text = z.string().nullish();

const eventSchema = z.object({ time: text, code: text, description: text, city: text, countryCode: text });

export const ${id}TrackResponseSchema = z.object({
  shipments: z.array(z.object({ trackingNumber: z.string(), events: z.array(eventSchema) })),
  errors: z.array(z.object({ trackingNumber: text, code: text, message: text })).nullish(),
});

export type ${Pascal}TrackResponse = z.infer<typeof ${id}TrackResponseSchema>;
`,
    [`src/${id}-status-tables.ts`]: `import { createStatusTable } from '@wismo/core';

/** TODO: every code the carrier documents, one entry each, with its source. */
export const ${ID}_EVENT_CODES = createStatusTable({
  INFO_RECEIVED: { status: 'info_received', substatus: 'label_created' },
  IN_TRANSIT: { status: 'in_transit' },
  OUT_FOR_DELIVERY: { status: 'out_for_delivery' },
  DELIVERED: { status: 'delivered' },
  ATTEMPT_FAILED: { status: 'attempt_failed' },
  READY_FOR_PICKUP: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  EXCEPTION: { status: 'exception' },
  CUSTOMS_HELD: { status: 'exception', substatus: 'customs_held' },
  RETURNING: { status: 'returning' },
  RETURNED: { status: 'returned', substatus: 'returned_to_sender' },
});
`,
    [`src/parse-${id}-response.ts`]: `import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  lookupStatus,
  parseCarrierDateTime,
  type CarrierParseInput,
  type TrackOutcome,
} from '@wismo/core';
import { entriesForNumbers, parseBodyWithSchema } from '@wismo/core/internal';
import { ${id}TrackResponseSchema } from './${id}-api';
import { ${ID}_CARRIER_ID, ${ID}_CARRIER_NAME, ${ID}_CONTACT, ${id}TrackingUrl } from './${id}-carrier';
import { ${ID}_EVENT_CODES } from './${id}-status-tables';

const carrier = { carrierId: ${ID}_CARRIER_ID };
const ${ID} = { id: ${ID}_CARRIER_ID, name: ${ID}_CARRIER_NAME };

/** Pure: one outcome per requested number, in order. Never throws for a surprising body. */
export function parse${Pascal}TrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(trackingNumbers, new AuthFailedError(\`${name} rejected the API key (HTTP \${httpStatus})\`, { ...carrier, httpStatus }));
  }
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, new BadResponseError(\`${name} answered HTTP \${httpStatus}\`, { ...carrier, httpStatus }));
  const response = parseBodyWithSchema(${id}TrackResponseSchema, body, ${ID}, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  // TODO: compare numbers as the adapter's normaliseNumber writes them.
  const shipments = entriesForNumbers(trackingNumbers, response.shipments, (shipment) => [shipment.trackingNumber], {
    canonical: (number) => number.replace(/\\s+/g, '').toUpperCase(),
  });
  return trackingNumbers.map((trackingNumber, position) => {
    const found = shipments[position];
    if (!found) return errorOutcome(trackingNumber, new NotFoundError(\`${name} has no shipment \${trackingNumber}\`, { ...carrier, httpStatus, trackingNumber }));
    const events = found.events.map((event) =>
      createEvent({
        time: parseCarrierDateTime(event.time),
        description: event.description,
        code: event.code ?? null,
        location: createLocation({ city: event.city, countryCode: event.countryCode }),
        mapped: lookupStatus(${ID}_EVENT_CODES, event.code),
      }),
    );
    const shipment = buildShipment({
      carrier: ${ID}_CARRIER_ID,
      trackingNumber,
      events,
      contact: ${ID}_CONTACT.default,
      trackingUrl: ${id}TrackingUrl(trackingNumber),
      fetchedAt: input.fetchedAt,
      raw: input.includeRaw ? body : undefined,
    });
    return { trackingNumber, ok: true, shipment };
  });
}
`,
    [`src/${id}-conformance.test.ts`]: `import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { ${id}Sandbox } from '../../testkit/src/${id}-sandbox';
import { answerSandboxRequest } from '../../testkit/src/sandbox-kit';
import { create${Pascal} } from './${id}-adapter';
import { parse${Pascal}TrackResponse } from './parse-${id}-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(\`./__fixtures__/\${name}\`, import.meta.url), 'utf8')) as object;
}

const API_KEY = 'conformance-${id}-api-key-7f3a';

runCarrierConformance({
  origin: 'https://${id}.conformance.test',
  createAdapter: ({ baseUrl, transport }) => create${Pascal}({ apiKey: API_KEY, baseUrl, ...transport }),
  secrets: [API_KEY],
  interceptTrack: (scope, trackingNumber) => scope.get('/track/v1/shipments').query((query) => String(query.numbers).split(',').includes(trackingNumber)),
  // The testkit's sandbox skeleton answers the found and not-found requests: it checks the path, the key and the numbers.
  sandbox: (request) => answerSandboxRequest(${id}Sandbox, request, { credentials: [{ apiKey: API_KEY }] }),
  // Placeholder numbers: the last two digits pick the sandbox scenario (01 delivered, 87 not found).
  found: { trackingNumber: 'TEST0000000001', response: { status: 200, body: fixture('composed-delivered.json') } },
  notFound: { trackingNumber: 'TEST0000000087', response: { status: 200, body: fixture('composed-not-found.json') } },
  unknownCode: { trackingNumber: 'TEST0000000001', response: { status: 200, body: fixture('composed-unknown-code.json') }, rawCode: 'ZZ_UNDOCUMENTED' },
  authFailure: { status: 401, body: { message: 'Invalid API key' } },
  parse: parse${Pascal}TrackResponse,
});
`,
    'src/__fixtures__/README.md': `# ${name} fixtures

TODO: replace the composed placeholders with recorded responses (say where each came from).

| file | what it is |
| --- | --- |
| \`composed-delivered.json\` | composed by \`pnpm create-carrier\`: the template's placeholder API, delivered |
| \`composed-not-found.json\` | composed: the number is unknown |
| \`composed-unknown-code.json\` | composed: one event with an undocumented code |
`,
    'src/__fixtures__/composed-delivered.json': json(delivered),
    'src/__fixtures__/composed-not-found.json': json(notFound),
    'src/__fixtures__/composed-unknown-code.json': json(unknownCode),
  };
}

/** The testkit's sandbox skeleton: the template's API (paths, key header, JSON body), answering journeys of placeholder numbers. */
function sandboxSkeleton(id: string, name: string): string {
  return `import {
  decodePlaceholderNumber,
  header,
  htmlErrorPage,
  zonedTime,
  type JourneyEvent,
  type Milestone,
  type SandboxAnswer,
  type SandboxCarrier,
} from './sandbox-kit';

/*
 * ${name}'s sandbox, scaffolded by \`pnpm create-carrier\`: it speaks the template's placeholder API
 * (\`GET /track/v1/shipments?numbers=a,b\`, \`x-api-key\`, JSON). TODO: the carrier's real paths, auth, bodies,
 * codes, time formats and errors, as in the other sandboxes; then its number format in sandbox-numbers.ts.
 */

const TRACK_PATH = '/track/v1/shipments';
const MAX_NUMBERS_PER_REQUEST = 10;

/** Milestones of the shared journeys, in the template's codes (${id}-status-tables.ts). */
const CODES: Record<Milestone, { code: string; text: string }> = {
  label_created: { code: 'INFO_RECEIVED', text: 'Shipment data received' },
  picked_up: { code: 'IN_TRANSIT', text: 'Picked up' },
  departed_origin: { code: 'IN_TRANSIT', text: 'Left the origin depot' },
  arrived_hub: { code: 'IN_TRANSIT', text: 'Sorted at the hub' },
  departed_hub: { code: 'IN_TRANSIT', text: 'Left the hub' },
  arrived_destination: { code: 'IN_TRANSIT', text: 'At the delivery depot' },
  export: { code: 'IN_TRANSIT', text: 'Export cleared' },
  import: { code: 'IN_TRANSIT', text: 'Arrived in the destination country' },
  customs_processing: { code: 'IN_TRANSIT', text: 'Customs clearance in progress' },
  out_for_delivery: { code: 'OUT_FOR_DELIVERY', text: 'Out for delivery' },
  delivered: { code: 'DELIVERED', text: 'Delivered' },
  attempt_failed: { code: 'ATTEMPT_FAILED', text: 'Recipient not at home' },
  ready_for_pickup: { code: 'READY_FOR_PICKUP', text: 'Ready for pickup' },
  exception: { code: 'EXCEPTION', text: 'Delayed: damaged label' },
  customs_held: { code: 'CUSTOMS_HELD', text: 'Held by customs' },
  refused: { code: 'RETURNING', text: 'Refused by the recipient' },
  return_started: { code: 'RETURNING', text: 'Returning to the sender' },
  return_arrived_hub: { code: 'RETURNING', text: 'Returning: sorted at the hub' },
  return_arrived_origin: { code: 'RETURNING', text: 'Returning: at the origin depot' },
  returned: { code: 'RETURNED', text: 'Delivered back to the sender' },
};

function eventOf(event: JourneyEvent): Record<string, unknown> {
  const local = zonedTime(event.at, event.place.zone);
  const { code, text } = CODES[event.milestone];
  return { time: \`\${local.date}T\${local.time}\${local.offset}\`, code, description: text, city: event.place.city, countryCode: event.place.countryCode };
}

function problem(status: number, message: string): SandboxAnswer {
  return { status, body: { message } };
}

export const ${id}Sandbox: SandboxCarrier = {
  // Typed as a registered id once WISMO_CARRIERS lists it.
  id: '${id}' as SandboxCarrier['id'],
  name: '${name}',
  documentedRateLimit: { requests: 5, intervalMs: 1000 },
  tokenLifetimeSeconds: null,
  tokenPath: null,
  decodeNumber: (trackingNumber) => decodePlaceholderNumber('${id}', trackingNumber),
  endpointOf: (request) => (request.method === 'GET' && request.url.pathname === TRACK_PATH ? 'track' : null),
  unknownEndpoint: () => problem(404, 'No such endpoint'),
  apiKeyOf: (request) => header(request, 'x-api-key') ?? null,
  unauthorised: (reason) => problem(401, reason === 'missing' ? 'Missing API key' : 'Invalid API key'),
  readTrackingRequest(request) {
    const numbers = (request.url.searchParams.get('numbers') ?? '').split(',').map((number) => number.trim()).filter(Boolean);
    if (numbers.length === 0) return { refused: problem(400, 'numbers is required') };
    if (numbers.length > MAX_NUMBERS_PER_REQUEST) return { refused: problem(400, \`at most \${MAX_NUMBERS_PER_REQUEST} numbers\`) };
    return { numbers };
  },
  trackAnswer(_request, numbers) {
    const found = numbers.filter((number) => number.journey !== null);
    return {
      status: 200,
      body: {
        // Journeys list events newest first, as the template's API does.
        shipments: found.map(({ trackingNumber, journey }) => ({ trackingNumber, events: journey!.events.map(eventOf) })),
        errors: numbers
          .filter((number) => number.journey === null)
          .map(({ trackingNumber }) => ({ trackingNumber, code: 'NOT_FOUND', message: 'No shipment with this number' })),
      },
    };
  },
  rateLimited: (retryAfter) => ({ status: 429, headers: { 'Retry-After': retryAfter }, body: { message: 'Too many requests' } }),
  serverError: (status) => htmlErrorPage(status, 'Service Unavailable'),
};
`;
}

/**
 * One insertion into a registry file, skipped when the carrier is there already (`present`, looked for in `within`
 * or the whole file), so registering twice changes nothing.
 */
interface RegistryEdit {
  file: string;
  present: string;
  /** The block the entry belongs in, from its opening text to its closing text. */
  within?: readonly [opening: string, closing: string];
  /** Where the text goes: the index to insert at, or -1 when the anchor is gone (the file changed shape). */
  at(source: string): number;
  text: string;
}

/** The text of the block from `opening` to `closing`, or '' when the file has none. */
function blockOf(source: string, [opening, closing]: readonly [string, string]): string {
  const start = source.indexOf(opening);
  const end = start < 0 ? -1 : source.indexOf(closing, start);
  return end < 0 ? '' : source.slice(start, end + 1);
}

/** The index of the line after the last line matching `line`, or -1. */
function afterLastLine(line: RegExp): (source: string) => number {
  return (source) => {
    const last = [...source.matchAll(new RegExp(line.source, 'gm'))].at(-1);
    return last ? last.index + last[0].length + 1 : -1;
  };
}

/** An entry of the block from `opening` to `closing`: placed before the closing, found by its key. */
function entryOf(opening: string, closing: string, key: string, text: string): Pick<RegistryEdit, 'present' | 'within' | 'at' | 'text'> {
  return {
    present: `\n${key}`,
    within: [opening, closing],
    at: (source) => {
      const start = source.indexOf(opening);
      const end = start < 0 ? -1 : source.indexOf(closing, start);
      return end < 0 ? -1 : end + 1;
    },
    text,
  };
}

/**
 * The registration of a scaffolded carrier, file by file: the one carrier registry (`WISMO_CARRIERS`, which the CLI
 * and the end-to-end tests read), and the testkit's per-carrier records that must name every registered carrier to
 * compile: its sandbox, credentials and rate limit, a hub for its journeys, placeholder numbers and the outcome of each
 * scenario. The placeholders are marked TODO, to be replaced with the carrier's own.
 */
function registryEdits(id: string): RegistryEdit[] {
  const Pascal = pascalCase(id);
  const testkit = 'packages/testkit/src';
  // A different scramble per carrier, the same on every run.
  const offset = 100_000 + (Array.from(id).reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) >>> 0, 7) % 400_000);
  return [
    {
      file: `${testkit}/carrier-registry.ts`,
      present: `from '@wismo/carrier-${id}';`,
      at: afterLastLine(/^import \{[^}]*\} from '@wismo\/carrier-[a-z0-9]+';$/),
      text: `import { create${Pascal} } from '@wismo/carrier-${id}';\n`,
    },
    {
      file: `${testkit}/carrier-registry.ts`,
      ...entryOf('export const WISMO_CARRIERS = {', '\n} as const', `  ${id}:`, `  ${id}: registered(create${Pascal}),\n`),
    },
    {
      file: `${testkit}/start-sandbox-carriers.ts`,
      present: `from './${id}-sandbox';`,
      at: afterLastLine(/^import \{[^}]*\} from '\.\/[a-z0-9-]+-sandbox';$/),
      text: `import { ${id}Sandbox } from './${id}-sandbox';\n`,
    },
    {
      file: `${testkit}/start-sandbox-carriers.ts`,
      ...entryOf('export const SANDBOX_CARRIERS', '\n};', `  ${id}:`, `  ${id}: ${id}Sandbox,\n`),
    },
    {
      file: `${testkit}/start-sandbox-carriers.ts`,
      ...entryOf('export const SANDBOX_CREDENTIALS', '\n};', `  ${id}:`, `  ${id}: { apiKey: 'wismo-sandbox-${id}-api-key' },\n`),
    },
    {
      file: `${testkit}/start-sandbox-carriers.ts`,
      ...entryOf('export const SANDBOX_DOCUMENTED_RATE_LIMITS', '\n};', `  ${id}:`, `  ${id}: { ...${id}Sandbox.documentedRateLimit },\n`),
    },
    {
      file: `${testkit}/journeys.ts`,
      ...entryOf(
        'const HUBS:',
        '\n};',
        `  ${id}:`,
        `  ${id}: {\n    // TODO: the carrier's own sorting hub and import gateway.\n    hub: place('Nieuwegein', null, '3433', 'NL', 'Europe/Amsterdam'),\n    gateway: place('Amsterdam', null, '1118', 'NL', 'Europe/Amsterdam'),\n  },\n`,
      ),
    },
    { file: `${testkit}/sandbox-numbers.ts`, ...entryOf('const SCRAMBLE_OFFSET:', '\n};', `  ${id}:`, `  ${id}: ${offset},\n`) },
    {
      file: `${testkit}/sandbox-numbers.ts`,
      ...entryOf(
        'function formatFor(',
        '\n  }\n}',
        `    case '${id}':`,
        `    case '${id}':\n      // TODO: the carrier's number format; until then the placeholder numbers of sandbox-kit.ts.\n      return { size: 1e8, build: (block, slot) => \`TEST\${pad(block, 8)}\${pad(slot, 2)}\` };\n`,
      ),
    },
    {
      file: `${testkit}/sandbox-numbers.ts`,
      ...entryOf(
        'function recognise(',
        '\n  }\n}',
        `    case '${id}':`,
        `    case '${id}':\n      // TODO: recognise the real format and its check digit; the sandbox decodes placeholders itself (decodeNumber).\n      return /^TEST\\d{10}$/.test(trackingNumber) ? {} : null;\n`,
      ),
    },
    {
      file: `${testkit}/sandbox-numbers.ts`,
      ...entryOf('export const SANDBOX_NUMBERS:', '\n});', `  ${id}:`, `  ${id}: Object.freeze(documentedNumbers('${id}')),\n`),
    },
    {
      file: `${testkit}/sandbox-expectations.ts`,
      ...entryOf(
        'export const SANDBOX_EXPECTED_OUTCOMES:',
        '\n};',
        `  ${id}:`,
        `  ${id}: {
    // TODO: what the carrier's codes give; these are the template's.
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit'),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery'),
    failed_attempt: shipment('attempt_failed', 'attempt_failed'),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'carrier_exception'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created'),
    not_found: NOT_FOUND,
  },
`,
      ),
    },
  ];
}

/** Adds the carrier to the testkit's dependencies beside every registered carrier: a peer, and a dev dependency to build against. */
function withTestkitDependency(packageJson: string, id: string): string {
  const manifest = JSON.parse(packageJson) as Record<string, Record<string, string> | undefined>;
  const name = `@wismo/carrier-${id}`;
  if (manifest.peerDependencies?.[name] && manifest.devDependencies?.[name]) return packageJson;
  manifest.peerDependencies = { ...manifest.peerDependencies, [name]: 'workspace:>=0.1.0 <1.0.0' };
  manifest.devDependencies = { ...manifest.devDependencies, [name]: 'workspace:^' };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Registers a scaffolded carrier in the testkit (see `registryEdits`); running it again changes nothing. Returns the
 * files it changed and what it could not place (a file whose shape changed), to be done by hand.
 */
export function registerCarrier(id: string, rootDirectory: string = REPOSITORY): { changed: string[]; notApplied: string[] } {
  const sources = new Map<string, string>();
  const read = (file: string) => sources.get(file) ?? readFileSync(join(rootDirectory, file), 'utf8');
  const notApplied: string[] = [];
  for (const edit of registryEdits(id)) {
    const source = read(edit.file);
    if ((edit.within ? blockOf(source, edit.within) : source).includes(edit.present)) continue;
    const index = edit.at(source);
    if (index < 0) notApplied.push(`${edit.file}: ${edit.text.trim().split('\n')[0]}`);
    else sources.set(edit.file, source.slice(0, index) + edit.text + source.slice(index));
  }
  const manifest = 'packages/testkit/package.json';
  const withDependency = withTestkitDependency(read(manifest), id);
  if (withDependency !== read(manifest)) sources.set(manifest, withDependency);
  for (const [file, source] of sources) writeFileSync(join(rootDirectory, file), source);
  return { changed: [...sources.keys()], notApplied };
}

/** The repository's Prettier settings applied, so that the new files pass `pnpm format:check` as written. */
async function formatted(path: string, content: string): Promise<string> {
  if (!/\.(ts|json|md)$/.test(path)) return content;
  const config = await resolveConfig(join(REPOSITORY, 'package.json'));
  return format(content, { ...config, filepath: path });
}

/** Writes the package; refuses an id that is taken or not a plain lower-case name. */
export async function createCarrierPackage(options: CreateCarrierOptions): Promise<CreatedCarrier> {
  const { id } = options;
  if (!/^[a-z][a-z0-9]{1,30}$/.test(id))
    throw new Error(`"${id}" is not a carrier id: lower-case letters and digits, starting with a letter (e.g. gls, postnl).`);
  const name = options.name?.trim() || id.toUpperCase();
  const root = options.rootDirectory ?? REPOSITORY;
  const directory = join(root, 'packages', `carrier-${id}`);
  if (existsSync(directory))
    throw new Error(`${relative(process.cwd(), directory) || directory} exists already; pick another id or remove it first.`);
  const sandbox = join(root, 'packages', 'testkit', 'src', `${id}-sandbox.ts`);
  if (existsSync(sandbox))
    throw new Error(`${relative(process.cwd(), sandbox) || sandbox} exists already; pick another id or remove it first.`);
  const files = templateFiles(id, name);
  const written = await Promise.all(
    [...Object.entries(files).map(([path, content]) => [join(directory, path), content]), [sandbox, sandboxSkeleton(id, name)]].map(
      async ([target, content]) => [target!, await formatted(target!, content!)] as const,
    ),
  );
  for (const [target, content] of written) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const registration = registerCarrier(id, root);
  return {
    directory,
    files: Object.keys(files),
    sandbox,
    registered: registration.changed,
    remaining: [
      `src/${id}-carrier.ts: the production origin, tracking path, batch size, rate limit, contacts (TODO markers)`,
      `src/${id}-api.ts and src/parse-${id}-response.ts: the carrier's real response shape`,
      `src/${id}-status-tables.ts: every documented code, with its source; README.md: the sources-and-confidence table`,
      `src/__fixtures__/: recorded responses in place of the composed placeholders`,
      `packages/testkit/src/${id}-sandbox.ts: the carrier's real API in place of the template's (TODO markers)`,
      ...registration.notApplied.map((line) => `register by hand (the file changed shape): ${line}`),
      `packages/testkit/src/sandbox-numbers.ts, journeys.ts and sandbox-expectations.ts: replace the registration's TODO placeholders with the carrier's number format, hub and outcomes; then drop decodeNumber from packages/testkit/src/${id}-sandbox.ts`,
      `packages/core/src/detection: the number patterns and check digit, so that detection names ${id}`,
      `tsconfig.json paths and vitest.config.ts already resolve @wismo/carrier-${id}; run \`pnpm install\` to link it (the testkit depends on it now), then \`pnpm typecheck\` and \`pnpm exec vitest run packages/testkit\``,
      `package.json: remove \`private: true\` (it keeps a half-written package out of a release) and set the version`,
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [id, ...rest] = process.argv.slice(2);
  const nameIndex = rest.indexOf('--name');
  try {
    if (!id) throw new Error('Usage: pnpm create-carrier <id> [--name "Display Name"] | pnpm create-carrier <id> --register-only');
    if (rest.includes('--register-only')) {
      // A package written already (or registered by hand, half-way): only the registration, which changes nothing twice.
      if (!existsSync(join(REPOSITORY, 'packages', `carrier-${id}`))) throw new Error(`packages/carrier-${id} does not exist.`);
      const { changed, notApplied } = registerCarrier(id);
      console.log(`Registered ${id} in ${changed.join(', ') || 'nothing new (it was registered already)'}.`);
      for (const line of notApplied) console.log(`  - register by hand (the file changed shape): ${line}`);
      process.exit();
    }
    const created = await createCarrierPackage({ id, name: nameIndex >= 0 ? rest[nameIndex + 1] : undefined });
    console.log(
      `Wrote ${relative(process.cwd(), created.directory)} (${created.files.length} files) and its sandbox skeleton ${relative(process.cwd(), created.sandbox)}.`,
    );
    console.log(`Registered it in ${created.registered.join(', ') || 'nothing new (it was registered already)'}.`);
    console.log('Its conformance suite passes as it is, against that sandbox:');
    console.log(`  pnpm exec vitest run ${relative(process.cwd(), created.directory)}`);
    console.log('What remains to fill in:');
    for (const item of created.remaining) console.log(`  - ${item}`);
  } catch (error) {
    console.error(`create-carrier: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
