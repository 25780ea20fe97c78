import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderInput } from '../order-schema';
import { createInMemoryOrderSource } from './in-memory-order-source';
import { createJsonFileOrderSource } from './json-file-order-source';
import { OrderSourceError, type OrderSource } from './order-source';

function anOrder(id: string, number: string, email: string, placedAt: string): OrderInput {
  return {
    id,
    number,
    placedAt,
    customer: { id: `cus_${id}`, name: 'Anna Schmidt', email, locale: 'de-DE', timeZone: 'Europe/Berlin' },
    items: [{ id: 'li_1', name: 'Trailrunner GTX', quantity: 1 }],
  };
}

const ORDERS = [
  anOrder('ord_1', '1041', 'anna.schmidt@example.de', '2026-03-20T10:00:00+01:00'),
  anOrder('ord_2', 'DE-1042', 'Anna.Schmidt@Example.de', '2026-03-27T20:41:00+01:00'),
  anOrder('ord_3', '1043', 'jonas.weber@example.de', '2026-03-28T08:00:00+01:00'),
];

/** What every order source must do, whatever holds the orders. */
function describeOrderSource(name: string, create: (orders: OrderInput[]) => Promise<OrderSource>) {
  describe(`${name}: lookups`, () => {
    it('finds an order by id and by the number as customers type it', async () => {
      const source = await create(ORDERS);
      expect((await source.getOrderById('ord_3'))?.number).toBe('1043');
      expect((await source.getOrderByNumber('#de-1042'))?.id).toBe('ord_2');
      expect((await source.getOrderByNumber('  1041 '))?.id).toBe('ord_1');
      expect(await source.getOrderById('ord_404')).toBeNull();
      expect(await source.getOrderByNumber('9999')).toBeNull();
    });

    it('finds every order of an email, case-insensitively, newest first', async () => {
      const source = await create(ORDERS);
      const found = await source.findOrdersByCustomerEmail(' ANNA.SCHMIDT@example.DE ');
      expect(found.map((order) => order.id)).toEqual(['ord_2', 'ord_1']);
      expect(await source.findOrdersByCustomerEmail('nobody@example.de')).toEqual([]);
    });

    it('returns complete, validated orders (defaults filled in)', async () => {
      const source = await create(ORDERS);
      const order = (await source.getOrderById('ord_1'))!;
      expect(order.shipments).toEqual([]);
      expect(order.milestones).toEqual({ placed: null, confirmed: null, packed: null, cancelled: null });
      expect(order.customer.accountUrl).toBeNull();
    });
  });
}

describeOrderSource('in-memory', async (orders) => createInMemoryOrderSource(orders));

describe('in-memory: bad data', () => {
  it('throws a typed error listing every invalid field with its path', () => {
    const broken = [
      ORDERS[0]!,
      {
        ...anOrder('ord_9', '9', 'not-an-email', '2026-03-20 10:00'),
        customer: { ...anOrder('x', 'x', 'a@b', 'x').customer, timeZone: 'Europe/Atlantis' },
      },
    ];
    try {
      createInMemoryOrderSource(broken as OrderInput[]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OrderSourceError);
      const sourceError = error as OrderSourceError;
      expect(sourceError.code).toBe('invalid_orders');
      expect(sourceError.issues.map((issue) => issue.path)).toEqual(['[1].placedAt', '[1].customer.timeZone']);
    }
  });

  it('rejects duplicate ids and numbers, and shipments naming unknown items', () => {
    expect(() => createInMemoryOrderSource([ORDERS[0]!, { ...ORDERS[1]!, number: '#1041'.slice(1) }])).toThrow(
      expect.objectContaining({ code: 'duplicate_order' }),
    );
    const unknownItem = { ...ORDERS[0]!, shipments: [{ id: 'ful_1', carrier: 'dhl', items: [{ itemId: 'li_404', quantity: 1 }] }] };
    expect(() => createInMemoryOrderSource([unknownItem])).toThrow(
      expect.objectContaining({ issues: [{ path: '[0].shipments[0].items[0].itemId', message: 'Unknown order item li_404' }] }),
    );
  });
});

describe('JSON file order source', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'wismo-orders-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function writeOrders(path: string, content: unknown, mtime: Date): Promise<void> {
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    await utimes(path, mtime, mtime);
  }

  describeOrderSource('JSON file ({ orders: [...] })', async (orders) => {
    const path = join(directory, 'orders.json');
    await writeOrders(path, { orders }, new Date('2026-03-31T08:00:00Z'));
    return createJsonFileOrderSource(path);
  });

  describeOrderSource('JSON file (bare array)', async (orders) => {
    const path = join(directory, 'orders.json');
    await writeOrders(path, orders, new Date('2026-03-31T08:00:00Z'));
    return createJsonFileOrderSource(path);
  });

  it('reloads when the file changes, and on demand', async () => {
    const path = join(directory, 'orders.json');
    await writeOrders(path, { orders: [ORDERS[0]] }, new Date('2026-03-31T08:00:00Z'));
    const source = createJsonFileOrderSource(path);
    expect(await source.getOrderById('ord_3')).toBeNull();
    await writeOrders(path, { orders: ORDERS }, new Date('2026-03-31T08:05:00Z'));
    expect((await source.getOrderById('ord_3'))?.number).toBe('1043');
    // Same size and time (an editor restoring both): only an explicit reload sees it.
    await writeOrders(
      path,
      { orders: ORDERS.map((order) => ({ ...order, number: order.number.replace('1043', '1044') })) },
      new Date('2026-03-31T08:05:00Z'),
    );
    expect((await source.getOrderByNumber('1043'))?.id).toBe('ord_3');
    await source.reload();
    expect((await source.getOrderByNumber('1044'))?.id).toBe('ord_3');
  });

  it('rejects with a typed error for a missing file, broken JSON and invalid orders, and recovers once fixed', async () => {
    const path = join(directory, 'orders.json');
    const source = createJsonFileOrderSource(path);
    await expect(source.getOrderById('ord_1')).rejects.toMatchObject({ name: 'OrderSourceError', code: 'file_unreadable', filePath: path });

    await writeOrders(path, '{"orders": [', new Date('2026-03-31T08:00:00Z'));
    await expect(source.getOrderById('ord_1')).rejects.toMatchObject({ code: 'invalid_json' });

    await writeOrders(
      path,
      { orders: [{ ...ORDERS[0], items: [{ id: 'li_1', name: 'Schuh', quantity: 0 }] }] },
      new Date('2026-03-31T08:01:00Z'),
    );
    await expect(source.getOrderById('ord_1')).rejects.toMatchObject({
      code: 'invalid_orders',
      issues: [{ path: 'orders[0].items[0].quantity' }],
    });

    await writeOrders(path, { shipments: [] }, new Date('2026-03-31T08:02:00Z'));
    await expect(source.getOrderById('ord_1')).rejects.toMatchObject({ code: 'invalid_orders', issues: [{ path: 'orders' }] });

    await writeOrders(path, { orders: ORDERS }, new Date('2026-03-31T08:03:00Z'));
    expect((await source.getOrderById('ord_1'))?.number).toBe('1041');
  });
});
