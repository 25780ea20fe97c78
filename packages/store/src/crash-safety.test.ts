import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerAfter, TEST_JOURNEY } from './__fixtures__/parcel-answers';
import { testEngines, type TestDatabase } from './__fixtures__/test-stores';
import { createStore } from './create-store';
import type { Store } from './store-types';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const childPath = fileURLToPath(new URL('./__fixtures__/crash-child.ts', import.meta.url));
const CHECKED_AT = new Date('2026-03-20T00:00:00Z');
const PARCELS = 60;

/** Runs the child worker and kills it with SIGKILL once `killAfter` lines matching `pattern` have been printed. */
function runChild(
  mode: 'ingest' | 'claim',
  url: string,
  pattern: RegExp,
  killAfter: number,
): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childPath, mode, url], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let matched = 0;
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (pattern.test(line) && ++matched === killAfter) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ lines, signal, code });
    });
  });
}

/** Every row the store wrote, checked for completeness and duplicates against one journey per parcel. */
async function expectCompleteAndUnique(store: Store, trackingIds: readonly string[]) {
  const shop = store.shop();
  const outbox = await store.readOutbox({ limit: 10_000 });
  const keys = outbox.map((event) => event.dedupeKey);
  expect(new Set(keys).size).toBe(keys.length);
  for (const id of trackingIds) {
    const events = await shop.listEvents(id);
    expect(events.map((event) => event.raw.code).sort()).toEqual(TEST_JOURNEY.map((scan) => scan.code).sort());
    const transitions = await shop.listTransitions(id);
    expect(transitions.map((transition) => transition.sequence)).toEqual(transitions.map((_, index) => index + 1));
    expect(transitions.at(-1)?.to.status).toBe('delivered');
    const mine = outbox.filter((event) => event.trackingId === id);
    expect(mine.filter((event) => event.type === 'event_added')).toHaveLength(TEST_JOURNEY.length);
    expect(mine.filter((event) => event.type === 'delivered')).toHaveLength(1);
    expect(mine.filter((event) => event.type === 'status_changed')).toHaveLength(transitions.length);
  }
}

for (const engine of testEngines()) {
  describe.skipIf(!engine.available)(`crash safety on ${engine.name}: a worker killed with SIGKILL`, () => {
    let database: TestDatabase;
    let trackingIds: string[];

    beforeEach(async () => {
      database = engine.create();
      const store = await createStore({ url: database.url, clock: () => CHECKED_AT });
      trackingIds = [];
      for (let index = 0; index < PARCELS; index++)
        trackingIds.push((await store.shop().watch(`00340434161094${String(500_000 + index)}`, { carrier: 'dhl' })).id);
      await store.close();
    });
    afterEach(async () => {
      await database.drop();
    });

    it('during ingest: every committed batch survives, and re-running after the restart duplicates nothing', async () => {
      const run = await runChild('ingest', database.url, /^committed /, 7);
      expect(run.signal).toBe('SIGKILL');
      expect(run.lines).not.toContain('done');
      const store = await createStore({ url: database.url, clock: () => CHECKED_AT, random: () => 0.5 });
      try {
        // Batch b (ten parcels) carried scan floor(b / 6) + 1: what the child reported committed must be there.
        const committed = run.lines.filter((line) => line.startsWith('committed ')).length;
        expect(committed).toBeGreaterThanOrEqual(7);
        const batchesPerScan = PARCELS / 10;
        for (let batch = 0; batch < committed; batch++) {
          const scans = Math.floor(batch / batchesPerScan) + 1;
          for (const id of trackingIds.slice((batch % batchesPerScan) * 10, (batch % batchesPerScan) * 10 + 10)) {
            expect((await store.shop().listEvents(id)).length).toBeGreaterThanOrEqual(scans);
          }
        }
        // The restarted worker does the whole job again, from the start: only what was missing is added.
        for (let scans = 1; scans <= TEST_JOURNEY.length; scans++) {
          await store.ingestMany(
            trackingIds.map((id, index) => ({
              trackingId: id,
              shipment: answerAfter(`00340434161094${String(500_000 + index)}`, scans),
              checkedAt: CHECKED_AT,
            })),
          );
        }
        await expectCompleteAndUnique(store, trackingIds);
        for (const id of trackingIds)
          expect((await store.shop().listTransitions(id)).map((transition) => transition.to.status)).toEqual([
            'info_received',
            'in_transit',
            'out_for_delivery',
            'delivered',
          ]);
      } finally {
        await store.close();
      }
    }, 60_000);

    it('during a claim: leased shipments come back after the lease, each is processed exactly once', async () => {
      const run = await runChild('claim', database.url, /^claimed /, 3);
      expect(run.signal).toBe('SIGKILL');
      const claimedByChild = run.lines
        .filter((line) => line.startsWith('claimed '))
        .flatMap((line) => line.slice('claimed '.length).split(','));
      expect(claimedByChild.length).toBeGreaterThan(0);
      const restartedAt = new Date(CHECKED_AT.getTime() + 61_000);
      const store = await createStore({ url: database.url, clock: () => restartedAt, random: () => 0.5 });
      try {
        // Before the lease ends nothing the dead worker held is handed out again.
        const early = await store.claimDue({ limit: 1000, now: new Date(CHECKED_AT.getTime() + 30_000), workerId: 'early' });
        expect(early.filter((claim) => claimedByChild.includes(claim.id))).toEqual([]);
        await store.ingestMany(
          early.map((claim) => ({
            trackingId: claim.id,
            shipment: answerAfter(claim.trackingNumber, TEST_JOURNEY.length),
            checkedAt: CHECKED_AT,
          })),
        );
        for (;;) {
          const claimed = await store.claimDue({ limit: 25, now: restartedAt, workerId: 'restarted' });
          if (claimed.length === 0) break;
          await store.ingestMany(
            claimed.map((claim) => ({
              trackingId: claim.id,
              shipment: answerAfter(claim.trackingNumber, TEST_JOURNEY.length),
              checkedAt: restartedAt,
            })),
          );
        }
        await expectCompleteAndUnique(store, trackingIds);
        for (const id of trackingIds) expect(await store.shop().listTransitions(id)).toHaveLength(1);
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
