import { contactFor, type CarrierAdapter, type CarrierContactBook, type Contact } from '@wismo/core';

/** What the order view needs to know about a carrier to tell people how to reach it. */
export interface CarrierDirectoryEntry {
  name: string;
  contact: CarrierContactBook;
  trackingUrl?: (trackingNumber: string) => string;
  /** Calendar days a parcel waits at a pickup point before going back; gives the collection deadline. */
  pickupHoldDays?: number;
}

/** Carrier id → entry. */
export type CarrierDirectory = Readonly<Record<string, CarrierDirectoryEntry>>;

/** Accepts a directory or the carrier adapters themselves. */
export function toCarrierDirectory(carriers: CarrierDirectory | readonly CarrierAdapter[] | undefined): CarrierDirectory {
  if (!carriers) return {};
  if (!Array.isArray(carriers)) return carriers as CarrierDirectory;
  const directory: Record<string, CarrierDirectoryEntry> = {};
  for (const adapter of carriers as readonly CarrierAdapter[]) {
    directory[adapter.id] = { name: adapter.name, contact: adapter.contact, trackingUrl: (number) => adapter.trackingUrl(number) };
  }
  return directory;
}

export function carrierContact(entry: CarrierDirectoryEntry | undefined, countryCode: string | null): Contact | null {
  return entry ? contactFor(entry, countryCode) : null;
}
