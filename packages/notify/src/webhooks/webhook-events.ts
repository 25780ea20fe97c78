import type { DomainEventType, OutboxEvent } from '@wismo/store';

/** The webhook `type` of each store event (Standard Webhooks: `group.event`). */
export const WEBHOOK_EVENT_TYPES: Readonly<Record<DomainEventType, string>> = {
  status_changed: 'shipment.status_changed',
  event_added: 'shipment.event_added',
  eta_changed: 'shipment.eta_changed',
  delay_detected: 'shipment.delay_detected',
  delivered: 'shipment.delivered',
  exception: 'shipment.exception',
  tracking_number_changed: 'shipment.tracking_number_changed',
  order_stage_changed: 'order.stage_changed',
};

/** The `webhook-id`: the outbox id, stable across attempts and replays (receivers drop duplicates by it). */
export function webhookMessageId(event: Pick<OutboxEvent, 'id'>): string {
  return `msg_${event.id}`;
}

/**
 * The body: `{ type, timestamp, data }` (the spec's shape). No ordering is promised: `data.sequence` (the outbox
 * id, increasing) lets a receiver put events of one shipment in order.
 */
export function webhookPayloadOf(event: OutboxEvent): { type: string; timestamp: string; data: Record<string, unknown> } {
  return {
    type: WEBHOOK_EVENT_TYPES[event.type] ?? `shipment.${event.type}`,
    timestamp: event.createdAt,
    data: {
      id: event.id,
      sequence: Number(event.id),
      shopId: event.shopId,
      trackingId: event.trackingId,
      orderId: event.orderId,
      event: event.type,
      detail: event.payload,
    },
  };
}
