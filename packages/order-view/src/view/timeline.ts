import type { Milestones, MerchantMilestone } from '../order-schema';
import type { TimelineEntry } from '../order-view-schema';
import { customerTimeOf, merchantTime } from './customer-time';
import { mergeNewestFirst, type ResolvedParcel } from './resolve-parcels';

interface Placed {
  entry: TimelineEntry;
  estimate: number;
}

function milestoneEntries(milestones: Milestones, placedAt: string, timeZone: string): Placed[] {
  const times: [MerchantMilestone, string | null][] = [
    ['placed', milestones.placed ?? placedAt],
    ['confirmed', milestones.confirmed],
    ['packed', milestones.packed],
    ['cancelled', milestones.cancelled],
  ];
  return (
    times
      .filter((pair): pair is [MerchantMilestone, string] => pair[1] !== null)
      .map(([milestone, instant], naturalIndex) => {
        const time = merchantTime(instant);
        return {
          naturalIndex,
          estimate: Date.parse(instant),
          entry: {
            kind: 'milestone' as const,
            milestone,
            parcelId: null,
            carrier: null,
            trackingNumber: null,
            status: null,
            substatus: null,
            description: null,
            location: null,
            rawCode: null,
            unmapped: false,
            time,
            customerTime: customerTimeOf(time, timeZone),
          },
        };
      })
      // Newest first; milestones stamped at the same instant keep their natural order, reversed (confirmed above placed).
      .sort((a, b) => b.estimate - a.estimate || b.naturalIndex - a.naturalIndex)
  );
}

/**
 * One timeline, newest first, across the shop's milestones and every parcel's scans. Instants are shown in
 * the customer's zone; carrier wall times stay the carrier's local time; each carrier's own order is kept
 * and the lists are interleaved by each event's best-estimate instant.
 */
export function buildTimeline(
  parcels: readonly ResolvedParcel[],
  milestones: Milestones,
  placedAt: string,
  timeZone: string,
): TimelineEntry[] {
  const lists: Placed[][] = [milestoneEntries(milestones, placedAt, timeZone)];
  for (const parcel of parcels) {
    lists.push(
      parcel.events.map(({ event, carrier, trackingNumber, moment, countryCode, regionCode }) => ({
        estimate: moment?.estimate ?? Number.NEGATIVE_INFINITY,
        entry: {
          kind: 'scan' as const,
          milestone: null,
          parcelId: parcel.orderShipment.id,
          carrier,
          trackingNumber,
          status: event.status,
          substatus: event.substatus,
          description: event.description,
          location: event.location,
          rawCode: event.raw.code,
          unmapped: event.unmapped,
          time: { occurredAt: event.occurredAt, localTime: event.localTime, timeKind: event.timeKind },
          customerTime: customerTimeOf(event, timeZone, countryCode, moment, regionCode),
        },
      })),
    );
  }
  return mergeNewestFirst(lists, (placed) => placed.estimate).map((placed) => placed.entry);
}
