export {
  runCarrierConformance,
  type CarrierConformanceOptions,
  type MockedResponse,
  type ConformanceTransport,
  type ConformanceRequest,
} from './run-carrier-conformance';
export {
  createFixtureReplay,
  isolateNetwork,
  type FixtureReplay,
  type FixtureReplayOptions,
  type ReplayOptions,
  type ReplayBody,
} from './fixture-replay';
export { costRatio } from './cost-ratio';
