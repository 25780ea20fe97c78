import { wismoBuildConfig } from '../../tsup.config.base';

// The library entry (ESM + CJS) and the `wismo` executable (ESM only, with a shebang).
export default [
  wismoBuildConfig(),
  wismoBuildConfig({ bin: 'src/bin.ts' }, { format: ['esm'], dts: false, clean: false, banner: { js: '#!/usr/bin/env node' } }),
];
