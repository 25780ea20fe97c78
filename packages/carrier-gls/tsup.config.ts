import { wismoBuildConfig } from '../../tsup.config.base';

export default wismoBuildConfig({ index: 'src/index.ts', internal: 'src/internal.ts' });
