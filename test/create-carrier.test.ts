import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createCarrierPackage } from './scripts/create-carrier';

// The scaffold is generated into a scratch folder shaped like the repository (packages/carrier-acme), whose
// node_modules points at a carrier package's dependencies (zod, nock); @wismo/core resolves through the test aliases.
const repository = fileURLToPath(new URL('../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'wismo-create-carrier-'));
symlinkSync(join(repository, 'packages/carrier-ups/node_modules'), join(root, 'node_modules'), 'dir');
const created = createCarrierPackage({ id: 'acme', name: 'Acme Parcel', rootDirectory: root });
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
    expect(created.remaining.join('\n')).toMatch(/carrier-registry\.ts/);
  });

  it('refuses a malformed or taken id', () => {
    expect(() => createCarrierPackage({ id: 'Not-An-Id', rootDirectory: root })).toThrow(/not a carrier id/);
    expect(() => createCarrierPackage({ id: 'acme', rootDirectory: root })).toThrow(/exists already/);
  });

  it('typechecks under the repository settings', { timeout: 120_000 }, () => {
    const base = ts.readConfigFile(join(repository, 'tsconfig.base.json'), ts.sys.readFile).config as { compilerOptions: object };
    const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, repository);
    const files = created.files
      .filter((file) => file.endsWith('.ts') && !file.endsWith('tsup.config.ts'))
      .map((file) => join(created.directory, file));
    const program = ts.createProgram(files, {
      ...options,
      noEmit: true,
      baseUrl: repository,
      paths: { '@wismo/core/testing': ['packages/core/src/testing/index.ts'], '@wismo/core': ['packages/core/src/index.ts'] },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName.startsWith(created.directory))
      .map((diagnostic) => `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });
});

// The generated package's own conformance suite, run here: it must pass as generated.
await import(pathToFileURL(join(created.directory, 'src/acme-conformance.test.ts')).href);
