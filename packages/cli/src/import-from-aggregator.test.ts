import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '@wismo/store';
import { afterAll, describe, expect, it } from 'vitest';
import { wismoIn } from './__fixtures__/run-wismo';

const directory = mkdtempSync(join(tmpdir(), 'wismo-import-from-'));
const storeUrl = `sqlite:${join(directory, 'wismo.db')}`;
const wismo = wismoIn(directory);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('wismo import --from <aggregator>', () => {
  it('reads an AfterShip export by its own columns; every row is imported or reported with its line', async () => {
    writeFileSync(
      join(directory, 'aftership.csv'),
      [
        'Tracking number,Order number,Shipment title,Carrier,Status',
        '1Z999AA10123456784,#1001,#1001,ups,Delivered',
        ',#1002,#1002,ups,Pending',
        '"00340434161094042557","#1003",x,dhl,InTransit',
        '9400100000000000000000,"#1004 broken,usps,InTransit',
      ].join('\n'),
    );
    const result = await wismo(['import', 'aftership.csv', '--from', 'aftership', '--store', storeUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^line 3: no tracking number/m);
    expect(result.stderr).toMatch(/^line 5: unreadable CSV record/m);
    expect(result.stdout).toMatch(/Imported 4 rows: 2 now watched, 0 already watched, 2 order\(s\)\./);
    const store = await createStore({ url: storeUrl });
    try {
      expect(await store.shop().findTracking('ups', '1Z999AA10123456784')).toMatchObject({ orderId: '#1001' });
      expect(await store.shop().findTracking('dhl', '00340434161094042557')).toMatchObject({ orderId: '#1003' });
    } finally {
      await store.close();
    }
  });

  it('refuses an export without the vendor’s tracking number column, and an unknown source', async () => {
    writeFileSync(join(directory, 'easypost.csv'), 'id,status\ntrk_1,delivered\n');
    const missing = await wismo(['import', 'easypost.csv', '--from', 'easypost', '--store', storeUrl]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no tracking number column for a easypost export/);
    const unknown = await wismo(['import', 'easypost.csv', '--from', 'shippo', '--store', storeUrl]);
    expect(unknown.code).not.toBe(0);
  });
});
