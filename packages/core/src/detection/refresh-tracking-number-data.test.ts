import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const coreDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(coreDirectory, 'scripts/refresh-tracking-number-data.mjs');
const bundledData = path.join(coreDirectory, 'data/tracking-number-data');

const temporaryDirectories: string[] = [];

function copyOfBundledData(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'wismo-tracking-data-'));
  temporaryDirectories.push(directory);
  cpSync(bundledData, directory, { recursive: true });
  return directory;
}

function editCourier(directory: string, file: string, edit: (courier: { tracking_numbers: Array<Record<string, unknown>> }) => void): void {
  const filePath = path.join(directory, 'couriers', file);
  const courier = JSON.parse(readFileSync(filePath, 'utf8'));
  edit(courier);
  writeFileSync(filePath, JSON.stringify(courier, null, 2));
}

function refresh(source: string, target: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, [script, source, '--target', target, ...extra], { encoding: 'utf8', cwd: coreDirectory });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('refresh-tracking-number-data.mjs', () => {
  it('copies a newer copy that passes, prints what changed and records the upstream commit', () => {
    const source = copyOfBundledData();
    const target = copyOfBundledData();
    editCourier(source, 'dhl.json', (courier) => {
      (courier.tracking_numbers[0]?.test_numbers as { valid: string[] }).valid.push('3318810040');
      courier.tracking_numbers.push({
        id: 'dhl_new',
        name: 'DHL New',
        regex: 'N(?<SerialNumber>[0-9]{4})',
        test_numbers: { valid: ['N1234'] },
      });
    });

    const { status, output } = refresh(source, target, '--commit', 'abc1234');

    expect(status, output).toBe(0);
    expect(output).toContain('~ couriers/dhl.json');
    expect(output).toContain('+ format dhl_new');
    expect(output).toContain('~ format dhl_express: valid test numbers +1 -0');
    expect(readFileSync(path.join(target, 'couriers/dhl.json'), 'utf8')).toBe(readFileSync(path.join(source, 'couriers/dhl.json'), 'utf8'));
    expect(readFileSync(path.join(target, 'README.md'), 'utf8')).toMatch(/^Upstream commit: `abc1234`/m);
  }, 30_000);

  it.each([
    [
      'a regex that does not compile',
      (courier: { tracking_numbers: Array<Record<string, unknown>> }) => {
        (courier.tracking_numbers[0] as Record<string, unknown>).regex = '(?<SerialNumber>[0-9]{9,10}';
      },
      'regex does not compile',
    ],
    [
      'an unknown checksum',
      (courier: { tracking_numbers: Array<Record<string, unknown>> }) => {
        (courier.tracking_numbers[0] as Record<string, unknown>).validation = { checksum: { name: 'mod11' } };
      },
      'unknown checksum "mod11"',
    ],
    [
      'a valid test number that fails',
      (courier: { tracking_numbers: Array<Record<string, unknown>> }) => {
        (courier.tracking_numbers[0]?.test_numbers as { valid: string[] }).valid.push('3318810011');
      },
      'valid test number "3318810011" does not validate',
    ],
  ])(
    'refuses %s and writes nothing',
    (_case, edit, message) => {
      const source = copyOfBundledData();
      const target = copyOfBundledData();
      editCourier(source, 'dhl.json', edit);
      const before = readFileSync(path.join(target, 'couriers/dhl.json'), 'utf8');

      const { status, output } = refresh(source, target);

      expect(status).toBe(1);
      expect(output).toContain(message);
      expect(readFileSync(path.join(target, 'couriers/dhl.json'), 'utf8')).toBe(before);
    },
    30_000,
  );

  it('changes nothing with --dry-run', () => {
    const source = copyOfBundledData();
    const target = copyOfBundledData();
    rmSync(path.join(source, 'couriers/yodel.json'));

    const { status, output } = refresh(source, target, '--dry-run');

    expect(status, output).toBe(0);
    expect(output).toContain('- couriers/yodel.json');
    expect(readFileSync(path.join(target, 'couriers/yodel.json'), 'utf8').length).toBeGreaterThan(0);
  }, 30_000);
});
