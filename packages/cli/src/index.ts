// @wismo/cli as a library: the reconciliation engine and the CLI's credential handling, for scripts.
export { reconcile, type ReconcileOptions, type ReconcileResult, type ReconcileProgress } from './reconcile/engine';
export { readInputRows, rowFromJsonLine, normaliseColumnName, formatFromPath, EXPECTED_STATUS_VALUES, type InputRow, type InputFormat, type RowSource, type ReadRowsOptions } from './reconcile/input';
export { RESULT_COLUMNS, recordFromOutcome, badInputRecord, serialiseRecord, csvHeader, carrierTimeText, type ResultRecord, type OutputFormat } from './reconcile/result-record';
export { emptySummary, addToSummary, categorisedRows, formatSummaryTable, type ReconcileSummary } from './reconcile/summary';
export { delayFlags, latestPossibleEpochMs, earliestPossibleEpochMs, MOVING_STATUSES, type DelayFlags, type DelayOptions } from './reconcile/delays';
export { readCheckpoint, writeCheckpointAtomically, defaultCheckpointPath, fileIdentity, sameInput, CHECKPOINT_VERSION, type Checkpoint, type FileIdentity } from './reconcile/checkpoint';
export { ReorderBuffer } from './reconcile/reorder-buffer';
export { createProgressReporter, formatProgressLine, type ProgressReporter, type ProgressMode } from './reconcile/progress';
export {
  loadConfig,
  createCliTracker,
  createConfiguredAdapters,
  credentialsHelp,
  CARRIER_CREDENTIALS,
  CLI_CARRIER_IDS,
  WISMO_CONFIG_ENV,
  type WismoConfig,
  type LoadConfigOptions,
  type CliTrackerOptions,
  type CliCarrierId,
  type CarrierSettings,
} from './config';
export { readResultRecords } from './reconcile/results';
export { formatShipment, formatCarrierTime, formatDetection, adviceFor } from './format';
export { runCli, createProgram } from './cli';
export { CliError, EXIT_CODES, type ExitCode } from './errors';
export { DEMO_ROWS, demoOrdersCsv } from './demo/demo-orders';
export { VERSION } from './version';
