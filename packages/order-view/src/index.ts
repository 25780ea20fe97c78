// Orders and where they come from
export {
  orderSchema,
  customerSchema,
  orderItemSchema,
  orderShipmentSchema,
  shippingAddressSchema,
  lanePlaceSchema,
  milestonesSchema,
  instantSchema,
  calendarDateSchema,
  timeZoneSchema,
  localeSchema,
  parseOrder,
  MERCHANT_MILESTONES,
  type Order,
  type OrderInput,
  type Customer,
  type OrderItem,
  type OrderShipment,
  type ShippingAddress,
  type LanePlace,
  type Milestones,
  type MerchantMilestone,
} from './order-schema';
export {
  OrderSourceError,
  ORDER_SOURCE_ERROR_CODES,
  normaliseOrderNumber,
  normaliseEmail,
  type OrderSource,
  type OrderSourceErrorCode,
  type OrderSourceIssue,
} from './order-source/order-source';
export { createInMemoryOrderSource } from './order-source/in-memory-order-source';
export { createJsonFileOrderSource, type JsonFileOrderSource } from './order-source/json-file-order-source';

// The view
export * from './order-view-schema';
export { buildOrderView, type BuildOrderViewOptions } from './view/build-order-view';
export { ORDER_STAGE_RULES, decideOrderStage, progressOf, type StageRule, type StageFacts, type ParcelProgress } from './view/order-stage';
export { DEFAULT_DELAY_THRESHOLDS, thresholdsFor, type DelayThresholds, type DelayThresholdSettings } from './view/delay-thresholds';
export { ACTION_ACTORS, orderActorOf } from './view/next-action';
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
export { predictDelivery, predictionConfidence, DEFAULT_MINIMUM_SAMPLE_SIZE, type DeliveryPrediction, type PredictionBasis, type PredictionRequest } from './history/predict-delivery';
export { carrierPerformance, type CarrierPerformance, type CarrierPerformanceQuery } from './history/carrier-performance';
export { LANE_LEVELS, type Lane, type LaneLevel } from './history/lanes';

// Words for people
export { answerWhereIsMyOrder } from './words/answer-where-is-my-order';
export { suggestAgentReply, type AgentReplyOptions } from './words/agent-reply';
export { statusLine, describeNextAction, describeDelay, describeStage, describeActor, formatTimeline, type TimelineLine } from './words/describe';
export { negotiateLanguage, SUPPORTED_LANGUAGES, type Language } from './words/languages';
export { MESSAGE_CATALOGUES, type MessageKey, type MessageCatalogue } from './words/messages';

// Time helpers
export { addBusinessDays, businessDaysBetween, type CalendarDate } from './time/calendar-date';
