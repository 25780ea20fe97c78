// What a user composes: orders and their sources, the view, delivery history, and the words for people.
// Internals (stage and delay rules' machinery, time helpers, message compilation) stay behind these; tests
// import the module they test.

// Orders and where they come from
export {
  orderSchema,
  customerSchema,
  parseOrder,
  type Order,
  type OrderInput,
  type Customer,
  type OrderItem,
  type OrderShipment,
  type ShippingAddress,
  type LanePlace,
  type Milestones,
} from './order-schema';
export {
  OrderSourceError,
  normaliseOrderNumber,
  normaliseEmail,
  type OrderSource,
  type OrderSourceErrorCode,
  type OrderSourceIssue,
} from './order-source/order-source';
export { createInMemoryOrderSource } from './order-source/in-memory-order-source';
export { createJsonFileOrderSource, type JsonFileOrderSource } from './order-source/json-file-order-source';

// The view
export { buildOrderView, type BuildOrderViewOptions } from './view/build-order-view';
export {
  orderViewSchema,
  ORDER_VIEW_SCHEMA_VERSION,
  ORDER_STAGES,
  NEXT_ACTION_IDS,
  type OrderView,
  type ParcelView,
  type ParcelLeg,
  type TimelineEntry,
  type OrderStage,
  type OrderActor,
  type NextAction,
  type NextActionId,
  type ActionParameters,
  type Delay,
  type DelayKind,
  type Eta,
  type LastScan,
  type CustomerTime,
  type Age,
} from './order-view-schema';
export { ORDER_STAGE_RULES } from './view/order-stage';
export { DEFAULT_DELAY_THRESHOLDS, type DelayThresholds, type DelayThresholdSettings } from './view/delay-thresholds';
export { toCarrierDirectory, type CarrierDirectory, type CarrierDirectoryEntry } from './view/carrier-directory';

// Delivery history: ETA prediction and carrier performance
export {
  createInMemoryDeliveryHistory,
  deliveryRecordSchema,
  transitBusinessDays,
  type DeliveryHistory,
  type InMemoryDeliveryHistory,
  type DeliveryHistoryQuery,
  type DeliverySummary,
  type DeliveryRecord,
  type DeliveryRecordInput,
} from './history/delivery-history';
export { predictDelivery, type DeliveryPrediction, type PredictionRequest } from './history/predict-delivery';
export { carrierPerformance, type CarrierPerformance, type CarrierPerformanceQuery } from './history/carrier-performance';
export type { Lane, LaneLevel } from './history/lanes';

// Words for people
export { answerWhereIsMyOrder } from './words/answer-where-is-my-order';
export { suggestAgentReply, type AgentReplyOptions } from './words/agent-reply';
export {
  statusLine,
  describeNextAction,
  describeDelay,
  describeStage,
  describeActor,
  formatTimeline,
  type TimelineLine,
} from './words/describe';
export { negotiateLanguage, SUPPORTED_LANGUAGES, type Language } from './words/languages';
export { MESSAGE_CATALOGUES, type MessageKey, type MessageCatalogue } from './words/messages';
