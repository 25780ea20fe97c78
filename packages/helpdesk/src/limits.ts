/** The helpdesks this package serves, as they are keyed in `HelpdeskSecrets` and the option maps. */
export const HELPDESKS = ['gorgias', 'helpScout', 'intercom', 'gladly', 'hubspot', 'zendesk', 'freshdesk'] as const;
export type HelpdeskName = (typeof HELPDESKS)[number];

/**
 * Time each helpdesk's request may spend waiting for carriers before the answer goes out with the last
 * known data marked stale. Where the helpdesk documents a deadline, it is that deadline minus a margin
 * for the order lookup, rendering and the network; elsewhere a conservative default.
 */
export const HELPDESK_TIME_BUDGETS_MS: Readonly<Record<HelpdeskName, number>> = {
  // No timeout documented for HTTP integrations (https://developers.gorgias.com/reference/the-integration-object).
  gorgias: 2_500,
  // No timeout documented for dynamic apps (https://developer.helpscout.com/apps/legacy-custom-apps/dynamic/).
  helpScout: 2_500,
  // No response-time limit documented for Canvas Kit (https://developers.intercom.com/docs/canvas-kit).
  intercom: 2_500,
  // "Respond in under 5 seconds" (https://help.gladly.com/developer-tutorials/docs/best-practices).
  gladly: 3_500,
  // hubspot.fetch times out after 15 s including the connection, with one retry on 5xx inside that time
  // (https://developers.hubspot.com/docs/guides/crm/public-apps/fetching-data).
  hubspot: 10_000,
  // The sidebar iframe is loaded by the agent's browser: no limit, but an agent waiting is the cost.
  zendesk: 4_000,
  // Iframe too; if the app fetches the panel through the request method, its default timeout is 15 s
  // (https://developers.freshworks.com/docs/app-sdk/v3.0/service_device/advanced-interfaces/request-method/).
  freshdesk: 4_000,
};

/** Largest request body read before the signature is checked (413 past it). */
export const HELPDESK_MAX_REQUEST_BYTES: Readonly<Record<HelpdeskName, number>> = {
  gorgias: 16 * 1024,
  // Conversation, customer, user and mailbox objects: a few KB.
  helpScout: 64 * 1024,
  // Submit requests echo `current_canvas` (content ≤ 64 KB, stored_data ≤ 64 KB) besides contact data.
  intercom: 512 * 1024,
  gladly: 64 * 1024,
  // hubspot.fetch request bodies are limited to 1 MB.
  hubspot: 1024 * 1024,
  // A form with the ZAF token.
  zendesk: 16 * 1024,
  freshdesk: 16 * 1024,
};

/** Response size budgets: documented limits where there are any, otherwise our own to keep panels light. */
export const HELPDESK_MAX_RESPONSE_BYTES: Readonly<Record<HelpdeskName, number>> = {
  gorgias: 256 * 1024,
  // Not documented; the HTML goes into the sidebar as-is, so it is kept small (measured as the JSON sent).
  helpScout: 64 * 1024,
  // Canvas `content` (and `stored_data`) may be at most 64 KB each (intercom-client CanvasObject docs).
  intercom: 64 * 1000,
  gladly: 256 * 1024,
  // hubspot.fetch responses are limited to 1 MB.
  hubspot: 1000 * 1000,
  zendesk: 512 * 1024,
  freshdesk: 512 * 1024,
};

/** Iframe sessions after the first verified load. */
export const DEFAULT_SESSION_TTL_MS = 15 * 60_000;

/**
 * Requests per helpdesk account (one bucket per account: the Zendesk subdomain, the HubSpot portal, the
 * Intercom workspace, else the helpdesk's one configured integration), after the request was verified.
 * A sidebar load is one request per ticket opened: 300 a minute is a busy team, bursts of 60 a shift change.
 */
export const DEFAULT_HELPDESK_RATE_LIMIT = { requestsPerMinute: 300, burst: 60 } as const;
