import type { z } from 'zod';
import type { Order } from '../order-schema';

/**
 * Where orders come from: the integrator's shop, OMS or ERP. Three lookups cover what helpdesks send
 * (an order id from a deep link, an order number the customer typed, the email of the ticket's requester).
 */
export interface OrderSource {
  getOrderById(id: string): Promise<Order | null>;
  /** Matches the number case-insensitively, ignoring surrounding spaces and a leading `#` ("#1042"). */
  getOrderByNumber(number: string): Promise<Order | null>;
  /** Every order of that email, case-insensitive, newest first. */
  findOrdersByCustomerEmail(email: string): Promise<Order[]>;
}

export const ORDER_SOURCE_ERROR_CODES = ['file_unreadable', 'invalid_json', 'invalid_orders', 'duplicate_order'] as const;
export type OrderSourceErrorCode = (typeof ORDER_SOURCE_ERROR_CODES)[number];

export interface OrderSourceIssue {
  /** Where in the data, e.g. `orders[1].customer.timeZone`. */
  path: string;
  message: string;
}

/** Bad order data: a stable `code`, the file (if any) and every issue with its path. */
export class OrderSourceError extends Error {
  readonly code: OrderSourceErrorCode;
  readonly filePath: string | null;
  readonly issues: readonly OrderSourceIssue[];

  constructor(
    code: OrderSourceErrorCode,
    message: string,
    options: { filePath?: string | null; issues?: OrderSourceIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrderSourceError';
    this.code = code;
    this.filePath = options.filePath ?? null;
    this.issues = options.issues ?? [];
  }
}

export function normaliseOrderNumber(number: string): string {
  return number.trim().replace(/^#/, '').trim().toLowerCase();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

export function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): OrderSourceIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath([...prefix, ...issue.path]), message: issue.message }));
}
