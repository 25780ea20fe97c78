import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDirectory = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the built output is checked by `pnpm check:exports`.
    alias: [
      { find: /^@wismo\/core\/testing$/, replacement: `${packagesDirectory}core/src/testing/index.ts` },
      { find: /^@wismo\/([a-z-]+)\/internal$/, replacement: `${packagesDirectory}$1/src/internal.ts` },
      { find: /^@wismo\/([a-z-]+)$/, replacement: `${packagesDirectory}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // nock patches the process-wide http module: keep files isolated.
    pool: 'forks',
  },
});
