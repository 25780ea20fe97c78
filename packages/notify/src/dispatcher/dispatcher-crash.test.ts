import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStore } from '@wismo/store';
import { storeDatabase } from '@wismo/store/internal';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../channels/__fixtures__/loopback-servers';
import { createEmailChannel } from '../channels/email-channel';
import { CRASH_SETTINGS } from './__fixtures__/crash-settings';
import { dhlNumber, ingestUpTo, journey, seedOrder, testEngines, type TestDatabase } from './__fixtures__/notify-test-setup';
import { createDispatcher } from './create-dispatcher';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childPath = fileURLToPath(new URL('./__fixtures__/dispatch-child.ts', import.meta.url));
const ORDERS = 40;
const KILL_AFTER_EMAILS = 15;

for (const engine of testEngines()) {
  describe.skipIf(!engine.available)(`dispatcher crash on ${engine.name}: killed with SIGKILL mid-batch and restarted`, () => {
    let database: TestDatabase;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

    beforeEach(async () => {
      database = engine.create();
      smtp = await startSmtpServer();
      // Real time (the child runs on the wall clock); the scans happened in the last two hours.
      const startMs = Date.now() - 120 * 60_000;
      let now = startMs;
      const store = await createStore({ url: database.url, clock: () => new Date(now) });
      const trackings: Array<{ id: string; number: string }> = [];
      for (let index = 0; index < ORDERS; index++) {
        const number = dhlNumber(100 + index);
        const [id] = await seedOrder(
          store.shop(),
          { id: `ord-${index}`, number: `${7000 + index}`, email: `customer${index}@example.de`, trackingNumbers: [number] },
          new Date(startMs - 3_600_000).toISOString(),
        );
        trackings.push({ id: id!, number });
      }
      await ingestUpTo(store, (ms) => (now = ms), trackings, journey({ pickedUp: 30 }), 2, startMs);
      await store.close();
    });
    afterEach(async () => {
      await smtp.close();
      await database.drop();
    });

    it('every due message is sent, none is lost, duplicates are bounded by the rows in flight', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', childPath, database.url, smtp.url], {
        cwd: repositoryRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      await smtp.waitFor(KILL_AFTER_EMAILS, 30_000).catch(async (error: unknown) => {
        child.kill('SIGKILL');
        throw new Error(`${(error as Error).message}; child stderr: ${stderr.slice(0, 2000)}`);
      });
      child.kill('SIGKILL');
      const exit = await exited;
      expect(exit.signal).toBe('SIGKILL');
      expect(stdout).not.toContain('done');
      const receivedAtCrash = smtp.received.length;

      const store = await createStore({ url: database.url });
      const email = createEmailChannel({ url: smtp.url, from: 'orders@shop.example' });
      try {
        const { db } = storeDatabase(store);
        const inFlight = await db.selectFrom('notifications').select(['id']).where('status', '=', 'sending').execute();
        // The restarted dispatcher takes over once the dead one's leases have run out.
        await new Promise((resolve) => setTimeout(resolve, CRASH_SETTINGS.leaseMs + 100));
        const dispatcher = createDispatcher({
          store,
          channels: { email },
          settings: { quietHours: null },
          links: { publicUrl: 'https://track.shop.example', unsubscribeSecret: 'unsubscribe-secret-0123456789' },
          batchSize: CRASH_SETTINGS.batchSize,
          concurrency: CRASH_SETTINGS.concurrency,
        });
        for (;;) {
          const report = await dispatcher.runOnce();
          if (report.claimed === 0 && report.events === 0) break;
        }
        const rows = await db.selectFrom('notifications').select(['dedupe_key', 'status']).execute();
        expect(rows).toHaveLength(ORDERS);
        expect(rows.every((row) => row.status === 'sent')).toBe(true);
        await smtp.waitFor(ORDERS);
        const keys = smtp.received.map((mail) => String(mail.headers.get('x-wismo-dedupe-key')));
        const unique = new Set(keys);
        expect([...unique].sort()).toEqual(rows.map((row) => row.dedupe_key).sort());
        const duplicates = keys.length - unique.size;
        expect(duplicates).toBeLessThanOrEqual(inFlight.length);
        // Claimed and not yet marked: one claim batch, plus the tail of the previous one still being sent.
        expect(inFlight.length).toBeLessThanOrEqual(CRASH_SETTINGS.batchSize + CRASH_SETTINGS.concurrency);
        // Duplicates carry the same Message-ID, so the mailbox can fold them.
        for (const key of unique)
          expect(
            new Set(smtp.received.filter((mail) => mail.headers.get('x-wismo-dedupe-key') === key).map((mail) => mail.messageId)).size,
          ).toBe(1);
        console.warn(
          `[notify crash ${engine.name}] emails before the kill: ${receivedAtCrash}; rows in flight at the kill: ${inFlight.length}; duplicates after the restart: ${duplicates} of ${ORDERS} messages`,
        );
      } finally {
        await email.close?.();
        await store.close();
      }
    }, 90_000);
  });
}
