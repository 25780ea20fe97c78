import type { Shipment, TrackingEvent } from '@wismo/core';

// A string no carrier sends (control characters around it), written in the events' place and replaced after.
const EVENTS_PLACEHOLDER = '\u0000wismo:events\u0000';
const EVENTS_PLACEHOLDER_JSON = JSON.stringify(EVENTS_PLACEHOLDER);

/**
 * `JSON.stringify(shipment)`, the same text, with each event's text from `eventJson`: ingest has just serialised
 * the new events for their rows, and the snapshot holds them again (most of its length).
 */
export function shipmentJson(shipment: Shipment, eventJson: (event: TrackingEvent) => string): string {
  const text = JSON.stringify({ ...shipment, events: EVENTS_PLACEHOLDER });
  const at = text.indexOf(EVENTS_PLACEHOLDER_JSON);
  if (at === -1 || text.includes(EVENTS_PLACEHOLDER_JSON, at + 1)) return JSON.stringify(shipment);
  let events = '[';
  for (let index = 0; index < shipment.events.length; index++) events += (index === 0 ? '' : ',') + eventJson(shipment.events[index]!);
  return `${text.slice(0, at)}${events}]${text.slice(at + EVENTS_PLACEHOLDER_JSON.length)}`;
}
