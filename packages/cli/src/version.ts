import packageJson from '../package.json';

/** The version of @wismo/cli (bundled from its package.json at build time). */
export const VERSION: string = packageJson.version;
