import { Command, CommanderError, Option } from 'commander';
import type { ServeCommandOptions } from './commands/serve';
import type { DemoCommandOptions } from './commands/demo';
import { runDetect, type DetectCommandOptions } from './commands/detect';
import { runReconcile, type ReconcileCommandOptions } from './commands/reconcile';
import { runTrack, type TrackCommandOptions } from './commands/track';
import { CARRIER_CREDENTIALS, CLI_CARRIER_IDS, WISMO_CONFIG_ENV } from './config';
import { defaultContext, writeLine, type CliContext } from './context';
import { CliError, EXIT_CODES, type ExitCode } from './errors';
import { VERSION } from './version';
import { DEFAULT_STORE_URL, SHOP_OPTION_HELP, STORE_OPTION_HELP } from './store/open-store';
import { registerStoreCommands } from './store/store-commands';
import { SERVE_PUSH_HELP } from './store/serve-push';

const CREDENTIALS_HELP = `
Credentials (only carriers with credentials are used):
${CLI_CARRIER_IDS.map((carrier) => `  ${CARRIER_CREDENTIALS[carrier].name.padEnd(6)} ${CARRIER_CREDENTIALS[carrier].fields.map((field) => field.env).join(', ')}`).join('\n')}
  or a JSON file given with --config or ${WISMO_CONFIG_ENV}:
    {"carriers": {"ups": {"clientId": "…", "clientSecret": "…"}, "dhl": {"apiKey": "…", "service": "parcel-de"}}}
  A setting in the file wins over the environment. Secrets are never printed.

Exit codes: 0 done · 1 findings (--fail-on-mismatch/--fail-on-error, a number without an answer)
            2 usage or configuration error · 3 failure while working · 130 interrupted (checkpoint saved)

Try it without credentials: wismo demo, or --sandbox with track and reconcile`;

/** The `wismo` program. Actions store their exit code in `state`; nothing calls `process.exit` here. */
export function createProgram(context: CliContext, state: { exitCode: ExitCode }): Command {
  const program = new Command('wismo')
    .description('Track shipments across UPS, FedEx, USPS and DHL with one status model.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', CREDENTIALS_HELP)
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .exitOverride();

  program
    .command('track')
    .description('track one or more numbers: status, ETA and a timeline (carrier detected when not given)')
    .argument('<number...>', 'tracking numbers (spaces inside a number need quotes)')
    .option('-c, --carrier <id>', `the carrier (${CLI_CARRIER_IDS.join(', ')}); default: detected from the number`)
    .option('--json', 'machine-readable output (one object per number)')
    .option('--events <n>', 'events to show per shipment, or "all"', '10')
    .option('--timeout <seconds>', 'per-request timeout')
    .option('--config <file>', `JSON config file with credentials (default: $${WISMO_CONFIG_ENV})`)
    .option('--sandbox', 'use the sandbox carriers on 127.0.0.1 instead (no credentials; they know the numbers of examples/orders.csv)')
    .action(async (numbers: string[], options: TrackCommandOptions) => {
      state.exitCode = await runTrack(numbers, options, context);
    });

  program
    .command('detect')
    .description('which carriers a tracking number belongs to, from its format and check digit (no credentials needed)')
    .argument('<number>', 'a tracking number')
    .option('--json', 'machine-readable output')
    .option('--config <file>', 'config file (only to mark configured carriers)')
    .action(async (number: string, options: DetectCommandOptions) => {
      state.exitCode = await runDetect(number, options, context);
    });

  program
    .command('reconcile')
    .description('track every row of a CSV or JSONL file (order_id, tracking_number[, carrier][, expected_status]) and write the results')
    .argument('<file>', 'input .csv or .jsonl; read as a stream')
    .option('-o, --output <file>', 'results file (.csv or .jsonl); default <input>.reconciled.csv')
    .addOption(new Option('--output-format <format>', 'results format').choices(['csv', 'jsonl']))
    .addOption(new Option('--input-format <format>', 'input format when the extension does not say').choices(['csv', 'jsonl']))
    .option('-c, --carrier <id>', 'carrier for rows without one (default: detected per number)')
    .option('--config <file>', `JSON config file with credentials (default: $${WISMO_CONFIG_ENV})`)
    .option('--sandbox', 'use the sandbox carriers on 127.0.0.1 instead (no credentials; try examples/orders.csv)')
    .option('--concurrency <n>', 'batch requests in flight per carrier (rate limits still apply)', '8')
    .option('--window <rows>', 'rows in flight at most; reading pauses when full', '2000')
    .option('--retries <n>', 'extra attempts per row after a retryable error (after the transport retries)', '1')
    .option('--timeout <seconds>', 'per-request timeout')
    .option('--stalled-after <hours>', 'a moving parcel without a scan for this long is "stalled"', '72')
    .option('--checkpoint <file>', 'checkpoint file (default <output>.checkpoint.json)')
    .option('--no-checkpoint', 'do not write a checkpoint (an interrupted run cannot continue)')
    .option('--restart', 'ignore an existing checkpoint and start over')
    .option('--overwrite', 'replace an existing output file that has no checkpoint')
    .option('--fail-on-mismatch', 'exit 1 when a row differs from its expected_status')
    .option('--fail-on-error', 'exit 1 when a row could not be tracked or read')
    .option('--json-summary', 'print the summary as JSON on stdout (the table goes to stderr)')
    .addOption(new Option('--progress <mode>', 'progress display on stderr').choices(['auto', 'bar', 'lines', 'off']).default('auto'))
    .option('--progress-interval <seconds>', 'seconds between plain progress lines (not a terminal)', '5')
    .option('--checkpoint-interval <seconds>', 'seconds between checkpoints while running', '1')
    .option(
      '--store [url]',
      `also write every result into the store, watched from then on (url default: $DATABASE_URL, else ${DEFAULT_STORE_URL})`,
    )
    .option('--shop <id>', `with --store: ${SHOP_OPTION_HELP}`)
    .addHelpText('after', '\nInterrupted (Ctrl-C, crash)? Run the same command again: it continues from the checkpoint.')
    .action(async (file: string, options: ReconcileCommandOptions) => {
      state.exitCode = await runReconcile(file, options, context);
    });

  registerStoreCommands(program, context, state);

  program
    .command('serve')
    .description(
      `serve the REST API, the branded tracking page and the helpdesk panels of the config file's "helpdesk" section (API keys from $${'WISMO_API_KEYS'})`,
    )
    .option('--port <n>', 'port', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--orders <file>',
      'JSON file with orders: stored in the store at start (with --no-store: served from the file, reloaded when it changes)',
    )
    .option('--config <file>', `JSON config file with credentials (default: $${WISMO_CONFIG_ENV})`)
    .option('--brand-name <name>', 'shop name on the tracking page')
    .option('--time-zone <zone>', 'IANA time zone for anonymous visitors', 'UTC')
    .option('--locale <locale>', 'default language: en, de, nl, fr or es', 'en')
    .option(
      '--public-url <url>',
      'public origin of the server, e.g. https://track.example.com (OpenAPI servers, problem types, helpdesk panels; default: $WISMO_PUBLIC_URL, else relative URLs)',
    )
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--no-store', 'run without a store (no /v1/trackings; orders only from --orders)')
    .option('--worker', 'also run the refresh scheduler in this process (as `wismo worker` does)')
    .addHelpText('after', SERVE_PUSH_HELP)
    .action(async (options: ServeCommandOptions) => {
      const { runServe } = await import('./commands/serve');
      state.exitCode = await runServe(options, context);
    });

  program
    .command('demo')
    .description('start sandbox carriers on loopback, reconcile examples/orders.csv and print order views (no credentials)')
    .option('--file <csv>', 'the orders file (default: examples/orders.csv, else a built-in copy)')
    .option('--orders <n>', 'order views to print', '3')
    .option('-o, --output <file>', 'keep the reconciliation results in this file')
    .option('--no-serve', 'do not serve the tracking page, API and helpdesk panel afterwards')
    .option('--port <n>', 'port for the demo server (default: a free one)')
    .option('--keep-serving', 'keep serving until Ctrl-C (default when stdout is a terminal)')
    .action(async (options: DemoCommandOptions) => {
      // Loaded on demand: the sandbox carriers and the order views are only needed here.
      const { runDemo } = await import('./commands/demo');
      state.exitCode = await runDemo(options, context);
    });

  return program;
}

/**
 * Runs `wismo` with the given arguments (without `node` and the script) and returns the exit code.
 * Errors become one message with what to do, never a stack trace.
 */
export async function runCli(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<ExitCode> {
  const context = defaultContext(overrides);
  const state: { exitCode: ExitCode } = { exitCode: EXIT_CODES.ok };
  const program = createProgram(context, state);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with "errors" of their own; everything else commander reports is usage.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_CODES.ok;
      if (error.code === 'commander.executeSubCommandAsync') return EXIT_CODES.failure;
      return EXIT_CODES.usage;
    }
    if (CliError.isInstance(error)) {
      writeLine(context.stderr, `wismo: ${error.message}`);
      if (error.hint) writeLine(context.stderr, error.hint);
      return error.exitCode;
    }
    const message = (error as Error)?.message ?? String(error);
    writeLine(context.stderr, `wismo: unexpected error: ${message}`);
    writeLine(
      context.stderr,
      'This is a bug in wismo; please report it with the command you ran (credentials are never part of this message).',
    );
    if (context.env.WISMO_DEBUG) writeLine(context.stderr, String((error as Error)?.stack ?? ''));
    return EXIT_CODES.failure;
  }
}
