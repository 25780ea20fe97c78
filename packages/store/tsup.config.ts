import { wismoBuildConfig } from '../../tsup.config.base';

// Shared chunks: `internal` must see the same registry of databases as the main entry.
// Shims: the SQLite thread finds better-sqlite3 from import.meta.url, which the CommonJS build must provide too.
export default wismoBuildConfig({ index: 'src/index.ts', internal: 'src/internal.ts' }, { splitting: true, shims: true });
