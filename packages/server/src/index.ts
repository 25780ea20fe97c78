// @wismo/server: what a user composes. Helpers stay in their modules; tests import the module they test.
export {
  createWismoServer,
  DEFAULT_API_RATE_LIMIT,
  type WismoServer,
  type WismoServerOptions,
  type HelpdeskMountOptions,
} from './create-server';
export { startServer, type StartServerOptions, type RunningWismoServer } from './start-server';

// Types the options refer to
export type { ApiKeys } from './api/auth';
export type { ClientKeyOptions } from './rate-limit';
export { DEFAULT_BRAND, type BrandOptions, type BrandColors, type ResolvedBrand, type UpsellContext } from './page/brand';

// The API's answers, for clients that handle them in TypeScript
export type { Problem, ProblemCode } from './api/problem';
export { type ShopOfApiKey } from './api/store-routes';
export type { DashboardMountOptions } from './dashboard/dashboard-routes';
export { renderReportDocument } from './dashboard/report-document';
export { TrackingSchema, TrackingPageSchema, WatchRequestSchema, OrderSchema } from './api/store-schemas';
