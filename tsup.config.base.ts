import { defineConfig, type Options } from 'tsup';

/** One build configuration shared by every package: ESM + CJS + declarations. */
export function wismoBuildConfig(entry: Record<string, string> = { index: 'src/index.ts' }, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}
