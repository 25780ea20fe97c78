export { BRIDGE_SOURCES, type BridgeSource } from './bridge-common';
export { createBridgeReceivers, BRIDGE_ENVIRONMENT } from './create-bridge-receivers';
export { createAftershipReceiver, type AftershipBridgeSettings } from './aftership-bridge';
export { createEasypostReceiver, type EasypostBridgeSettings } from './easypost-bridge';
export { createShip24Receiver, type Ship24BridgeSettings } from './ship24-bridge';
export { createSeventeenTrackReceiver, type SeventeenTrackBridgeSettings } from './seventeen-track-bridge';
export {
  exportColumnName,
  exportColumnOf,
  isBridgeSource,
  readAggregatorExportRecord,
  type AggregatorExportRow,
} from './aggregator-export';
