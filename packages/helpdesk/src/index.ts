// The order-view service (shared with @wismo/server's REST API and tracking page)
export {
  createOrderViewService,
  DEFAULT_TIME_BUDGET_MS,
  DEFAULT_LAST_KNOWN_SHIPMENTS,
  DEFAULT_MAX_ORDERS_PER_EMAIL,
  type OrderViewService,
  type OrderViewServiceOptions,
  type ServedOrderView,
  type StaleShipment,
  type ViewOptions,
} from './service/order-view-service';

// The hono app with one route group per helpdesk
export { createHelpdeskApp, type HelpdeskAppOptions } from './app';
export type { HelpdeskSecrets } from './adapters/shared';
export {
  HELPDESKS,
  HELPDESK_TIME_BUDGETS_MS,
  HELPDESK_MAX_REQUEST_BYTES,
  HELPDESK_MAX_RESPONSE_BYTES,
  DEFAULT_SESSION_TTL_MS,
  type HelpdeskName,
} from './limits';

// Rendering
export { renderAgentPanel, renderAgentPage, escapeHtml, type AgentPanelOptions, type AgentPageOptions } from './render/html';
export { summariseOrder, type OrderSummary, type ParcelSummary, type LegSummary, type SummaryOptions, type Tone } from './render/order-summary';
export { PANEL_LABELS, label, type LabelKey } from './i18n/labels';

// Per-helpdesk payloads (pure)
export { toGorgiasPayload, type GorgiasPayload, type GorgiasOrder, type GorgiasParcel } from './adapters/gorgias';
export { helpScoutEmails } from './adapters/helpscout';
export { intercomListCanvas, intercomOrderCanvas, escapeMarkdown, type CanvasComponent, type IntercomCanvasResponse, type IntercomStoredData } from './adapters/intercom';
export { toGladlyCustomers, type GladlyCustomer, type GladlyOrderTransaction } from './adapters/gladly';
export { toHubSpotCard, type HubSpotCardResponse, type HubSpotOrderCard, type HubSpotTagVariant } from './adapters/hubspot';
export { zendeskTokenOptions, zendeskFrameAncestors } from './adapters/zendesk';
export { FRESHDESK_FRAME_ANCESTORS } from './adapters/freshdesk';

// Verification (pure, constant-time, raw bytes)
export {
  verifyHelpScoutSignature,
  verifyIntercomSignature,
  verifyHubSpotSignatureV3,
  hubSpotSignedUri,
  HUBSPOT_MAX_AGE_MS,
  verifyGladlySignature,
  gladlySignature,
  gladlyCanonicalRequest,
  parseGladlyAuthorization,
  GLADLY_DEFAULT_MAX_AGE_MS,
  verifyGorgiasRequest,
  verifyFreshdeskToken,
  createFreshdeskToken,
  freshdeskTokenSignature,
  FRESHDESK_TOKEN_MAX_AGE_MS,
  type Verification,
  type VerificationFailure,
  type HubSpotSignatureInput,
  type GladlySignatureInput,
  type FreshdeskToken,
} from './security/signatures';
export {
  verifyZendeskToken,
  createSessionToken,
  verifySessionToken,
  type ZendeskAlgorithm,
  type ZendeskTokenClaims,
  type ZendeskTokenOptions,
  type SessionClaims,
  type TokenVerification,
  type TokenFailure,
} from './security/tokens';
export { constantTimeEqual } from './security/crypto';
export { readRawBody } from './http/request';
