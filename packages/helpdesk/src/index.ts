// @wismo/helpdesk: what a user composes. Helpers stay in their modules; tests import the module they test.

// The order-view service (shared with @wismo/server's REST API and tracking page)
export {
  createOrderViewService,
  type OrderViewService,
  type OrderViewServiceOptions,
  type ServedOrderView,
  type StaleShipment,
  type ViewOptions,
} from './service/order-view-service';

// The hono app: one route group per configured helpdesk
export { createHelpdeskApp, type HelpdeskAppOptions } from './app';
export type { HelpdeskSecrets } from './adapters/shared';
export type { HelpdeskName } from './limits';

// The panel as HTML, for embedding it elsewhere
export { renderAgentPanel, renderAgentPage, type AgentPanelOptions, type AgentPageOptions } from './render/html';

// Verification, for routes of your own; `createFreshdeskToken` is what the Freshworks app computes
export {
  createFreshdeskToken,
  verifyFreshdeskToken,
  verifyGladlySignature,
  verifyGorgiasRequest,
  verifyHelpScoutSignature,
  verifyHubSpotSignatureV3,
  verifyIntercomSignature,
  type FreshdeskToken,
  type GladlySignatureInput,
  type HubSpotSignatureInput,
  type Verification,
  type VerificationFailure,
} from './security/signatures';
export {
  verifyZendeskToken,
  type TokenFailure,
  type TokenVerification,
  type ZendeskAlgorithm,
  type ZendeskTokenClaims,
  type ZendeskTokenOptions,
} from './security/tokens';

// The token bucket behind the helpdesk routes' rate limit (@wismo/server limits `/v1` and the page with it)
export { createTokenBucketLimiter, type TakeResult, type TokenBucketLimiter, type TokenBucketOptions } from './http/rate-limit';

// Ticket triage in each helpdesk's terms (tags, fields) and the POST /{helpdesk}/triage routes
export {
  toZendeskTriage,
  toFreshdeskTriage,
  toGorgiasTriage,
  toHelpScoutTriage,
  toHubSpotTriage,
  toIntercomTriage,
  toGladlyTriage,
  mergeTags,
  triageRows,
  renderTriageHtml,
  type ZendeskTriage,
  type FreshdeskTriage,
  type GorgiasTriage,
  type HelpScoutTriage,
  type HubSpotTriage,
  type IntercomTriage,
  type GladlyTriage,
} from './triage/helpdesk-triage';
export { readTriageRequest, htmlToText, type TriageRequest } from './triage/triage-routes';
