export { createWismoServer, type WismoServer, type WismoServerOptions, type HelpdeskMountOptions } from './create-server';
export { startServer, type StartServerOptions, type RunningWismoServer } from './start-server';

// API pieces, for integrators who extend the app or test against it
export { PROBLEMS, SERVER_PROBLEM_CODES, ProblemError, problemFromWismoError, type Problem, type ProblemCode, type ServerProblemCode, type ValidationIssue } from './api/problem';
export { createKeyVerifier, bearerAuth, type ApiKeys } from './api/auth';
export {
  ShipmentSchema,
  OrderViewSchema,
  ProblemSchema,
  TrackResultSchema,
  TrackManyResponseSchema,
  DetectionSchema,
  ServedOrderViewSchema,
  DEFAULT_MAX_TRACK_ITEMS,
} from './api/schemas';

// The tracking page
export { DEFAULT_BRAND, resolveBrand, safeUrl, type BrandOptions, type BrandColors, type ResolvedBrand, type UpsellContext } from './page/brand';
export { contrastRatio, ensureContrast, parseHexColor, readableTextOn } from './page/colors';
export { negotiatePageLocale, parseAcceptLanguage, LANGUAGE_NAMES, type PageLocale } from './page/locale';
export { PAGE_WORDS, type PageWordKey } from './page/words';
export { parcelSteps, orderSteps, type Step, type StepId, type StepState } from './page/milestones';
export { buildParcelOnlyView } from './page/parcel-view';

// Rate limiting and caching
export { createTokenBucketLimiter, clientKeyOf, type TokenBucketLimiter, type TokenBucketOptions, type ClientKeyOptions } from './rate-limit';
export { ViewCache, type ViewCacheOptions } from './view-cache';
