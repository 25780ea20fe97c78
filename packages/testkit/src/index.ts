export { startSandboxCarriers, SANDBOX_CARRIERS, SANDBOX_CREDENTIALS, SANDBOX_DOCUMENTED_RATE_LIMITS } from './start-sandbox-carriers';
export { createSandboxClock, type SandboxClock } from './sandbox-clock';
export { createRequestLog, type RequestLog, type LoggedRequest, type BusiestWindow } from './request-log';
export {
  SANDBOX_NUMBERS,
  SCENARIO_SLOTS,
  decodeSandboxNumber,
  generateSandboxNumbers,
  scenarioOfSlot,
  type DecodedSandboxNumber,
} from './sandbox-numbers';
export { ADVANCING_SCHEDULE, type Milestone } from './journeys';
export { SANDBOX_EXPECTED_OUTCOMES, type SandboxExpectation } from './sandbox-expectations';
export {
  SANDBOX_CARRIER_IDS,
  SANDBOX_SCENARIOS,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
  type SandboxCredentials,
  type SandboxFaults,
  type SandboxOptions,
  type SandboxRateLimit,
  type SandboxScenario,
  type SandboxStats,
} from './sandbox-types';
export { WISMO_CARRIERS, WISMO_CARRIER_IDS, isWismoCarrierId, type RegisteredCarrier, type WismoCarrierId } from './carrier-registry';
export {
  createSandboxPusher,
  type SandboxPushCarrier,
  type SandboxPushDelivery,
  type SandboxPushFaults,
  type SandboxPusher,
  type SandboxPushOptions,
  type SignedPush,
} from './sandbox-push';
