import { wismoBuildConfig } from '../../tsup.config.base';

export default wismoBuildConfig(
  { index: 'src/index.ts', testing: 'src/testing/index.ts', internal: 'src/internal.ts' },
  // Shared chunks: the entry points must share one secret registry and one error class, not each bundle a copy.
  { external: ['vitest', 'nock'], splitting: true },
);
