import { wismoBuildConfig } from '../../tsup.config.base';

// Shared chunks: the entry points share one copy of the status tables.
export default wismoBuildConfig({ index: 'src/index.ts', internal: 'src/internal.ts' }, { splitting: true });
