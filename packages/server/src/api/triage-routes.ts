import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { logSafely, type Logger } from '@wismo/core';
import type { OrderViewService, ServedOrderView } from '@wismo/helpdesk';
import { NEXT_ACTION_IDS, ORDER_STAGES, normaliseEmail, SUPPORTED_LANGUAGES, type OrderSource } from '@wismo/order-view';
import { CHANNELS, findOrdersForTicket, INTENTS, PRIORITIES, SKILLS, triage, triageTags, type OrderMatch } from '@wismo/triage';
import { ProblemError } from './problem';
import { problemResponses } from './routes';
import { localeParamSchema } from './schemas';

export interface TriageApiDependencies {
  orders: OrderSource;
  service: OrderViewService;
  shopName?: string;
  logger?: Logger;
}

/** The most orders one ticket is triaged against (a customer asking about many orders gets an agent anyway). */
export const MAX_TRIAGE_ORDERS = 5;
const MAX_TICKET_CHARACTERS = 20_000;
const API_HEADERS = { 'Cache-Control': 'no-store' } as const;

const intentSchema = z.enum(INTENTS).openapi({ example: 'where_is_my_order' });

export const TriageRequestSchema = z
  .object({
    ticket: z.object({
      subject: z.string().max(1_000).nullish().openapi({ example: 'Where is my order?' }),
      body: z
        .string()
        .max(MAX_TICKET_CHARACTERS)
        .openapi({ example: 'Hi, I ordered last week (order 1003) and still have nothing. When will it arrive?' }),
      channel: z
        .enum(CHANNELS)
        .optional()
        .openapi({ description: 'Live channels (chat, sms, whatsapp, messenger, phone) never get `low` priority: a customer is waiting.' }),
      requesterEmail: z
        .string()
        .trim()
        .max(320)
        .regex(/^[^\s@]+@[^\s@]+$/, 'Expected an email address')
        .nullish()
        .openapi({ example: 'anna.schmidt@example.de' }),
    }),
    orderNumber: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'The helpdesk’s own order field, when it has one; otherwise numbers are read from the text.' }),
    orderId: z.string().min(1).max(128).optional().openapi({ description: 'The order id from the helpdesk’s deep link, when it has one.' }),
    agentLocale: localeParamSchema.optional().openapi({ description: 'Language of `reasons` and `nextStep`. Default en.' }),
  })
  .openapi('TriageRequest');

const evidenceSchema = z.object({
  intent: z.union([intentSchema, z.literal('billing')]),
  keyword: z.string(),
  text: z.string(),
  weight: z.number(),
  typo: z.boolean(),
  negated: z.boolean(),
});

export const TriageResponseSchema = z
  .object({
    version: z.literal(1),
    intent: intentSchema,
    secondaryIntents: z.array(intentSchema),
    language: z.enum(SUPPORTED_LANGUAGES),
    languageConfidence: z.enum(['high', 'low']),
    autoAnswerable: z.boolean().openapi({ description: 'The order view already holds the answer: `suggestedReply` can go out as it is.' }),
    skill: z.enum(SKILLS),
    priority: z.enum(PRIORITIES),
    reasons: z
      .object({ intent: z.string(), autoAnswerable: z.string(), skill: z.string(), priority: z.string() })
      .openapi({ description: 'One line each, for the agent.' }),
    tags: z.array(z.string()).openapi({
      example: ['wismo_intent_where_is_my_order', 'wismo_skill_first_line', 'wismo_priority_low', 'wismo_lang_en', 'wismo_auto_answerable'],
      description: 'For helpdesk routing rules (see docs/triage.md).',
    }),
    orders: z.array(
      z.object({
        orderId: z.string(),
        orderNumber: z.string(),
        stage: z.enum(ORDER_STAGES),
        nextAction: z.enum(NEXT_ACTION_IDS),
        nextStep: z.string(),
        matchedBy: z.array(z.enum(['order_number', 'tracking_number', 'email', 'order_id'])),
      }),
    ),
    references: z.object({
      orderNumbers: z.array(z.string()),
      trackingNumbers: z.array(z.object({ trackingNumber: z.string(), carrier: z.string(), confidence: z.enum(['checksum', 'pattern']) })),
    }),
    unmatched: z
      .object({ orderNumbers: z.array(z.string()), trackingNumbers: z.array(z.string()) })
      .openapi({ description: 'Numbers in the ticket that lead to no order.' }),
    otherCustomersOrders: z.array(z.string()).openapi({
      description:
        'Order numbers named in the ticket that belong to another customer than the requester: left out of the triage and the reply.',
    }),
    stale: z.boolean().openapi({ description: 'At least one carrier did not answer in time; the views use the last known data.' }),
    orderLookup: z.enum(['ok', 'failed']).openapi({
      description: '`failed`: the order source could not be read; the triage rests on the words alone (retry for the order-based parts).',
    }),
    suggestedReply: z.string().nullable(),
    evidence: z.array(evidenceSchema),
  })
  .openapi('TriageResult');

export const triageRoute = createRoute({
  method: 'post',
  path: '/v1/triage',
  operationId: 'triageTicket',
  tags: ['Triage'],
  summary: 'Triage a helpdesk ticket',
  description:
    'Reads the ticket (en, de, nl, fr, es) for its intent, finds the order (the `orderId` or `orderNumber` given, order and tracking numbers in the text, else the requester’s newest order), and says whether the order view already answers it, which skill must take it, how urgent it is, with reasons, helpdesk tags and the suggested reply in the customer’s language.',
  security: [{ bearerAuth: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: TriageRequestSchema } } } },
  responses: {
    200: { description: 'The triage', content: { 'application/json': { schema: TriageResponseSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized', 'payload_too_large', 'unsupported_media_type']),
  },
});

type Match = OrderMatch | 'order_id';

export function registerTriageRoutes(app: OpenAPIHono, deps: TriageApiDependencies): void {
  app.openapi(triageRoute, async (c) => {
    const { ticket, orderId, orderNumber, agentLocale } = c.req.valid('json');
    const requester = ticket.requesterEmail ? normaliseEmail(ticket.requesterEmail) : null;
    const ownedByRequester = (served: ServedOrderView) => requester === null || normaliseEmail(served.view.customer.email) === requester;
    const picked: Array<{ served: ServedOrderView; matchedBy: Match[] }> = [];
    let lookup: Awaited<ReturnType<typeof findOrdersForTicket>> | null = null;
    const otherCustomersOrders: string[] = [];
    let orderLookup: 'ok' | 'failed' = 'ok';
    try {
      const named = orderId ? await deps.service.viewById(orderId) : orderNumber ? await deps.service.viewByNumber(orderNumber) : null;
      if (named && ownedByRequester(named)) picked.push({ served: named, matchedBy: [orderId ? 'order_id' : 'order_number'] });
      else if (named) otherCustomersOrders.push(named.view.order.number);
      if (picked.length === 0) {
        lookup = await findOrdersForTicket(deps.orders, { subject: ticket.subject ?? null, body: ticket.body, requesterEmail: requester });
        const views = await Promise.all(
          lookup.orders
            .slice(0, MAX_TRIAGE_ORDERS)
            .map(async (found) => ({ served: await deps.service.viewById(found.order.id), matchedBy: found.matchedBy as Match[] })),
        );
        for (const entry of views) if (entry.served) picked.push({ served: entry.served, matchedBy: entry.matchedBy });
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      // The order source failed: triage the words alone (said in `orderLookup`) rather than fail the helpdesk's automation.
      logSafely(deps.logger, 'warn', 'triage: order lookup failed', { message: error instanceof Error ? error.message : String(error) });
      picked.length = 0;
      lookup = null;
      orderLookup = 'failed';
    }
    const result = triage(
      { subject: ticket.subject ?? null, body: ticket.body, channel: ticket.channel ?? 'email' },
      picked.map((entry) => entry.served.view),
      {
        ...(agentLocale ? { agentLocale } : {}),
        ...(deps.shopName ? { shopName: deps.shopName } : {}),
      },
    );
    return c.json(
      {
        ...result,
        tags: triageTags(result),
        orders: result.orders.map((order, index) => ({ ...order, matchedBy: picked[index]!.matchedBy })),
        unmatched: lookup?.unmatched ?? { orderNumbers: [], trackingNumbers: [] },
        otherCustomersOrders: [...otherCustomersOrders, ...(lookup?.otherCustomersOrders ?? [])],
        stale: picked.some((entry) => entry.served.stale),
        orderLookup,
      },
      200,
      API_HEADERS,
    );
  });
}
