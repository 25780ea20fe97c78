// @wismo/cli as a library: what a script composes — the reconciliation engine, the readers of its input and
// output, the CLI's credential handling and the command itself. Helpers stay in their modules (tests import
// the module they test).
export { reconcile, type ReconcileOptions, type ReconcileResult, type ReconcileProgress } from './reconcile/engine';
export type { Checkpoint } from './reconcile/checkpoint';
export { readInputRows, type InputRow, type InputFormat, type RowSource, type ReadRowsOptions } from './reconcile/input';
export { readResultRecords } from './reconcile/results';
export { RESULT_COLUMNS, type ResultRecord, type OutputFormat } from './reconcile/result-record';
export { formatSummaryTable, type ReconcileSummary } from './reconcile/summary';
export { delayFlags, type DelayFlags, type DelayOptions } from './reconcile/delays';
export {
  loadConfig,
  createCliTracker,
  type WismoConfig,
  type LoadConfigOptions,
  type CliTrackerOptions,
  type CliCarrierId,
  type CarrierSettings,
} from './config';
export { formatShipment } from './format';
export { runCli } from './cli';
export { CliError, EXIT_CODES, type ExitCode } from './errors';
export { VERSION } from './version';
