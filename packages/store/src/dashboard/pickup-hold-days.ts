/**
 * Calendar days a carrier keeps a parcel at its pickup point or post office before sending it back, for carriers
 * whose documented hold is not the default week. Checked 2026-12 (sources below; also in `docs/status-model.md`).
 * Where a carrier's pickup places differ, the figure is the one of the place most parcels wait at; a shop can set
 * its own with `PickupDeadlineSettings.holdDays`.
 *
 * - usps 15: unclaimed items are held 15 days from the first notice, then returned to the mailer (USPS's words, as
 *   quoted at https://easyrelocated.com/what-happens-when-usps-holds-mail and https://www.reference.com/business-finance/long-usps-hold-packages-cabfdcf31a12b957:
 *   "Articles with extra services are held for 15 days, with the exception of COD which is held for 10 days … and
 *   Priority Mail Express which is held for 5 days"). Priority Mail Express is shorter: 5 days.
 * - royalmail 18: "We'll hold items for 18 days. If they're not collected in that time, we'll return them to the
 *   sender" (https://www3.parcelforce.com/help-and-advice/receiving/local-collect-parcels); Royal Mail's own
 *   https://mydeliveries.royalmail.com/faqs/ gives the same 18 days for Tracked and Signed For items.
 * - hermes 10: "Aufbewahrung im PaketShop: … beträgt die Aufbewahrungsfrist 10 Tage" (Hermes Germany,
 *   https://blog.myhermes.de/hermesabc/aufbewahrung/); its ParcelLock lockers keep parcels for less (5 days).
 *
 * The default week matches DHL's Packstation (7 calendar days, the day of arrival counted), PostNL's pickup points
 * ("We will keep your package seven days", https://www.postnl.be/en/contact/absent-during-home-delivery/not-at-home-by-delivery/),
 * DPD Pickup shops (7 calendar days) and UPS Access Points (7 calendar days). Australia Post keeps parcels 10 business
 * days at a Post Office but only 48 hours in a Parcel Locker (https://auspost.com.au/receiving/mypost), which the
 * tracking does not tell apart: it keeps the default.
 */
export const DEFAULT_PICKUP_HOLD_DAYS: Readonly<Record<string, number>> = { usps: 15, royalmail: 18, hermes: 10 };
