import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type * as Registry from '../packages/testkit/src/carrier-registry';
import type { SandboxCarrier } from '../packages/testkit/src/sandbox-carrier';
import type * as SandboxExpectations from '../packages/testkit/src/sandbox-expectations';
import type * as SandboxNumbers from '../packages/testkit/src/sandbox-numbers';
import type { SandboxScenario } from '../packages/testkit/src/sandbox-types';
import type * as SandboxCarriers from '../packages/testkit/src/start-sandbox-carriers';
import { createCarrierPackage, registerCarrier } from './scripts/create-carrier';

// The scaffold is generated into a scratch folder shaped like the repository (packages/carrier-acme), whose
// node_modules points at a carrier package's dependencies (zod, nock); @wismo/core resolves through the test aliases.
// The scratch testkit is a copy of the repository's sources, so that the registration lands in real registry files.
const repository = fileURLToPath(new URL('../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'wismo-create-carrier-'));
symlinkSync(join(repository, 'packages/carrier-ups/node_modules'), join(root, 'node_modules'), 'dir');
const testkit = join(root, 'packages/testkit');
cpSync(join(repository, 'packages/testkit/src'), join(testkit, 'src'), {
  recursive: true,
  filter: (source) => !source.endsWith('.test.ts'),
});
cpSync(join(repository, 'packages/testkit/package.json'), join(testkit, 'package.json'));
symlinkSync(join(repository, 'packages/testkit/node_modules'), join(testkit, 'node_modules'), 'dir');
// The kit the skeleton and the generated conformance suite build on stays the repository's: loading them must not
// load the scratch registry, which names @wismo/carrier-acme (resolved for the registry test below).
writeFileSync(join(testkit, 'src/sandbox-kit.ts'), `export * from '${join(repository, 'packages/testkit/src/sandbox-kit')}';\n`);
const registryFiles = [
  'carrier-registry.ts',
  'start-sandbox-carriers.ts',
  'journeys.ts',
  'sandbox-numbers.ts',
  'sandbox-expectations.ts',
].map((file) => `packages/testkit/src/${file}`);
const started = performance.now();
const created = await createCarrierPackage({ id: 'acme', name: 'Acme Parcel', rootDirectory: root });
const generatedInMs = performance.now() - started;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm create-carrier', () => {
  it('writes a package on the kit, with fixtures, README and the list of what remains', () => {
    expect(created.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'src/index.ts',
        'src/internal.ts',
        'src/acme-adapter.ts',
        'src/parse-acme-response.ts',
        'src/acme-status-tables.ts',
        'src/__fixtures__/composed-delivered.json',
      ]),
    );
    expect(readFileSync(join(created.directory, 'src/acme-adapter.ts'), 'utf8')).toContain('defineCarrier<AcmeSettings>');
    expect(readFileSync(join(created.directory, 'README.md'), 'utf8')).toMatch(/What the mapping relied on, and confidence/);
    expect(created.remaining.join('\n')).toMatch(/sandbox-numbers\.ts.*TODO placeholders/);
    expect(created.remaining.join('\n')).not.toMatch(/by hand/);
    expect(generatedInMs).toBeLessThan(10_000);
  });

  it('writes a sandbox skeleton into the testkit that speaks the template API and its placeholder numbers', async () => {
    expect(created.sandbox).toBe(join(root, 'packages/testkit/src/acme-sandbox.ts'));
    const { acmeSandbox } = (await import(pathToFileURL(created.sandbox).href)) as { acmeSandbox: SandboxCarrier };
    const { answerSandboxRequest } = await import('../packages/testkit/src/sandbox-kit');
    const ask = (path: string, headers: Record<string, string> = { 'x-api-key': 'scratch-key' }) =>
      answerSandboxRequest(
        acmeSandbox,
        { method: 'GET', url: new URL(path, 'http://sandbox.invalid'), headers, body: '' },
        {
          credentials: [{ apiKey: 'scratch-key' }],
        },
      );
    const answer = ask('/track/v1/shipments?numbers=TEST0000000001,TEST0000000087');
    const body = answer.body as {
      shipments: Array<{ trackingNumber: string; events: Array<{ code: string }> }>;
      errors: Array<{ trackingNumber: string }>;
    };
    expect(answer.status).toBe(200);
    expect(body.shipments.map((shipment) => [shipment.trackingNumber, shipment.events[0]!.code])).toEqual([
      ['TEST0000000001', 'DELIVERED'],
    ]);
    expect(body.errors.map((error) => error.trackingNumber)).toEqual(['TEST0000000087']);
    expect(ask('/track/v1/shipments?numbers=TEST0000000001', {}).status).toBe(401);
    expect(ask('/track/v1/shipments?numbers=TEST0000000001', { 'x-api-key': 'wrong' }).status).toBe(401);
    expect(ask('/track/v2/shipments?numbers=TEST0000000001').status).toBe(404);
  });

  it('registers the carrier once, in the carrier registry and the testkit records; registering again changes nothing', () => {
    expect([...created.registered].sort()).toEqual([...registryFiles, 'packages/testkit/package.json'].sort());
    const registry = readFileSync(join(root, 'packages/testkit/src/carrier-registry.ts'), 'utf8');
    expect(registry.match(/acme: registered\(createAcme\),/g)).toHaveLength(1);
    expect(registry.match(/import \{ createAcme \} from '@wismo\/carrier-acme';/g)).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(testkit, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(manifest.devDependencies!['@wismo/carrier-acme']).toBe('workspace:^');
    const before = [...registryFiles, 'packages/testkit/package.json'].map((file) => readFileSync(join(root, file), 'utf8'));
    expect(registerCarrier('acme', root)).toEqual({ changed: [], notApplied: [] });
    // A carrier registered by hand, with entries of its own shape, is found the same way.
    expect(registerCarrier('ups', root)).toEqual({ changed: [], notApplied: [] });
    expect([...registryFiles, 'packages/testkit/package.json'].map((file) => readFileSync(join(root, file), 'utf8'))).toEqual(before);
  });

  it('serves the registered carrier: the registry builds it, the sandbox list runs it, each scenario gives its registered outcome', async () => {
    // The test aliases resolve @wismo/* in the repository, where the scratch package is not: for this run only, the
    // registry imports it by its path (the typecheck below reads the registry as registered).
    const registryPath = join(testkit, 'src/carrier-registry.ts');
    const registered = readFileSync(registryPath, 'utf8');
    writeFileSync(registryPath, registered.replace(`'@wismo/carrier-acme'`, `'${join(created.directory, 'src/index')}'`));
    onTestFinished(() => writeFileSync(registryPath, registered));
    const scratch = (file: string) => import(pathToFileURL(join(testkit, 'src', file)).href);
    const { WISMO_CARRIERS } = (await scratch('carrier-registry.ts')) as typeof Registry;
    const { startSandboxCarriers } = (await scratch('start-sandbox-carriers.ts')) as typeof SandboxCarriers;
    const { SANDBOX_NUMBERS } = (await scratch('sandbox-numbers.ts')) as typeof SandboxNumbers;
    const { SANDBOX_EXPECTED_OUTCOMES } = (await scratch('sandbox-expectations.ts')) as typeof SandboxExpectations;
    const acme = 'acme' as keyof typeof WISMO_CARRIERS;
    expect(WISMO_CARRIERS[acme].carrier).toMatchObject({ id: 'acme', name: 'Acme Parcel' });
    const sandbox = await startSandboxCarriers({ carriers: [acme], rateLimits: 'off' });
    try {
      const [adapter] = sandbox.createAdapters({ retries: 0 });
      const expected = Object.entries(SANDBOX_EXPECTED_OUTCOMES[acme]);
      const outcomes = await adapter!.track(expected.map(([scenario]) => SANDBOX_NUMBERS[acme][scenario as SandboxScenario]));
      const got = outcomes.map((outcome) =>
        outcome.ok
          ? {
              status: outcome.shipment.status,
              substatus: outcome.shipment.substatus,
              estimatedDelivery: outcome.shipment.estimatedDelivery !== null,
            }
          : { error: outcome.error.code },
      );
      expect(Object.fromEntries(expected.map(([scenario], index) => [scenario, got[index]]))).toEqual(Object.fromEntries(expected));
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a malformed or taken id', async () => {
    await expect(createCarrierPackage({ id: 'Not-An-Id', rootDirectory: root })).rejects.toThrow(/not a carrier id/);
    await expect(createCarrierPackage({ id: 'acme', rootDirectory: root })).rejects.toThrow(/exists already/);
  });

  it('typechecks under the repository settings', { timeout: 120_000 }, () => {
    const base = ts.readConfigFile(join(repository, 'tsconfig.base.json'), ts.sys.readFile).config as { compilerOptions: object };
    const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, repository);
    const files = created.files
      .filter((file) => file.endsWith('.ts') && !file.endsWith('tsup.config.ts'))
      .map((file) => join(created.directory, file))
      .concat(created.sandbox, ...registryFiles.map((file) => join(root, file)));
    const program = ts.createProgram(files, {
      ...options,
      noEmit: true,
      baseUrl: repository,
      paths: {
        '@wismo/carrier-acme': [join(created.directory, 'src/index.ts')],
        '@wismo/core/testing': ['packages/core/src/testing/index.ts'],
        '@wismo/core/internal': ['packages/core/src/internal.ts'],
        '@wismo/*/internal': ['packages/*/src/internal.ts'],
        '@wismo/*': ['packages/*/src/index.ts'],
      },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName.startsWith(root))
      .map((diagnostic) => `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });
});

describe('docs/writing-a-carrier-adapter.md', () => {
  it('names only paths that exist: in the repository, or (with <id>) in what the scaffold wrote', () => {
    const doc = readFileSync(join(repository, 'docs/writing-a-carrier-adapter.md'), 'utf8');
    const quoted = [...doc.matchAll(/`((?:packages|test|docs|examples)\/[^`\s]*)`/g)].map((match) => match[1]!);
    // The layout block: `packages/carrier-ups/` and the files under it, one per line.
    const layout = /```\n(packages\/carrier-ups\/)\n([\s\S]*?)```/.exec(doc)!;
    const listed = [...layout[2]!.matchAll(/^ {2}(\S+)/gm)].map((match) => `${layout[1]}${match[1]}`).filter((path) => !path.includes('*'));
    expect(quoted.length).toBeGreaterThan(20);
    expect(listed.length).toBeGreaterThan(10);
    const missing = [...quoted, ...listed].filter((path) =>
      path.includes('<id>') ? !existsSync(join(root, path.replaceAll('<id>', 'acme'))) : !existsSync(join(repository, path)),
    );
    expect(missing).toEqual([]);
  });
});

// The generated package's own conformance suite, run here against its sandbox skeleton: it must pass as generated.
await import(pathToFileURL(join(created.directory, 'src/acme-conformance.test.ts')).href);
