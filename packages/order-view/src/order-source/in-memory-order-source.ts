import { orderSchema, type Order, type OrderInput } from '../order-schema';
import {
  formatIssuePath,
  issuesOf,
  normaliseEmail,
  normaliseOrderNumber,
  OrderSourceError,
  type OrderSource,
  type OrderSourceIssue,
} from './order-source';

export interface OrderIndex {
  byId: ReadonlyMap<string, Order>;
  byNumber: ReadonlyMap<string, Order>;
  byEmail: ReadonlyMap<string, readonly Order[]>;
}

/**
 * Validates every order and indexes them. All problems are collected before throwing, so one run of a
 * broken file lists every bad field.
 */
export function indexOrders(
  inputs: readonly (OrderInput | unknown)[],
  filePath: string | null = null,
  pathPrefix: readonly PropertyKey[] = [],
): OrderIndex {
  const issues: OrderSourceIssue[] = [];
  const orders: Order[] = [];
  inputs.forEach((input, index) => {
    const result = orderSchema.safeParse(input);
    if (result.success) orders.push(result.data);
    else issues.push(...issuesOf(result.error, [...pathPrefix, index]));
  });
  if (issues.length > 0) {
    throw new OrderSourceError(
      'invalid_orders',
      `Invalid order data${filePath ? ` in ${filePath}` : ''}: ${issues.length} problem(s), first: ${issues[0]!.path}: ${issues[0]!.message}`,
      { filePath, issues },
    );
  }
  const byId = new Map<string, Order>();
  const byNumber = new Map<string, Order>();
  const byEmail = new Map<string, Order[]>();
  const duplicates: OrderSourceIssue[] = [];
  orders.forEach((order, index) => {
    const number = normaliseOrderNumber(order.number);
    if (byId.has(order.id))
      duplicates.push({ path: formatIssuePath([...pathPrefix, index, 'id']), message: `Duplicate order id ${order.id}` });
    if (byNumber.has(number))
      duplicates.push({ path: formatIssuePath([...pathPrefix, index, 'number']), message: `Duplicate order number ${order.number}` });
    byId.set(order.id, order);
    byNumber.set(number, order);
    const email = normaliseEmail(order.customer.email);
    const list = byEmail.get(email) ?? [];
    list.push(order);
    byEmail.set(email, list);
  });
  if (duplicates.length > 0) {
    throw new OrderSourceError('duplicate_order', `Duplicate orders${filePath ? ` in ${filePath}` : ''}: ${duplicates[0]!.message}`, {
      filePath,
      issues: duplicates,
    });
  }
  for (const list of byEmail.values()) list.sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
  return { byId, byNumber, byEmail };
}

export function lookUpOrders(index: OrderIndex): OrderSource {
  return {
    async getOrderById(id) {
      return index.byId.get(id.trim()) ?? null;
    },
    async getOrderByNumber(number) {
      return index.byNumber.get(normaliseOrderNumber(number)) ?? null;
    },
    async findOrdersByCustomerEmail(email) {
      return [...(index.byEmail.get(normaliseEmail(email)) ?? [])];
    },
  };
}

/** Orders held in memory (tests, demos, or a shop that already has them loaded). Validates on creation. */
export function createInMemoryOrderSource(orders: readonly (OrderInput | Order)[]): OrderSource {
  return lookUpOrders(indexOrders(orders));
}
