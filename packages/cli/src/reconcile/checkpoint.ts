import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { usageError } from '../errors';
import type { InputFormat } from './input';
import type { OutputFormat } from './result-record';
import { emptySummary, type ReconcileSummary } from './summary';

export const CHECKPOINT_VERSION = 1;
const SAMPLE_BYTES = 64 * 1024;

/** Identifies the input file without reading all of it: size, modification time, and hashes of its first and last 64 KiB. */
export interface FileIdentity {
  path: string;
  size: number;
  mtimeMs: number;
  headSha256: string;
  tailSha256: string;
}

/**
 * "Rows 0..rowsDone-1 of this input are in this output, which was `outputBytes` long and fsynced when this
 * was written; here are their counts." Written atomically (temp file, fsync, rename) after each flushed chunk.
 */
export interface Checkpoint {
  version: typeof CHECKPOINT_VERSION;
  input: FileIdentity;
  inputFormat: InputFormat;
  output: { path: string; format: OutputFormat };
  rowsDone: number;
  outputBytes: number;
  summary: ReconcileSummary;
  startedAt: string;
  updatedAt: string;
  /** Runs that contributed (1 + number of resumes). */
  runs: number;
}

async function hashRange(path: string, start: number, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, length));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
  } finally {
    await handle.close();
  }
}

export async function fileIdentity(path: string): Promise<FileIdentity> {
  const info = await stat(path);
  const headLength = Math.min(SAMPLE_BYTES, info.size);
  const tailStart = Math.max(0, info.size - SAMPLE_BYTES);
  return {
    path,
    size: info.size,
    mtimeMs: Math.round(info.mtimeMs),
    headSha256: await hashRange(path, 0, headLength),
    tailSha256: await hashRange(path, tailStart, info.size - tailStart),
  };
}

/** True when the file is the one the checkpoint was made from (the modification time alone may change on a copy). */
export function sameInput(saved: FileIdentity, current: FileIdentity): boolean {
  return saved.size === current.size && saved.headSha256 === current.headSha256 && saved.tailSha256 === current.tailSha256;
}

export function defaultCheckpointPath(outputPath: string): string {
  return join(dirname(outputPath), `${basename(outputPath)}.checkpoint.json`);
}

/** Reads a checkpoint; `null` when there is none. A damaged one is a usage error that says how to start over. */
export async function readCheckpoint(path: string): Promise<Checkpoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  let value: Checkpoint;
  try {
    value = JSON.parse(text) as Checkpoint;
  } catch {
    throw usageError(
      `The checkpoint ${path} is damaged (not JSON).`,
      'Run again with --restart to start over (the output is rewritten), or delete the checkpoint file.',
    );
  }
  if (
    value?.version !== CHECKPOINT_VERSION ||
    typeof value.rowsDone !== 'number' ||
    typeof value.outputBytes !== 'number' ||
    !value.input ||
    !value.output
  ) {
    throw usageError(
      `The checkpoint ${path} is not a wismo reconcile checkpoint of version ${CHECKPOINT_VERSION}.`,
      'Run again with --restart to start over, or delete the checkpoint file.',
    );
  }
  value.summary = { ...emptySummary(), ...value.summary };
  return value;
}

/**
 * Writes the checkpoint so that a reader sees the old one or the new one, never half of one: write a temp
 * file beside it, fsync it, rename it over the old one (atomic on POSIX file systems), fsync the directory.
 */
export async function writeCheckpointAtomically(path: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  try {
    const directory = await open(dirname(path), 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic.
  }
}

export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}
