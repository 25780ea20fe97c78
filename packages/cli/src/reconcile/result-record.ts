import type { CarrierTime, Shipment, TrackManyOutcome } from '@wismo/core';
import { delayFlags, type DelayOptions } from './delays';
import type { InputRow } from './input';

/** One output row: the input row's identity and what the carrier says, or why there is no answer. */
export interface ResultRecord {
  /** 1-based data row number in the input (header and blank lines not counted). */
  row: number;
  order_id: string;
  tracking_number: string;
  carrier: string | null;
  status: string | null;
  substatus: string | null;
  expected_status: string | null;
  /** null when no expected status was given or the lookup failed for another reason than not found. */
  mismatch: boolean | null;
  /** The newest scan's time: ISO instant with offset, or the carrier's wall time / date (see `last_event_time_kind`). */
  last_event_at: string | null;
  /** `instant` (offset known), `local` (wall time where it happened, offset unknown) or `date`. */
  last_event_time_kind: CarrierTime['timeKind'] | null;
  last_event: string | null;
  /** The carrier's estimate: one value, or an ISO interval `from/to`. */
  eta: string | null;
  eta_time_kind: CarrierTime['timeKind'] | null;
  stalled: boolean;
  late: boolean;
  /** A wismo error code (`not_found`, `carrier_unavailable`, ...), or `bad_input` for a row that could not be read. */
  error_code: string | null;
  error_message: string | null;
}

export const RESULT_COLUMNS = [
  'row',
  'order_id',
  'tracking_number',
  'carrier',
  'status',
  'substatus',
  'expected_status',
  'mismatch',
  'last_event_at',
  'last_event_time_kind',
  'last_event',
  'eta',
  'eta_time_kind',
  'stalled',
  'late',
  'error_code',
  'error_message',
] as const satisfies ReadonlyArray<keyof ResultRecord>;

/** The time as the carrier gave it: an instant keeps its offset, a wall time stays a wall time. */
export function carrierTimeText(time: CarrierTime | null | undefined): string | null {
  if (!time) return null;
  return time.timeKind === 'instant' ? time.occurredAt : time.localTime;
}

function etaText(shipment: Shipment): string | null {
  const estimate = shipment.estimatedDelivery;
  if (!estimate) return null;
  if (estimate.from && estimate.to && estimate.from !== estimate.to) return `${estimate.from}/${estimate.to}`;
  return estimate.to ?? estimate.from;
}

function lastEventText(shipment: Shipment): string | null {
  const event = shipment.events[0];
  if (!event) return null;
  const place = event.location?.raw ?? ([event.location?.city, event.location?.countryCode].filter(Boolean).join(', ') || null);
  return place ? `${event.description} — ${place}` : event.description;
}

function isMismatch(expected: string, actual: string | null): boolean | null {
  if (expected === '' || actual === null) return null;
  return expected !== actual;
}

function baseRecord(row: InputRow): ResultRecord {
  return {
    row: row.index + 1,
    order_id: row.orderId,
    tracking_number: row.trackingNumber,
    carrier: row.carrier || null,
    status: null,
    substatus: null,
    expected_status: row.expectedStatus || null,
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
  };
}

export function badInputRecord(row: InputRow): ResultRecord {
  return { ...baseRecord(row), error_code: 'bad_input', error_message: `row ${row.index + 1}: ${row.problem ?? 'unreadable'}` };
}

/** Turns a tracker outcome into the output row; `not_found` counts as an answer for `expected_status`. */
export function recordFromOutcome(row: InputRow, outcome: TrackManyOutcome, nowMs: number, delayOptions: DelayOptions = {}): ResultRecord {
  const record = baseRecord(row);
  record.carrier = outcome.carrier ?? (row.carrier || null);
  if (outcome.ok) {
    const { shipment } = outcome;
    const flags = delayFlags(shipment, nowMs, delayOptions);
    const newest = shipment.events[0];
    record.tracking_number = row.trackingNumber;
    record.carrier = shipment.carrier;
    record.status = shipment.status;
    record.substatus = shipment.substatus;
    record.mismatch = isMismatch(row.expectedStatus, shipment.status);
    record.last_event_at = carrierTimeText(newest);
    record.last_event_time_kind = newest?.timeKind ?? null;
    record.last_event = lastEventText(shipment);
    record.eta = etaText(shipment);
    record.eta_time_kind = shipment.estimatedDelivery?.timeKind ?? null;
    record.stalled = flags.stalled;
    record.late = flags.late;
    return record;
  }
  const { error } = outcome;
  record.error_code = error.code;
  record.error_message = error.message;
  record.mismatch = error.code === 'not_found' ? isMismatch(row.expectedStatus, 'not_found') : null;
  return record;
}

export type OutputFormat = 'csv' | 'jsonl';

/**
 * OWASP's CSV-injection rule: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a
 * formula, so such a text cell gets a leading `'` (shown as text by Excel, LibreOffice and Sheets) and quotes.
 * Values that already start with quotes before such a character get one more, so `readResultRecords` can
 * remove exactly one and give back every value as it was. Numbers and booleans are ours and never negative.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = neutraliseFormula(value);
  return text !== value || /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${RESULT_COLUMNS.join(',')}\n`;
}

/** One line of output, newline included. */
export function serialiseRecord(record: ResultRecord, format: OutputFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(record)}\n`;
  let line = '';
  for (let index = 0; index < RESULT_COLUMNS.length; index += 1) {
    if (index > 0) line += ',';
    line += csvCell(record[RESULT_COLUMNS[index]!]);
  }
  return `${line}\n`;
}
