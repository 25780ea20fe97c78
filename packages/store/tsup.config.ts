import { wismoBuildConfig } from '../../tsup.config.base';

// Shared chunks: `internal` must see the same registry of databases as the main entry.
export default wismoBuildConfig({ index: 'src/index.ts', internal: 'src/internal.ts' }, { splitting: true });
