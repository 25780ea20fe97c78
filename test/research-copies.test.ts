import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository stands alone: the research the code cites lives in docs/research, and the recorded carrier payloads
// there are the originals byte for byte, as the fixture READMEs promise for the fixtures copied from them.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = join(ROOT, 'docs/research/carrier-samples');
/** Where a carrier package's samples live when the folder is not named after the package. */
const SAMPLE_FOLDER: Record<string, string> = { auspost: 'australiapost', dhlparcelde: 'dhl-parcel-de', hermes: 'hermes-de' };

function filesUnder(directory: string, keep: (path: string) => boolean): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'node_modules' || name === 'dist' || name === '.git') return [];
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

describe('research copied into the repository', () => {
  it('every recorded fixture equals the sample of the same name in docs/research/carrier-samples, byte for byte', () => {
    const compared: string[] = [];
    for (const name of readdirSync(join(ROOT, 'packages')).filter((entry) => entry.startsWith('carrier-'))) {
      const carrier = name.slice('carrier-'.length);
      const samples = join(SAMPLES, SAMPLE_FOLDER[carrier] ?? carrier);
      const fixtures = join(ROOT, 'packages', name, 'src/__fixtures__');
      if (!existsSync(samples) || !existsSync(fixtures)) continue;
      for (const sample of readdirSync(samples)) {
        if (!existsSync(join(fixtures, sample))) continue;
        expect(readFileSync(join(fixtures, sample)).equals(readFileSync(join(samples, sample))), `${name}/${sample}`).toBe(true);
        compared.push(`${name}/${sample}`);
      }
    }
    // The carriers replay recorded answers: if none were compared, the folders moved and this test lost its subject.
    expect(compared.length).toBeGreaterThan(40);
  });

  it('no source, test or document cites the research folder outside the repository', () => {
    const cited = filesUnder(ROOT, (path) => /\.(ts|md|mjs|json)$/.test(path) && !path.startsWith(join(ROOT, 'docs/research')))
      .filter((path) => /(^|[\s(`'"])(\.\.\/)*shared\/(research|carrier-samples|tracking-number-data)\//m.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(cited).toEqual([]);
  });

  it('every docs/research path cited in the packages exists', () => {
    const missing = new Set<string>();
    for (const path of filesUnder(join(ROOT, 'packages'), (file) => /\.(ts|md)$/.test(file))) {
      for (const [cited] of readFileSync(path, 'utf8').matchAll(/docs\/research\/[\w./-]*[\w/]/g)) {
        if (!existsSync(join(ROOT, cited))) missing.add(`${relative(ROOT, path)}: ${cited}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
