import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { html } from 'hono/html';
import {
  CUSTOMER_CHANNELS,
  MILESTONES,
  NotificationAdminError,
  NotificationSettingsError,
  NotifyRenderError,
  readTwilioStatusCallback,
  renderPreview,
  TwilioCallbackError,
  UnsubscribeTokenError,
  verifyUnsubscribeToken,
  type NotificationAdmin,
  type NotificationSettingsInput,
} from '@wismo/notify';
import type { OrderView } from '@wismo/order-view';
import type { Html } from '../page/layout';
import { ProblemError } from './problem';
import { problemResponses } from './routes';

export interface NotifyApiDependencies {
  admin: NotificationAdmin;
  /** The shop of the request's API key. */
  shopOf: (c: Context) => Promise<string>;
  /** The order's current view in that shop (for previews), or null. */
  orderView: (shopId: string, orderId: string) => Promise<OrderView | null>;
  /** Verifies unsubscribe links (the dispatcher signs them with the same secret). */
  unsubscribeSecret: string;
  /** Verifies Twilio's status callbacks (`X-Twilio-Signature`); without it the callback route answers 404. */
  twilioAuthToken?: string;
  /** The public origin + base path, so that the callback URL Twilio signed can be rebuilt behind a proxy. */
  publicBase: string;
}

const SECURITY = [{ bearerAuth: [] }];
const API_HEADERS = { 'Cache-Control': 'no-store' } as const;
const COMMON = ['invalid_request', 'unauthorized'] as const;

const Channel = z.enum(CUSTOMER_CHANNELS);
const MilestoneName = z.enum(MILESTONES);
const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 24 h');

const SettingsSchema = z
  .object({
    milestones: z.record(MilestoneName, z.object({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() })),
    quietHours: z.object({ start: WallTime, end: WallTime }).nullable(),
    quietMode: z.record(MilestoneName, z.enum(['hold', 'drop', 'bypass'])),
    digestWindowMinutes: z.number(),
    dailyCapPerCustomer: z.number(),
    staleAfterHours: z.number(),
    pickupReminderHoursBefore: z.number(),
    shopTimeZone: z.string(),
    brand: z.object({
      name: z.string(),
      colour: z.string(),
      logoUrl: z.string().nullable(),
      supportEmail: z.string().nullable().optional(),
    }),
  })
  .openapi('NotificationSettings');

const SettingsInputSchema = z
  .object({
    milestones: z.partialRecord(MilestoneName, z.object({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() }).partial()),
    quietHours: z.object({ start: WallTime, end: WallTime }).nullable(),
    quietMode: z.partialRecord(MilestoneName, z.enum(['hold', 'drop', 'bypass'])),
    digestWindowMinutes: z.number().int().min(0).max(1440),
    dailyCapPerCustomer: z.number().int().min(1).max(100),
    staleAfterHours: z
      .number()
      .min(1)
      .max(24 * 30),
    pickupReminderHoursBefore: z
      .number()
      .min(1)
      .max(24 * 14),
    shopTimeZone: z.string().max(64),
    brand: z
      .object({
        name: z.string().min(1).max(100),
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
        logoUrl: z.url({ protocol: /^https$/ }).nullable(),
        supportEmail: z.email().nullable(),
      })
      .partial(),
  })
  .partial()
  .strict()
  .openapi('NotificationSettingsInput');

const EndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()).nullable(),
    rotating: z.boolean(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookEndpoint');
const EndpointWithSecretSchema = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The `whsec_` signing secret: shown here and on rotation only.' }),
}).openapi('WebhookEndpointWithSecret');
const DeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    messageId: z.string().openapi({ description: 'The `webhook-id` header: the same on every attempt and replay.' }),
    eventType: z.string(),
    status: z.enum(['pending', 'delivering', 'delivered', 'failed']),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    log: z.array(z.object({ at: z.string(), status: z.number().nullable(), durationMs: z.number(), error: z.string().nullable() })),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');
const OptOutSchema = z
  .object({ customerId: z.string(), channel: Channel, address: z.string(), source: z.string(), createdAt: z.string() })
  .openapi('OptOut');
const IdParams = z.object({ id: z.string().min(1).max(128) });

export const getNotificationSettingsRoute = createRoute({
  method: 'get',
  path: '/v1/notifications/settings',
  operationId: 'getNotificationSettings',
  tags: ['Notifications'],
  summary: "The shop's notification settings",
  description: 'Every field resolved: stored values over the server defaults over wismo’s defaults.',
  security: SECURITY,
  responses: {
    200: { description: 'The settings', content: { 'application/json': { schema: SettingsSchema } } },
    ...problemResponses([...COMMON]),
  },
});

export const putNotificationSettingsRoute = createRoute({
  method: 'put',
  path: '/v1/notifications/settings',
  operationId: 'putNotificationSettings',
  tags: ['Notifications'],
  summary: 'Change notification settings',
  description:
    'Merges the given fields over the stored ones (a milestone’s channels one by one): milestones on or off per channel, quiet hours (local to each customer; `null` for none), what a milestone does inside them (`hold` until they end, `drop`, `bypass`), the split-order window, the daily cap per customer, the age after which an event is recorded but not sent, and the brand.',
  security: SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: SettingsInputSchema } } } },
  responses: {
    200: { description: 'The settings now', content: { 'application/json': { schema: SettingsSchema } } },
    ...problemResponses([...COMMON, 'payload_too_large', 'unsupported_media_type']),
  },
});

export const previewNotificationRoute = createRoute({
  method: 'get',
  path: '/v1/orders/{id}/notifications/preview',
  operationId: 'previewNotification',
  tags: ['Notifications'],
  summary: 'Preview a milestone message for an order',
  description:
    'Renders what the order’s customer would get for `milestone` on `channel`, from the order’s current view and the shop’s brand, without the policy (no quiet hours, no cap) and without sending. `format=html` answers the email’s HTML itself, to open in a browser.',
  security: SECURITY,
  request: {
    params: IdParams,
    query: z.object({
      milestone: MilestoneName,
      channel: Channel.default('email'),
      locale: z
        .string()
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
        .optional(),
      parcelId: z.string().max(128).optional(),
      format: z.enum(['json', 'html']).default('json'),
    }),
  },
  responses: {
    200: {
      description: 'The rendered message',
      content: {
        'application/json': {
          schema: z
            .object({
              channel: Channel,
              language: z.string(),
              to: z.string(),
              subject: z.string().nullable(),
              text: z.string(),
              html: z.string().nullable(),
            })
            .openapi('NotificationPreview'),
        },
        'text/html': { schema: z.string() },
      },
    },
    ...problemResponses([...COMMON, 'order_not_found']),
  },
});

export const createWebhookEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints',
  operationId: 'createWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Register a webhook endpoint',
  description:
    'Deliveries are signed by the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`) with the `whsec_` secret returned here once. Failed deliveries are retried on the Svix schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, with jitter; `Retry-After` honoured); a 410 answer disables the endpoint. Private and loopback addresses are refused unless the server allows them.',
  security: SECURITY,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              url: z.url({ protocol: /^https?$/ }).max(2048),
              eventTypes: z.array(z.string().max(64)).max(50).nullable().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: { description: 'Registered, with its secret', content: { 'application/json': { schema: EndpointWithSecretSchema } } },
    ...problemResponses([...COMMON, 'payload_too_large', 'unsupported_media_type']),
  },
});

export const listWebhookEndpointsRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints',
  operationId: 'listWebhookEndpoints',
  tags: ['Webhooks'],
  summary: 'The shop’s webhook endpoints',
  security: SECURITY,
  responses: {
    200: {
      description: 'Endpoints (without secrets)',
      content: { 'application/json': { schema: z.object({ data: z.array(EndpointSchema) }) } },
    },
    ...problemResponses([...COMMON]),
  },
});

export const rotateWebhookSecretRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags: ['Webhooks'],
  summary: 'Rotate an endpoint’s secret',
  description:
    'Returns a new secret. During the overlap (default 24 hours) deliveries carry two signatures, one per secret, so a receiver can switch without losing a message.',
  security: SECURITY,
  request: {
    params: IdParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              overlapSeconds: z
                .number()
                .int()
                .min(0)
                .max(7 * 86_400)
                .optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'The endpoint and its new secret', content: { 'application/json': { schema: EndpointWithSecretSchema } } },
    ...problemResponses([...COMMON, 'resource_not_found']),
  },
});

export const enableWebhookEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{id}/enable',
  operationId: 'enableWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Enable an endpoint again',
  description: 'After the endpoint answered 410 Gone, or failed every retry.',
  security: SECURITY,
  request: { params: IdParams },
  responses: {
    200: { description: 'The endpoint', content: { 'application/json': { schema: EndpointSchema } } },
    ...problemResponses([...COMMON, 'resource_not_found']),
  },
});

export const listWebhookDeliveriesRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['Webhooks'],
  summary: 'Deliveries to an endpoint, newest first',
  security: SECURITY,
  request: { params: IdParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: {
    200: {
      description: 'Deliveries with their attempts',
      content: { 'application/json': { schema: z.object({ data: z.array(DeliverySchema) }) } },
    },
    ...problemResponses([...COMMON, 'resource_not_found']),
  },
});

export const replayWebhookDeliveryRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-deliveries/{id}/replay',
  operationId: 'replayWebhookDelivery',
  tags: ['Webhooks'],
  summary: 'Send a delivery again',
  description: 'From the first attempt, with the same `webhook-id`, so a receiver that already has it can drop it.',
  security: SECURITY,
  request: { params: IdParams },
  responses: {
    200: { description: 'The delivery, queued again', content: { 'application/json': { schema: DeliverySchema } } },
    ...problemResponses([...COMMON, 'resource_not_found', 'conflict']),
  },
});

export const listOptOutsRoute = createRoute({
  method: 'get',
  path: '/v1/opt-outs',
  operationId: 'listOptOuts',
  tags: ['Notifications'],
  summary: 'Customers who opted out, per channel',
  security: SECURITY,
  request: { query: z.object({ customerId: z.string().max(128).optional() }) },
  responses: {
    200: { description: 'Opt-outs', content: { 'application/json': { schema: z.object({ data: z.array(OptOutSchema) }) } } },
    ...problemResponses([...COMMON]),
  },
});

export const createOptOutRoute = createRoute({
  method: 'post',
  path: '/v1/opt-outs',
  operationId: 'createOptOut',
  tags: ['Notifications'],
  summary: 'Opt a customer out of a channel',
  description: 'E.g. when they asked your support team. Messages already queued for them on that channel are not sent.',
  security: SECURITY,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ customerId: z.string().min(1).max(128), channel: Channel, address: z.string().min(3).max(320) }).strict(),
        },
      },
    },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: OptOutSchema } } },
    ...problemResponses([...COMMON, 'payload_too_large', 'unsupported_media_type']),
  },
});

export const deleteOptOutRoute = createRoute({
  method: 'delete',
  path: '/v1/opt-outs/{customerId}/{channel}',
  operationId: 'deleteOptOut',
  tags: ['Notifications'],
  summary: 'Opt a customer back in',
  security: SECURITY,
  request: { params: z.object({ customerId: z.string().min(1).max(128), channel: Channel }) },
  responses: {
    204: { description: 'Opted in again' },
    ...problemResponses([...COMMON, 'resource_not_found']),
  },
});

function adminProblem(error: unknown): never {
  if (error instanceof NotificationAdminError) {
    if (error.code === 'not_found') throw new ProblemError('resource_not_found', { detail: error.message });
    if (error.code === 'endpoint_disabled') throw new ProblemError('conflict', { detail: error.message });
    throw new ProblemError('invalid_request', { detail: error.message, errors: [{ path: 'body', message: error.message }] });
  }
  if (error instanceof NotificationSettingsError) {
    throw new ProblemError('invalid_request', { detail: error.message, errors: [{ path: 'body', message: error.message }] });
  }
  throw error;
}

async function admin<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    adminProblem(error);
  }
}

// The unsubscribe page's words; the token names no language, so the browser's Accept-Language chooses.
const UNSUBSCRIBE_WORDS = {
  en: {
    title: 'Unsubscribe from shipping updates',
    ask: (channel: string) => `Stop shipping updates by ${channel} to this address?`,
    button: 'Unsubscribe',
    done: (channel: string) => `Done: you will get no more shipping updates by ${channel}.`,
    invalid: 'This unsubscribe link is not valid. Please use the link from the latest message.',
    channels: { email: 'email', sms: 'text message', whatsapp: 'WhatsApp' },
  },
  de: {
    title: 'Versand-Updates abbestellen',
    ask: (channel: string) => `Keine Versand-Updates mehr per ${channel} an diese Adresse senden?`,
    button: 'Abbestellen',
    done: (channel: string) => `Erledigt: Sie erhalten keine Versand-Updates per ${channel} mehr.`,
    invalid: 'Dieser Abmeldelink ist ungültig. Bitte nutzen Sie den Link aus der neuesten Nachricht.',
    channels: { email: 'E-Mail', sms: 'SMS', whatsapp: 'WhatsApp' },
  },
  nl: {
    title: 'Afmelden voor verzendupdates',
    ask: (channel: string) => `Geen verzendupdates meer per ${channel} naar dit adres sturen?`,
    button: 'Afmelden',
    done: (channel: string) => `Gelukt: je ontvangt geen verzendupdates meer per ${channel}.`,
    invalid: 'Deze afmeldlink is niet geldig. Gebruik de link uit het laatste bericht.',
    channels: { email: 'e-mail', sms: 'sms', whatsapp: 'WhatsApp' },
  },
  fr: {
    title: 'Se désabonner des suivis de livraison',
    ask: (channel: string) => `Ne plus recevoir de suivi de livraison par ${channel} à cette adresse ?`,
    button: 'Se désabonner',
    done: (channel: string) => `C’est fait : vous ne recevrez plus de suivi de livraison par ${channel}.`,
    invalid: 'Ce lien de désabonnement n’est pas valide. Utilisez le lien du dernier message.',
    channels: { email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp' },
  },
  es: {
    title: 'Darse de baja de los avisos de envío',
    ask: (channel: string) => `¿Dejar de recibir avisos de envío por ${channel} en esta dirección?`,
    button: 'Darme de baja',
    done: (channel: string) => `Listo: ya no recibirás avisos de envío por ${channel}.`,
    invalid: 'Este enlace de baja no es válido. Usa el enlace del mensaje más reciente.',
    channels: { email: 'correo electrónico', sms: 'SMS', whatsapp: 'WhatsApp' },
  },
} as const;
type UnsubscribeLanguage = keyof typeof UNSUBSCRIBE_WORDS;

function unsubscribeLanguage(c: Context): UnsubscribeLanguage {
  const header = c.req.header('accept-language') ?? '';
  for (const part of header.split(',')) {
    const language = part.trim().slice(0, 2).toLowerCase();
    if (Object.hasOwn(UNSUBSCRIBE_WORDS, language)) return language as UnsubscribeLanguage;
  }
  return 'en';
}

function unsubscribePage(language: UnsubscribeLanguage, body: Html): Html {
  const words = UNSUBSCRIBE_WORDS[language];
  return html`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${words.title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#111827}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1f2937;color:#fff;cursor:pointer}</style></head><body><main><h1>${words.title}</h1>${body}</main></body></html>`;
}

/**
 * Notification routes: settings, preview, webhook endpoints and their deliveries, opt-outs (API key), the
 * unsubscribe link's page (public, signed) and Twilio's status callback (signed by Twilio).
 */
export function registerNotifyRoutes(app: OpenAPIHono, deps: NotifyApiDependencies): void {
  app.openapi(getNotificationSettingsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    return c.json(await admin(() => deps.admin.getSettings(shopId)), 200, API_HEADERS);
  });

  app.openapi(putNotificationSettingsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const input = c.req.valid('json') as NotificationSettingsInput;
    return c.json(await admin(() => deps.admin.putSettings(shopId, input)), 200, API_HEADERS);
  });

  app.openapi(previewNotificationRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const shopId = await deps.shopOf(c);
    const [view, settings] = await Promise.all([deps.orderView(shopId, id), admin(() => deps.admin.getSettings(shopId))]);
    if (!view) throw new ProblemError('order_not_found', { detail: `This shop has no order with id ${id}.` });
    let message;
    try {
      message = renderPreview({
        view,
        milestone: query.milestone,
        channel: query.channel,
        brand: settings.brand,
        ...(query.locale ? { locale: query.locale } : {}),
        ...(query.parcelId ? { parcelId: query.parcelId } : {}),
      });
    } catch (error) {
      if (error instanceof NotifyRenderError)
        throw new ProblemError('invalid_request', { detail: error.message, errors: [{ path: 'query', message: error.message }] });
      throw error;
    }
    if (query.format === 'html') {
      const page =
        message.html ?? html`<!doctype html><html lang="${message.language}"><meta charset="utf-8"><pre>${message.text}</pre></html>`;
      // The preview is our own rendering; the page CSP of the server still applies (no scripts).
      return c.html(page, 200, API_HEADERS) as never;
    }
    return c.json(
      {
        channel: message.channel,
        language: message.language,
        to: message.recipient.address,
        subject: message.subject,
        text: message.text,
        html: message.html,
      },
      200,
      API_HEADERS,
    );
  });

  app.openapi(createWebhookEndpointRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const body = c.req.valid('json');
    const endpoint = await admin(() => deps.admin.createWebhookEndpoint(shopId, { url: body.url, eventTypes: body.eventTypes ?? null }));
    return c.json(endpoint, 201, API_HEADERS);
  });

  app.openapi(listWebhookEndpointsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    return c.json({ data: await admin(() => deps.admin.listWebhookEndpoints(shopId)) }, 200, API_HEADERS);
  });

  app.openapi(rotateWebhookSecretRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { id } = c.req.valid('param');
    let overlapSeconds: number | undefined;
    if ((c.req.header('content-length') ?? '0') !== '0') overlapSeconds = c.req.valid('json')?.overlapSeconds;
    const endpoint = await admin(() =>
      deps.admin.rotateWebhookSecret(shopId, id, overlapSeconds === undefined ? {} : { overlapMs: overlapSeconds * 1000 }),
    );
    return c.json(endpoint, 200, API_HEADERS);
  });

  app.openapi(enableWebhookEndpointRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { id } = c.req.valid('param');
    return c.json(await admin(() => deps.admin.enableWebhookEndpoint(shopId, id)), 200, API_HEADERS);
  });

  app.openapi(listWebhookDeliveriesRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    return c.json({ data: await admin(() => deps.admin.listWebhookDeliveries(shopId, id, { limit })) }, 200, API_HEADERS);
  });

  app.openapi(replayWebhookDeliveryRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { id } = c.req.valid('param');
    return c.json(await admin(() => deps.admin.replayWebhookDelivery(shopId, id)), 200, API_HEADERS);
  });

  app.openapi(listOptOutsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { customerId } = c.req.valid('query');
    return c.json({ data: await admin(() => deps.admin.listOptOuts(shopId, customerId ? { customerId } : {})) }, 200, API_HEADERS);
  });

  app.openapi(createOptOutRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const body = c.req.valid('json');
    return c.json(await admin(() => deps.admin.optOut(shopId, { ...body, source: 'api' })), 201, API_HEADERS);
  });

  app.openapi(deleteOptOutRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { customerId, channel } = c.req.valid('param');
    const removed = await admin(() => deps.admin.removeOptOut(shopId, { customerId, channel }));
    if (!removed) throw new ProblemError('resource_not_found', { detail: `Customer ${customerId} has not opted out of ${channel}.` });
    return c.body(null, 204, API_HEADERS);
  });

  // ---------------------------------------------------------------- unsubscribe (public, signed link)
  // GET only asks (mail scanners follow links); POST unsubscribes: the form's button, or a mail client's
  // one-click POST (RFC 8058, body `List-Unsubscribe=One-Click`) to the URL in the List-Unsubscribe header.
  const unsubscribePath = '/notifications/unsubscribe/:token';
  app.get(unsubscribePath, (c) => {
    const language = unsubscribeLanguage(c);
    const words = UNSUBSCRIBE_WORDS[language];
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    let channel: string;
    try {
      channel = words.channels[verifyUnsubscribeToken(deps.unsubscribeSecret, c.req.param('token')).channel];
    } catch (error) {
      if (!(error instanceof UnsubscribeTokenError)) throw error;
      return c.html(unsubscribePage(language, html`<p>${words.invalid}</p>`), 400);
    }
    return c.html(
      unsubscribePage(
        language,
        html`<p>${words.ask(channel)}</p><form method="post"><button type="submit">${words.button}</button></form>`,
      ),
    );
  });
  app.post(unsubscribePath, async (c) => {
    const language = unsubscribeLanguage(c);
    const words = UNSUBSCRIBE_WORDS[language];
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    try {
      const subject = await deps.admin.unsubscribe(c.req.param('token'), deps.unsubscribeSecret);
      return c.html(unsubscribePage(language, html`<p role="status">${words.done(words.channels[subject.channel])}</p>`));
    } catch (error) {
      if (!(error instanceof UnsubscribeTokenError)) throw error;
      return c.html(unsubscribePage(language, html`<p>${words.invalid}</p>`), 400);
    }
  });

  // ---------------------------------------------------------------- Twilio status callbacks
  app.post('/webhooks/twilio/status', async (c) => {
    if (!deps.twilioAuthToken) return c.notFound();
    const body = await c.req.text();
    // Twilio signs the URL it was given: rebuild it from the public base, not from a proxy's inner address.
    const url = `${deps.publicBase}/webhooks/twilio/status${new URL(c.req.url).search}`;
    try {
      const update = readTwilioStatusCallback({
        authToken: deps.twilioAuthToken,
        url,
        body,
        signature: c.req.header('x-twilio-signature'),
      });
      await deps.admin.recordProviderStatus({ providerId: update.messageSid, status: update.status, errorCode: update.errorCode });
    } catch (error) {
      if (error instanceof TwilioCallbackError) {
        throw new ProblemError(error.code === 'invalid_signature' ? 'unauthorized' : 'invalid_request', { detail: error.message });
      }
      throw error;
    }
    return c.body(null, 204);
  });
}
