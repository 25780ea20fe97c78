export {
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  type PushHttpAnswer,
  type PushItemReject,
  type PushParseContext,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushUpdate,
  type PushVerification,
  type PushVerificationFailure,
} from './push-receiver';
export {
  checkFreshness,
  constantTimeEqual,
  createReplayGuard,
  hmacSha256,
  PUSH_ACCEPTED,
  pushBodyDigest,
  pushBodyText,
  pushHeader,
  pushRejected,
  verifyHmacSha256,
  verifyStaticToken,
  type HmacCheck,
  type ReplayGuard,
} from './push-signatures';
export { pushSubscriptionRefused, type PushSubscriber, type PushSubscriptionOutcome } from './push-subscriptions';
export { pushBodyRejected, pushResultFromOutcomes, readPushJson, withUnnamedItemsRejected } from './push-updates';
