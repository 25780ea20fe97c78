import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_VERSION,
  defaultCheckpointPath,
  fileIdentity,
  readCheckpoint,
  sameInput,
  writeCheckpointAtomically,
  type Checkpoint,
} from './checkpoint';
import { emptySummary } from './summary';

const directory = mkdtempSync(join(tmpdir(), 'wismo-checkpoint-'));

function checkpoint(rowsDone: number): Checkpoint {
  return {
    version: CHECKPOINT_VERSION,
    input: { path: '/in.csv', size: 10, mtimeMs: 1, headSha256: 'a', tailSha256: 'b' },
    inputFormat: 'csv',
    output: { path: '/out.csv', format: 'csv' },
    rowsDone,
    outputBytes: rowsDone * 10,
    summary: { ...emptySummary(), rows: rowsDone },
    startedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:01.000Z',
    runs: 1,
  };
}

describe('checkpoint', () => {
  it('is replaced atomically: no temporary file is left, and a reader sees a whole checkpoint', async () => {
    const path = join(directory, 'a.checkpoint.json');
    await writeCheckpointAtomically(path, checkpoint(1));
    const writes = Array.from({ length: 20 }, (_, index) => writeCheckpointAtomically(path, checkpoint(index + 2)));
    // Reads racing the writes never see a torn file (JSON.parse would throw).
    const reads = Array.from({ length: 20 }, () => readCheckpoint(path));
    await Promise.all(writes);
    for (const read of await Promise.all(reads)) expect(read?.rowsDone).toBeGreaterThan(0);
    // Whichever rename came last, the file is one whole checkpoint; a later write replaces it.
    expect((await readCheckpoint(path))?.rowsDone).toBeGreaterThanOrEqual(2);
    await writeCheckpointAtomically(path, checkpoint(100));
    expect((await readCheckpoint(path))?.rowsDone).toBe(100);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is null when missing, and a damaged or foreign file is a usage error that says how to start over', async () => {
    expect(await readCheckpoint(join(directory, 'none.json'))).toBeNull();
    const damaged = join(directory, 'damaged.json');
    writeFileSync(damaged, '{"version": 1, "rowsDo');
    await expect(readCheckpoint(damaged)).rejects.toMatchObject({ exitCode: 2, hint: expect.stringMatching(/--restart/) });
    writeFileSync(damaged, '{"version": 99}');
    await expect(readCheckpoint(damaged)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/not a wismo reconcile checkpoint/),
    });
  });

  it('identifies the input by size and the hashes of its first and last 64 KiB', async () => {
    const path = join(directory, 'input.csv');
    writeFileSync(path, 'x'.repeat(200_000));
    const before = await fileIdentity(path);
    writeFileSync(path, `${'x'.repeat(199_999)}y`);
    const changedTail = await fileIdentity(path);
    expect(sameInput(before, changedTail)).toBe(false);
    writeFileSync(path, 'x'.repeat(200_000));
    expect(sameInput(before, await fileIdentity(path))).toBe(true);
    expect(defaultCheckpointPath('/data/out.csv')).toBe('/data/out.csv.checkpoint.json');
  });
});
