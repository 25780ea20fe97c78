import { wismoBuildConfig } from '../../tsup.config.base';

export default wismoBuildConfig(
  { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  { external: ['vitest', 'nock'] },
);
