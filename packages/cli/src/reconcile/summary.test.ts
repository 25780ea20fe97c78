import { describe, expect, it } from 'vitest';
import type { ResultRecord } from './result-record';
import { addToSummary, categorisedRows, emptySummary, formatSummaryTable } from './summary';

function record(overrides: Partial<ResultRecord>): ResultRecord {
  return {
    row: 1,
    order_id: 'O',
    tracking_number: 'N',
    carrier: 'ups',
    status: null,
    substatus: null,
    expected_status: null,
    mismatch: null,
    last_event_at: null,
    last_event_time_kind: null,
    last_event: null,
    eta: null,
    eta_time_kind: null,
    stalled: false,
    late: false,
    error_code: null,
    error_message: null,
    ...overrides,
  };
}

describe('summary', () => {
  it('puts every row in exactly one category and counts flags and mismatches beside them', () => {
    const summary = emptySummary();
    const rows = [
      record({ status: 'delivered', expected_status: 'delivered', mismatch: false }),
      record({ status: 'in_transit', stalled: true, late: true, expected_status: 'delivered', mismatch: true }),
      record({ error_code: 'not_found', expected_status: 'not_found', mismatch: false }),
      record({ error_code: 'carrier_unavailable', expected_status: 'delivered' }),
      record({ error_code: 'bad_input', carrier: null }),
      record({ status: 'delivered', carrier: 'dhl' }),
    ];
    for (const row of rows) addToSummary(summary, row);
    expect(summary).toMatchObject({
      rows: 6,
      byStatus: { delivered: 2, in_transit: 1 },
      notFound: 1,
      errors: 1,
      errorsByCode: { carrier_unavailable: 1 },
      badInput: 1,
      stalled: 1,
      late: 1,
      withExpectedStatus: 4,
      matches: 2,
      mismatches: 1,
      byCarrier: { ups: 4, dhl: 1 },
    });
    expect(categorisedRows(summary)).toBe(6);
    const table = formatSummaryTable(summary, { elapsedMs: 2_000, rowsThisRun: 6 });
    expect(table).toMatch(/Reconciled 6 rows in 2\.0 s \(3 rows\/s this run\)/);
    expect(table).toMatch(/errors\s+1 {2}\(carrier_unavailable 1\)/);
    expect(table).toMatch(/mismatches\s+1/);
    expect(table.indexOf('in_transit')).toBeLessThan(table.indexOf('delivered'));
  });
});
