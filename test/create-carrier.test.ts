import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxCarrier } from '../packages/testkit/src/sandbox-carrier';
import { createCarrierPackage } from './scripts/create-carrier';

// The scaffold is generated into a scratch folder shaped like the repository (packages/carrier-acme), whose
// node_modules points at a carrier package's dependencies (zod, nock); @wismo/core resolves through the test aliases.
const repository = fileURLToPath(new URL('../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'wismo-create-carrier-'));
symlinkSync(join(repository, 'packages/carrier-ups/node_modules'), join(root, 'node_modules'), 'dir');
// The scratch testkit holds only the generated skeleton; the kit it builds on is the repository's.
mkdirSync(join(root, 'packages/testkit/src'), { recursive: true });
writeFileSync(
  join(root, 'packages/testkit/src/sandbox-kit.ts'),
  `export * from '${join(repository, 'packages/testkit/src/sandbox-kit')}';\n`,
);
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
    expect(created.remaining.join('\n')).toMatch(/carrier-registry\.ts.*registered\(createAcme\)/);
    expect(created.remaining.join('\n')).toMatch(/start-sandbox-carriers\.ts.*acme: acmeSandbox/);
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
      .concat(created.sandbox);
    const program = ts.createProgram(files, {
      ...options,
      noEmit: true,
      baseUrl: repository,
      paths: {
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
