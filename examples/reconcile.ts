// Reconcile a file of orders from a script, with @wismo/cli's engine: the same streaming, batching, rate
// limits, checkpoint and summary as `wismo reconcile`, plus your own handling of the results.
//
//   pnpm exec tsx examples/reconcile.ts                      examples/orders.csv on the sandbox carriers
//   pnpm exec tsx examples/reconcile.ts shipments.csv        your file, the real carriers (credentials from
//                                                             UPS_CLIENT_ID, …, DHL_API_KEY or WISMO_CONFIG)
// Stop it with Ctrl-C and run it again: it continues from its checkpoint.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCliTracker, formatSummaryTable, loadConfig, readResultRecords, reconcile } from '@wismo/cli';
import { createTracker, type Tracker } from '@wismo/core';
import { startSandboxCarriers } from '@wismo/testkit';

const input = process.argv[2];
// The sandbox enforces each carrier's documented rate limit (DHL: 1 request a second), here ten times faster.
const sandbox = input ? null : await startSandboxCarriers({ timeScale: 10 });
try {
  const tracker: Tracker = sandbox
    ? createTracker({ carriers: sandbox.createAdapters(), cache: false })
    : createCliTracker(loadConfig(), { cache: false });
  const file = input ?? new URL('./orders.csv', import.meta.url).pathname;
  const output = input ? `${file}.results.jsonl` : join(mkdtempSync(join(tmpdir(), 'wismo-example-')), 'orders.results.jsonl');
  if (sandbox) console.log(`No file given: reconciling ${file} on the sandbox carriers (loopback, no credentials).`);

  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  const result = await reconcile({
    input: file,
    output,
    tracker,
    signal: stop.signal,
    onResume: (checkpoint) => console.log(`Continuing after row ${checkpoint.rowsDone}.`),
    onProgress: (progress) => {
      if (progress.rowsDone % 1_000 === 0 && progress.rowsDone > 0) console.log(`  ${progress.rowsDone} rows…`);
    },
  });
  console.log(formatSummaryTable(result.summary, { elapsedMs: result.elapsedMs, rowsThisRun: result.rowsThisRun }));
  if (result.status === 'interrupted') {
    console.log(`Interrupted; run again to continue (checkpoint ${result.checkpointPath}).`);
    process.exitCode = 130;
  } else {
    // Your follow-up: e.g. open a ticket for every mismatch, chase every stalled or late parcel.
    console.log(`\nRows to look at (${output}):`);
    for await (const row of readResultRecords(output)) {
      if (row.mismatch)
        console.log(
          `  ${row.order_id} ${row.tracking_number}: expected ${row.expected_status}, carrier says ${row.status ?? row.error_code}`,
        );
      else if (row.stalled || row.late)
        console.log(
          `  ${row.order_id} ${row.tracking_number}: ${row.status}${row.stalled ? ', stalled' : ''}${row.late ? ', late' : ''} (last scan ${row.last_event_at})`,
        );
      else if (row.error_code)
        console.log(`  ${row.order_id} ${row.tracking_number || '(no number)'}: ${row.error_code} — ${row.error_message}`);
    }
  }
} finally {
  await sandbox?.close();
}
