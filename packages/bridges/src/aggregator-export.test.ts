import { describe, expect, it } from 'vitest';
import { exportColumnName, readAggregatorExportRecord } from './aggregator-export';

const record = (row: Record<string, string>) =>
  Object.fromEntries(Object.entries(row).map(([name, value]) => [exportColumnName(name), value]));

describe('readAggregatorExportRecord', () => {
  it('reads each vendor’s columns and maps its courier code to the wismo carrier', () => {
    expect(
      readAggregatorExportRecord(
        'aftership',
        record({ 'Tracking number': ' 1z999aa10123456784 ', 'Order number': '#1001', Carrier: 'ups' }),
      ),
    ).toEqual({
      ok: true,
      trackingNumber: '1Z999AA10123456784',
      carrier: 'ups',
      orderId: '#1001',
    });
    expect(
      readAggregatorExportRecord('easypost', record({ tracking_code: '9400100000000000000000', carrier: 'USPS', reference: 'ORD-7' })),
    ).toMatchObject({
      carrier: 'usps',
      orderId: 'ORD-7',
    });
    expect(
      readAggregatorExportRecord('ship24', record({ 'Tracking Number': 'JJD000390007817473901', Courier: 'royal-mail' })),
    ).toMatchObject({
      carrier: 'royalmail',
      orderId: null,
    });
    expect(readAggregatorExportRecord('17track', record({ Number: 'RR123456785CN', Carrier: 'YunExpress' }))).toMatchObject({
      carrier: 'yunexpress',
    });
  });

  it('reports a row without a tracking number instead of skipping it', () => {
    expect(readAggregatorExportRecord('aftership', record({ 'Tracking number': '  ', Carrier: 'ups' }))).toEqual({
      ok: false,
      problem: 'no tracking number (column tracking_number)',
    });
    expect(readAggregatorExportRecord('easypost', record({ id: 'trk_1' }))).toMatchObject({ ok: false });
  });
});
