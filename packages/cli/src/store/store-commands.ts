import { Argument, Option, type Command } from 'commander';
import type { ApiKeyCommandOptions } from '../commands/api-key';
import type { ImportCommandOptions } from '../commands/import';
import type { ReportCommandOptions } from '../commands/report';
import type { StatusCommandOptions } from '../commands/status';
import type { WatchCommandOptions } from '../commands/watch';
import type { WorkerCommandOptions } from '../commands/worker';
import type { NotifyPreviewOptions } from '../commands/notify-preview';
import { WISMO_CONFIG_ENV } from '../config';
import type { CliContext } from '../context';
import type { ExitCode } from '../errors';
import { SHOP_OPTION_HELP, STORE_OPTION_HELP } from './open-store';
import { WORKER_PUSH_HELP } from './serve-push';

/**
 * `wismo watch`, `import`, `status` and `worker`: the commands around the store. Each is loaded on demand,
 * so the other commands never open a database driver.
 */
export function registerStoreCommands(program: Command, context: CliContext, state: { exitCode: ExitCode }): void {
  program
    .command('watch')
    .description('watch tracking numbers: the store keeps them and `wismo worker` checks them on a schedule')
    .argument('<number...>', 'tracking numbers')
    .option('-c, --carrier <id>', 'the carrier (default: detected from the number)')
    .option('--order <id>', 'the order the numbers belong to')
    .option('--json', 'one JSON object per number')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .action(async (numbers: string[], options: WatchCommandOptions) => {
      const { runWatch } = await import('../commands/watch');
      state.exitCode = await runWatch(numbers, options, context);
    });

  program
    .command('import')
    .description('watch every tracking number of a CSV/JSONL file (order_id, tracking_number[, carrier]) or store a JSON array of orders')
    .argument('<file>', '.csv / .jsonl rows, or .json orders (as `wismo serve --orders` reads them)')
    .option('-c, --carrier <id>', 'carrier for rows without one (default: detected per number)')
    .addOption(new Option('--input-format <format>', 'row format when the extension does not say').choices(['csv', 'jsonl']))
    .addOption(
      new Option('--from <source>', "an aggregator's CSV export, read by its own columns").choices([
        'aftership',
        'easypost',
        'ship24',
        '17track',
      ]),
    )
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .addHelpText('after', '\nRows that cannot be imported are listed on stderr and the exit code is 1; the others are imported.')
    .action(async (file: string, options: ImportCommandOptions) => {
      const { runImport } = await import('../commands/import');
      state.exitCode = await runImport(file, options, context);
    });

  program
    .command('status')
    .description('what the store watches: counts by status and delay, and the next checks due')
    .option('--json', 'machine-readable output')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .action(async (options: StatusCommandOptions) => {
      const { runStatus } = await import('../commands/status');
      state.exitCode = await runStatus(options, context);
    });

  program
    .command('report')
    .description('the dashboard figures for a period (as GET /v1/stats/report): at risk, carrier performance, updates, health')
    .option('--since <window>', 'the period back from now: a number and h, d or w', '30d')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'html']).default('json'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addOption(new Option('--lang <language>', 'language of the HTML report').choices(['en', 'de', 'nl', 'fr', 'es']).default('en'))
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .action(async (options: ReportCommandOptions) => {
      const { runReport } = await import('../commands/report');
      state.exitCode = await runReport(options, context);
    });

  program
    .command('api-key')
    .description('API keys of one shop for `wismo serve` (a key sees only its shop): create, list, revoke <key-id>')
    .addArgument(new Argument('<action>', 'what to do').choices(['create', 'list', 'revoke']))
    .argument('[key-id]', 'the key to revoke')
    .option('--name <name>', 'a label for the new key')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .action(async (action: 'create' | 'list' | 'revoke', keyId: string | undefined, options: ApiKeyCommandOptions) => {
      const { runApiKey } = await import('../commands/api-key');
      state.exitCode = await runApiKey(action, keyId, options, context);
    });

  program
    .command('worker')
    .description('check watched shipments when they are due, until stopped (Ctrl-C / SIGTERM stop it cleanly)')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--config <file>', `JSON config file with credentials (default: $${WISMO_CONFIG_ENV})`)
    .option('--batch-size <n>', 'shipments claimed per carrier per round', '500')
    .option('--idle <seconds>', 'pause between rounds when nothing was due', '5')
    .option('--once', 'run one round and exit (for cron)')
    .option('--sandbox', 'check against the sandbox carriers on 127.0.0.1 (no credentials; they know the numbers of examples/orders.csv)')
    .option('--events', 'print every change detected (status, events, ETA, delays)')
    .option('--no-notify', 'do not send notifications (by default they go out when SMTP_URL or Twilio is configured)')
    .option('--queue <url>', 'run as one of any number of BullMQ workers: redis://… or postgres://… (default: $WISMO_QUEUE_URL)')
    .option(
      '--public-url <url>',
      'public origin of `wismo serve`, e.g. https://track.example.com: links in notifications, and where UPS / USPS push (default: $WISMO_PUBLIC_URL)',
    )
    .addHelpText('after', '\nSeveral workers may share a PostgreSQL store (claims never overlap); on SQLite run one.')
    .addHelpText(
      'after',
      'Notifications: SMTP_URL (+ SMTP_FROM) for email, TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN + TWILIO_FROM / TWILIO_WHATSAPP_FROM\n' +
        'for SMS / WhatsApp, and WISMO_PUBLIC_URL + WISMO_UNSUBSCRIBE_SECRET for the links in every message.',
    )
    .addHelpText('after', WORKER_PUSH_HELP)
    .action(async (options: WorkerCommandOptions) => {
      const { runWorker } = await import('../commands/worker');
      state.exitCode = await runWorker(options, context);
    });

  const notify = program.command('notify').description('customer notifications (milestone messages)');
  notify
    .command('preview')
    .description('render the message a customer would get for a milestone, from an order in the store (nothing is sent)')
    .requiredOption('--order <id>', 'the order')
    .option(
      '--milestone <name>',
      'order_confirmed, shipped, in_transit, out_for_delivery, delivered, delayed, exception, …',
      'out_for_delivery',
    )
    .option('--locale <locale>', "language of the message (default: the customer's)")
    .option('--channel <channel>', 'email, sms or whatsapp', 'email')
    .option('--parcel <id>', 'which parcel of the order (default: the first)')
    .option('-o, --output <file>', "write the email's HTML to this file instead of printing the text")
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--shop <id>', SHOP_OPTION_HELP)
    .action(async (options: NotifyPreviewOptions) => {
      const { runNotifyPreview } = await import('../commands/notify-preview');
      state.exitCode = await runNotifyPreview(options, context);
    });
}
