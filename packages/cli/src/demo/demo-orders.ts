import type { SandboxCarrierId, SandboxScenario } from '@wismo/testkit';

/** One row of `examples/orders.csv`. */
export interface DemoRow {
  order_id: string;
  /** Which sandbox number: the carrier's documented number for this scenario. */
  carrier: SandboxCarrierId;
  scenario: SandboxScenario;
  /** Write the carrier into the file (else wismo detects it from the number). */
  carrierColumn: boolean;
  expected_status: string;
}

/**
 * The demo orders: ~40 parcels over 4 carriers and every sandbox scenario, some orders split over several
 * parcels (and carriers), some rows with the status the shop expects — one of them wrong on purpose (a
 * mismatch), and one number the carrier does not know (not found).
 */
export const DEMO_ROWS: readonly DemoRow[] = [
  // Split order: one parcel delivered, one still on its way (with another carrier).
  { order_id: 'ORD-1001', carrier: 'ups', scenario: 'delivered', carrierColumn: false, expected_status: 'delivered' },
  { order_id: 'ORD-1001', carrier: 'dhl', scenario: 'in_transit', carrierColumn: true, expected_status: '' },
  // The customer must collect, and a failed delivery attempt.
  { order_id: 'ORD-1002', carrier: 'fedex', scenario: 'failed_attempt', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1003', carrier: 'dhl', scenario: 'customs_hold', carrierColumn: true, expected_status: '' },
  {
    order_id: 'ORD-1004',
    carrier: 'usps',
    scenario: 'available_for_pickup',
    carrierColumn: false,
    expected_status: 'available_for_pickup',
  },
  { order_id: 'ORD-1005', carrier: 'fedex', scenario: 'delivered', carrierColumn: true, expected_status: 'delivered' },
  { order_id: 'ORD-1006', carrier: 'ups', scenario: 'in_transit', carrierColumn: false, expected_status: 'in_transit' },
  { order_id: 'ORD-1006', carrier: 'ups', scenario: 'out_for_delivery', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1007', carrier: 'usps', scenario: 'delivered', carrierColumn: false, expected_status: 'delivered' },
  { order_id: 'ORD-1008', carrier: 'dhl', scenario: 'delivered', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1009', carrier: 'fedex', scenario: 'in_transit', carrierColumn: true, expected_status: '' },
  // The shop thinks this one arrived; the carrier says it is still moving: the mismatch.
  { order_id: 'ORD-1010', carrier: 'usps', scenario: 'in_transit', carrierColumn: false, expected_status: 'delivered' },
  { order_id: 'ORD-1011', carrier: 'ups', scenario: 'exception', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1012', carrier: 'dhl', scenario: 'out_for_delivery', carrierColumn: true, expected_status: 'out_for_delivery' },
  { order_id: 'ORD-1013', carrier: 'fedex', scenario: 'out_for_delivery', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1014', carrier: 'usps', scenario: 'out_for_delivery', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1015', carrier: 'ups', scenario: 'returned', carrierColumn: false, expected_status: 'returned' },
  { order_id: 'ORD-1016', carrier: 'fedex', scenario: 'returned', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1016', carrier: 'fedex', scenario: 'advancing', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1017', carrier: 'dhl', scenario: 'returned', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1018', carrier: 'usps', scenario: 'returned', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1019', carrier: 'ups', scenario: 'available_for_pickup', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1020', carrier: 'fedex', scenario: 'available_for_pickup', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1021', carrier: 'dhl', scenario: 'available_for_pickup', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1022', carrier: 'ups', scenario: 'label_created', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1023', carrier: 'fedex', scenario: 'label_created', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1024', carrier: 'usps', scenario: 'label_created', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1025', carrier: 'dhl', scenario: 'label_created', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1026', carrier: 'ups', scenario: 'failed_attempt', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1027', carrier: 'usps', scenario: 'failed_attempt', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1028', carrier: 'dhl', scenario: 'failed_attempt', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1029', carrier: 'ups', scenario: 'customs_hold', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1030', carrier: 'fedex', scenario: 'customs_hold', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1031', carrier: 'usps', scenario: 'customs_hold', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1032', carrier: 'fedex', scenario: 'exception', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1033', carrier: 'usps', scenario: 'exception', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1034', carrier: 'dhl', scenario: 'exception', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1035', carrier: 'ups', scenario: 'advancing', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1036', carrier: 'usps', scenario: 'advancing', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1037', carrier: 'dhl', scenario: 'advancing', carrierColumn: true, expected_status: '' },
  // A number the carrier has never seen.
  { order_id: 'ORD-1038', carrier: 'ups', scenario: 'not_found', carrierColumn: false, expected_status: 'not_found' },
  // A German order in two parcels, DHL Paket and GLS; a Dutch order with PostNL (GLS and PostNL detected from the numbers).
  { order_id: 'ORD-1039', carrier: 'dhlparcelde', scenario: 'delivered', carrierColumn: true, expected_status: '' },
  { order_id: 'ORD-1039', carrier: 'gls', scenario: 'in_transit', carrierColumn: false, expected_status: '' },
  { order_id: 'ORD-1040', carrier: 'postnl', scenario: 'out_for_delivery', carrierColumn: false, expected_status: '' },
];

/** Orders printed as order views by `wismo demo`, most telling first. */
export const DEMO_SHOWCASE_ORDERS: readonly string[] = ['ORD-1001', 'ORD-1002', 'ORD-1003', 'ORD-1004'];

/** The CSV text of `examples/orders.csv` for the given sandbox numbers. */
export function demoOrdersCsv(numbers: Record<SandboxCarrierId, Record<SandboxScenario, string>>): string {
  const lines = ['order_id,tracking_number,carrier,expected_status'];
  for (const row of DEMO_ROWS)
    lines.push([row.order_id, numbers[row.carrier][row.scenario], row.carrierColumn ? row.carrier : '', row.expected_status].join(','));
  return `${lines.join('\n')}\n`;
}
