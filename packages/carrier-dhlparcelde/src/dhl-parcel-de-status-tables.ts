import { createStatusTable, type ShipmentStatus, type SubstatusOf } from '@wismo/core';

/*
 * DHL Parcel DE (Post & Parcel Germany) tracking codes, as data. Source: DHL's table
 * `parcel_de_ice_event_ric_combinations_July_2024.csv` (338 ICE/RIC/standard-event-code combinations, 16
 * standard event codes, 52 ICE, 136 RIC), copied to docs/research/carrier-codes/dhl-parcel-de-codes.md.
 * The comment on each entry is DHL's own name for the code, English / German.
 *
 * Every event carries three codes: `standard-event-code` (DHL's customer-facing group, e.g. ZU "Delivery
 * successful"), `ice` (what happened, e.g. DLVRD "Delivered") and `ric` (the reason or detail, e.g. NGHBR
 * "Delivery to neighbor"). The group alone is too coarse (PO "In delivery process" holds both "unloaded at
 * the delivery base" and "loaded onto the delivery vehicle"), the ICE alone is ambiguous (LDTMV "Loaded to
 * movement / tour vehicle" is a departure under AA and the delivery round under PO), so the status is decided
 * by the ICE together with the group, as DHL's table pairs them; the RIC only sharpens the substatus.
 *
 * Codes that carry no movement (advices, payments, "previous event deleted") map explicitly to `unknown`, so
 * they never move a shipment but are not reported as unmapped either.
 */

/**
 * `ice/standard-event-code` → status: every pair in DHL's table (105). Decides the status of an event.
 * Comment: ICE name | standard-event-code meaning.
 */
export const DHL_PARCEL_DE_EVENTS = createStatusTable({
  'ADVIS/DD': { status: 'unknown', substatus: 'unknown' }, // Advise / Sendungsavise/-auftrag | Data Service / Datendienst
  'ADVIS/ZN': { status: 'attempt_failed' }, // Advise / Sendungsavise/-auftrag | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'ALERT/BV': { status: 'exception' }, // Alert / Benachrichtigung | Exception / Besondere Vorkommnisse
  'ALERT/DD': { status: 'unknown', substatus: 'unknown' }, // Alert / Benachrichtigung | Data Service / Datendienst
  'ASMVT/NB': { status: 'in_transit', substatus: 'in_transit' }, // Assigned to movement / tour vehicle / Transportzuweisung | Normal processing / Normale Bearbeitung
  'CANCL/BV': { status: 'cancelled', substatus: 'cancelled' }, // The shipment order was canceled by the sender / Der angekündigte Versand der Sendung wurde vom Absender storniert | Exception / Besondere Vorkommnisse
  'CHECK/BV': { status: 'in_transit' }, // Checked / Produktmerkmal-Prüfung | Exception / Besondere Vorkommnisse
  'CNFSC/BV': { status: 'exception', substatus: 'held_by_carrier' }, // Confiscation / Beschlagnahme/Postsperre | Exception / Besondere Vorkommnisse
  'CNRFC/LA': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Consignee notified - Ready for collection / Benachrichtigt | In storage / Lagerung
  'CNRFC/ZF': { status: 'available_for_pickup' }, // Consignee notified - Ready for collection / Benachrichtigt | Delivery to postal outlet / Zustellung Filiale
  'DLVRD/GT': { status: 'delivered', substatus: 'delivered' }, // Delivered / Ausgeliefert | Money transfer / Geld-Transfer
  'DLVRD/ZU': { status: 'delivered' }, // Delivered / Ausgeliefert | Delivery successful / Zugestellt
  'DLVRF/ZN': { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Delivery refused / Annahme verweigert | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'DMGDS/AA': { status: 'exception', substatus: 'damaged' }, // Damage discovered / Beschädigt | Departed from / Abgang aus ...
  'DMGDS/BV': { status: 'exception', substatus: 'damaged' }, // Damage discovered / Beschädigt | Exception / Besondere Vorkommnisse
  'DMGDS/EE': { status: 'exception', substatus: 'damaged' }, // Damage discovered / Beschädigt | Arrived at / Eingang in ...
  'DSPSD/BV': { status: 'exception', substatus: 'disposed' }, // Disposed of / Vernichtung | Exception / Besondere Vorkommnisse
  'DSPSD/ZN': { status: 'exception', substatus: 'disposed' }, // Disposed of / Vernichtung | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'DSPSD/ZU': { status: 'exception', substatus: 'disposed' }, // Disposed of / Vernichtung | Delivery successful / Zugestellt
  'DTNPC/BV': { status: 'exception', substatus: 'carrier_exception' }, // Data, but no piece / Daten ohne Sendung | Exception / Besondere Vorkommnisse
  'EXPHD/BV': { status: 'exception' }, // Exception hold / Sonderereignis | Exception / Besondere Vorkommnisse
  'EXPHD/PO': { status: 'in_transit' }, // Exception hold / Sonderereignis | In delivery process / Im Zustellprozess
  'EXPHD/ZF': { status: 'exception', substatus: 'customs_held' }, // Exception hold / Sonderereignis | Delivery to postal outlet / Zustellung Filiale
  'EXPHD/ZN': { status: 'returning', substatus: 'return_requested' }, // Exception hold / Sonderereignis | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'EXPHD/ZO': { status: 'exception', substatus: 'customs_held' }, // Exception hold / Sonderereignis | Customs clearance / Zoll
  'FWDCF/PO': { status: 'in_transit', substatus: 'missorted' }, // Forwarded to correct facility / Weitertransport / Rücktransport | In delivery process / Im Zustellprozess
  'HLDCC/LA': { status: 'available_for_pickup' }, // Held for consignee collection / Sendung liegt zur Abholung bereit | In storage / Lagerung
  'HLDCC/PO': { status: 'available_for_pickup' }, // Held for consignee collection / Sendung liegt zur Abholung bereit | In delivery process / Im Zustellprozess
  'HLDCC/ZF': { status: 'available_for_pickup' }, // Held for consignee collection / Sendung liegt zur Abholung bereit | Delivery to postal outlet / Zustellung Filiale
  'HLDCP/ZO': { status: 'in_transit', substatus: 'customs_processing' }, // Held for clearance purposes / Bereithaltung zur Zollübergabe | Customs clearance / Zoll
  'HLDCU/BV': { status: 'exception', substatus: 'customs_held' }, // Held by Customs / Zollbearbeitung | Exception / Besondere Vorkommnisse
  'HLDCU/ZO': { status: 'in_transit', substatus: 'customs_processing' }, // Held by Customs / Zollbearbeitung | Customs clearance / Zoll
  'HNDDE/LA': { status: 'available_for_pickup' }, // Handover to 3rd party - Delivery details expected / Übergabe an Servicepartner | In storage / Lagerung
  'HNDDE/PO': { status: 'in_transit', substatus: 'in_transit' }, // Handover to 3rd party - Delivery details expected / Übergabe an Servicepartner | In delivery process / Im Zustellprozess
  'HNDDE/ZF': { status: 'available_for_pickup' }, // Handover to 3rd party - Delivery details expected / Übergabe an Servicepartner | Delivery to postal outlet / Zustellung Filiale
  'HNDND/ZO': { status: 'in_transit', substatus: 'customs_processing' }, // Handover to 3rd party - No delivery details expect / Übergabe an Servicepartner | Customs clearance / Zoll
  'ICPRC/ZO': { status: 'in_transit', substatus: 'customs_processing' }, // Into clearance processing / Zollabfertigung gestartet | Customs clearance / Zoll
  'INFCL/BV': { status: 'in_transit', substatus: 'arrived_at_facility' }, // In facility / Lagerung | Exception / Besondere Vorkommnisse
  'INFCL/LA': { status: 'in_transit' }, // In facility / Lagerung | In storage / Lagerung
  'INFCL/PO': { status: 'in_transit' }, // In facility / Lagerung | In delivery process / Im Zustellprozess
  'ITBAR/ZO': { status: 'in_transit', substatus: 'customs_processing' }, // In bonded area / Lagerung unter Verschluss | Customs clearance / Zoll
  'LDEXC/BV': { status: 'in_transit' }, // Loading exception / Ladungsrückstellung | Exception / Besondere Vorkommnisse
  'LDEXC/PO': { status: 'in_transit' }, // Loading exception / Ladungsrückstellung | In delivery process / Im Zustellprozess
  'LDEXC/ZN': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Loading exception / Ladungsrückstellung | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'LDTHU/NB': { status: 'in_transit', substatus: 'in_transit' }, // Loaded to handling unit / Gebindebeladung | Normal processing / Normale Bearbeitung
  'LDTMV/AA': { status: 'in_transit', substatus: 'departed_facility' }, // Loaded to movement / tour vehicle / Abgang | Departed from / Abgang aus ...
  'LDTMV/ES': { status: 'in_transit', substatus: 'picked_up' }, // Loaded to movement / tour vehicle / Abgang | Handed over to DHL / Eingang in Sendungsverlauf
  'LDTMV/NB': { status: 'in_transit', substatus: 'departed_facility' }, // Loaded to movement / tour vehicle / Abgang | Normal processing / Normale Bearbeitung
  'LDTMV/PO': { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Loaded to movement / tour vehicle / Abgang | In delivery process / Im Zustellprozess
  'LDTMV/ZF': { status: 'in_transit', substatus: 'in_transit' }, // Loaded to movement / tour vehicle / Abgang | Delivery to postal outlet / Zustellung Filiale
  'LDTMV/ZN': { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Loaded to movement / tour vehicle / Abgang | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'MSRTD/BV': { status: 'in_transit', substatus: 'missorted' }, // Mis routed / Routingfehler | Exception / Besondere Vorkommnisse
  'MSRTD/PO': { status: 'in_transit', substatus: 'missorted' }, // Mis routed / Routingfehler | In delivery process / Im Zustellprozess
  'MSRTD/ZN': { status: 'in_transit', substatus: 'missorted' }, // Mis routed / Routingfehler | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'MVARR/EE': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Movement / tour vehicle arrived / Fahrzeug angekommen | Arrived at / Eingang in ...
  'MVARR/PO': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Movement / tour vehicle arrived / Fahrzeug angekommen | In delivery process / Im Zustellprozess
  'MVARR/ZU': { status: 'delivered', substatus: 'delivered' }, // Movement / tour vehicle arrived / Fahrzeug angekommen | Delivery successful / Zugestellt
  'MVDEX/BV': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Movement / tour vehicle departure exception / Fahrzeug verspätet | Exception / Besondere Vorkommnisse
  'MVDPT/AA': { status: 'in_transit', substatus: 'departed_facility' }, // Movement / tour vehicle departed / Fahrzeug hat den Standort verlassen | Departed from / Abgang aus ...
  'MVTEX/BV': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Movement / tour vehicle exception / Problem beim Transport | Exception / Besondere Vorkommnisse
  'MVTEX/PO': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Movement / tour vehicle exception / Problem beim Transport | In delivery process / Im Zustellprozess
  'NTADT/PO': { status: 'in_transit', substatus: 'delayed' }, // Not assigned to delivery tour / Sendung nicht in der Zustellung | In delivery process / Im Zustellprozess
  'NTDEL/PO': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Not delivered / Nicht ausgeliefert | In delivery process / Im Zustellprozess
  'NTDEL/ZN': { status: 'attempt_failed' }, // Not delivered / Nicht ausgeliefert | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'NTPUP/AN': { status: 'exception' }, // Not picked up / Nicht abgeholt | Pickup not successful / Abholung beim Kunden nicht erfolgreich
  'OFWRD/AA': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | Departed from / Abgang aus ...
  'OFWRD/AN': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | Pickup not successful / Abholung beim Kunden nicht erfolgreich
  'OFWRD/BV': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | Exception / Besondere Vorkommnisse
  'OFWRD/EE': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | Arrived at / Eingang in ...
  'OFWRD/PO': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | In delivery process / Im Zustellprozess
  'OFWRD/ZN': { status: 'in_transit', substatus: 'rerouted' }, // Onforwarded / Nachsendung / Rücksendung | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'PARCV/VA': { status: 'info_received', substatus: 'label_created' }, // PAN Received by Carrier / Elektronische Sendungsdaten liegen vor | Electronic pre advise / Vorankündigung (per EDI)
  'PBNDT/BV': { status: 'in_transit' }, // Piece, but no data / Sendung ohne Daten | Exception / Besondere Vorkommnisse
  'PCKDU/AE': { status: 'in_transit', substatus: 'picked_up' }, // Picked up / Abholung | Pickup successful / Abholung beim Kunden erfolgreich
  'PCKDU/ES': { status: 'in_transit', substatus: 'picked_up' }, // Picked up / Abholung | Handed over to DHL / Eingang in Sendungsverlauf
  'PMTCR/GT': { status: 'unknown', substatus: 'unknown' }, // Payments received from courier / Zahlungsübergabe | Money transfer / Geld-Transfer
  'PMTCS/GT': { status: 'unknown', substatus: 'unknown' }, // Payment received from customer / Zahlung erhalten | Money transfer / Geld-Transfer
  'PURCR/BV': { status: 'exception' }, // Pick up request created / Abholauftrag erhalten | Exception / Besondere Vorkommnisse
  'PURCR/DD': { status: 'info_received', substatus: 'pickup_scheduled' }, // Pick up request created / Abholauftrag erhalten | Data Service / Datendienst
  'PURCR/VA': { status: 'info_received', substatus: 'pickup_scheduled' }, // Pick up request created / Abholauftrag erhalten | Electronic pre advise / Vorankündigung (per EDI)
  'RCCLS/BV': { status: 'exception', substatus: 'carrier_exception' }, // Record closed / Sendungslauf beendet | Exception / Besondere Vorkommnisse
  'RCCLS/ZN': { status: 'exception', substatus: 'lost' }, // Record closed / Sendungslauf beendet | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'RELBL/BV': { status: 'in_transit', substatus: 'in_transit' }, // Relabeled / Neues Label erstellt | Exception / Besondere Vorkommnisse
  'RELBL/PO': { status: 'in_transit', substatus: 'in_transit' }, // Relabeled / Neues Label erstellt | In delivery process / Im Zustellprozess
  'REPCK/AA': { status: 'in_transit', substatus: 'departed_facility' }, // Repacked / Sendung wurde neu verpackt | Departed from / Abgang aus ...
  'REPCK/BV': { status: 'in_transit' }, // Repacked / Sendung wurde neu verpackt | Exception / Besondere Vorkommnisse
  'REPCK/PO': { status: 'in_transit', substatus: 'in_transit' }, // Repacked / Sendung wurde neu verpackt | In delivery process / Im Zustellprozess
  'RETRN/BV': { status: 'returning', substatus: 'return_requested' }, // Shipment will be returned to origin / Rücksendung | Exception / Besondere Vorkommnisse
  'RETRN/ZN': { status: 'returning', substatus: 'return_requested' }, // Shipment will be returned to origin / Rücksendung | Delivery attempt not successful / Zustellversuch nicht erfolgreich
  'RETRN/ZO': { status: 'returning', substatus: 'return_requested' }, // Shipment will be returned to origin / Rücksendung | Customs clearance / Zoll
  'ROUCR/PO': { status: 'in_transit', substatus: 'rerouted' }, // Re-Routed on customer request / Umleitung aufgrund Empfängerverfügung | In delivery process / Im Zustellprozess
  'RSDCP/ZO': { status: 'in_transit', substatus: 'customs_cleared' }, // Released from clearance processing / Zollfreigabe | Customs clearance / Zoll
  'SECHK/BV': { status: 'in_transit' }, // Security checked / Sicherheitsprüfung | Exception / Besondere Vorkommnisse
  'SHRCU/ES': { status: 'in_transit', substatus: 'picked_up' }, // Shipment Received from customer / Einlieferung der Sendung durch den Kunden | Handed over to DHL / Eingang in Sendungsverlauf
  'SRTED/AA': { status: 'in_transit', substatus: 'departed_facility' }, // Sorted / Sortierung | Departed from / Abgang aus ...
  'SRTED/AE': { status: 'in_transit', substatus: 'picked_up' }, // Sorted / Sortierung | Pickup successful / Abholung beim Kunden erfolgreich
  'SRTED/EE': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Sorted / Sortierung | Arrived at / Eingang in ...
  'SRTED/ES': { status: 'in_transit', substatus: 'picked_up' }, // Sorted / Sortierung | Handed over to DHL / Eingang in Sendungsverlauf
  'SRTED/NB': { status: 'in_transit', substatus: 'in_transit' }, // Sorted / Sortierung | Normal processing / Normale Bearbeitung
  'SRTED/PO': { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Sorted / Sortierung | In delivery process / Im Zustellprozess
  'STORN/DD': { status: 'unknown', substatus: 'unknown' }, // The previous event was deleted by driver / Storno - vorheriges Ereignis durch Zusteller gelöscht | Data Service / Datendienst
  'TRBCR/BV': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Transferred between carriers / Übergabe zwischen Transporteuren | Exception / Besondere Vorkommnisse
  'ULFMV/EE': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Unloaded from movement / tour vehicle / Eingang | Arrived at / Eingang in ...
  'ULFMV/NB': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Unloaded from movement / tour vehicle / Eingang | Normal processing / Normale Bearbeitung
  'ULFMV/PO': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Unloaded from movement / tour vehicle / Eingang | In delivery process / Im Zustellprozess
});

/**
 * Full `ice/ric/standard-event-code` combinations whose meaning the pair above does not carry: an onward
 * transport that is in fact the way back to the sender (RTSCR, RTSSA), or one that corrects a mis-sort (CRRFN).
 */
export const DHL_PARCEL_DE_COMBINATIONS = createStatusTable({
  'OFWRD/RTSCR/AA': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper at customer request | Departed from
  'OFWRD/RTSCR/BV': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper at customer request | Exception
  'OFWRD/RTSCR/EE': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper at customer request | Arrived at
  'OFWRD/RTSCR/PO': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper at customer request | In delivery process
  'OFWRD/RTSCR/ZN': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper at customer request | Delivery attempt not successful
  'OFWRD/RTSSA/ZN': { status: 'returning', substatus: 'returning_to_sender' }, // Onforwarded | Return to shipper by customer standard agreement | Delivery attempt not successful
  'OFWRD/CRRFN/AA': { status: 'in_transit', substatus: 'missorted' }, // Onforwarded | Correct routing information but at the wrong facility | Departed from
  'OFWRD/CRRFN/EE': { status: 'in_transit', substatus: 'missorted' }, // Onforwarded | Correct routing information but at the wrong facility | Arrived at
});

/**
 * `standard-event-code` → status: all 16 groups. Used only when the ICE/group pair is not in DHL's table
 * (a new ICE, or an event without one), so an event is still placed in its group.
 */
export const DHL_PARCEL_DE_STANDARD_EVENT_CODES = createStatusTable({
  AA: { status: 'in_transit', substatus: 'departed_facility' }, // Departed from / Abgang aus ...
  AE: { status: 'in_transit', substatus: 'picked_up' }, // Pickup successful / Abholung beim Kunden erfolgreich
  AN: { status: 'exception' }, // Pickup not successful / Abholung beim Kunden nicht erfolgreich
  BV: { status: 'exception' }, // Exception / Besondere Vorkommnisse
  DD: { status: 'unknown', substatus: 'unknown' }, // Data Service / Datendienst
  EE: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at / Eingang in ...
  ES: { status: 'in_transit', substatus: 'picked_up' }, // Handed over to DHL / Eingang in Sendungsverlauf
  GT: { status: 'unknown', substatus: 'unknown' }, // Money transfer / Geld-Transfer
  LA: { status: 'in_transit' }, // In storage / Lagerung
  NB: { status: 'in_transit', substatus: 'in_transit' }, // Normal processing / Normale Bearbeitung
  PO: { status: 'in_transit' }, // In delivery process / Im Zustellprozess (not necessarily on the vehicle yet)
  VA: { status: 'info_received', substatus: 'label_created' }, // Electronic pre advise / Vorankündigung (per EDI)
  ZF: { status: 'available_for_pickup' }, // Delivery to postal outlet / Zustellung Filiale
  ZN: { status: 'attempt_failed' }, // Delivery attempt not successful / Zustellversuch nicht erfolgreich
  ZO: { status: 'in_transit', substatus: 'customs_processing' }, // Customs clearance / Zoll
  ZU: { status: 'delivered' }, // Delivery successful / Zugestellt
});

/** Substatus per status that a RIC gives; a RIC refines an event only where its status is the one decided. */
type DhlParcelDeReasonRefinement = { readonly [Status in ShipmentStatus]?: SubstatusOf<Status> };

/** Frozen, without a prototype: it can be looked up with any text, which its type says. */
function createReasonTable<const Table extends Readonly<Record<string, DhlParcelDeReasonRefinement>>>(
  entries: Table,
): Table & Readonly<Record<string, DhlParcelDeReasonRefinement | undefined>> {
  const table = Object.create(null) as Record<string, DhlParcelDeReasonRefinement>;
  for (const [code, entry] of Object.entries(entries)) table[code] = Object.freeze({ ...entry });
  return Object.freeze(table) as Table;
}

/**
 * `ric` → substatus refinements: all 136 RIC codes. `{}` where the reason says nothing the status model can
 * hold (it stays in the event's raw codes). BDADD "Bad address" is an address issue on a failed attempt and an
 * address problem on an exception: hence a substatus per status.
 */
export const DHL_PARCEL_DE_REASON_CODES = createReasonTable({
  ACCDM: { delivered: 'delivered' }, // Accepted - damaged / Erfolgreiche Zustellung - Beschädigt
  ACCPK: { delivered: 'picked_up_by_recipient' }, // Collected from automated site / Sendung aus Packstation entnommen
  ACCPT: { delivered: 'delivered' }, // Accepted / Erfolgreiche Zustellung
  ACCSI: {}, // Accepted - Shipment incomplete / Erfolgreiche Zustellung - Sendung unvollständig
  AGENT: { delivered: 'delivered' }, // Hand over/delivery to Agent / Übergabe/Zustellung an Bevollmächtigten
  AGNEG: {}, // Age-Check negativ / Altersprüfung negativ
  BDADD: { attempt_failed: 'attempt_failed_address_issue', exception: 'address_problem' }, // Bad address / Adresse fehlerhaft
  BOOKN: {}, // Booking / Buchung erfolgt
  CAPEX: { in_transit: 'delayed_volume' }, // capacity exceeded / Kapazitätsproblem
  CCPSD: {}, // Content Check - Passed / Inhaltskontrolle erfolgt
  CLOSD: { attempt_failed: 'attempt_failed_business_closed' }, // Closed / Geschlossen
  CLREF: { exception: 'customs_held' }, // Clearance refused / Die Zollabfertigung wurde abgelehnt
  CLRTE: {}, // Tour exception / Keine Abholung wegen Verspätung
  CNCNR: { attempt_failed: 'attempt_failed_recipient_absent' }, // Consignee could not be reached / Empfänger nicht erreicht
  CNRFW: { in_transit: 'rerouted' }, // Consignee request: Forward to an other address. / Empfängerverfügung: Nachsendung
  CODAR: {}, // Electronic shipment advise received / Auftrag zur NN-Betrag-Überweisung von Bank bestätigt
  CODRP: {}, // COD remittance processed / NN-Betrag-Überweisung durch Bank ist erfolgt.
  CPUNK: { attempt_failed: 'attempt_failed_address_issue', exception: 'address_problem' }, // Company dissolved / unknown / Empfänger unbekannt
  CRFRD: { in_transit: 'rerouted' }, // Customer request for redirection / Kunde wünscht Zusendung zu anderer Adresse
  CROAT: {}, // DHL arrived outside agreed time / Kurier unpünktlich
  CRQST: {}, // Customer request / Sendung wurde auf Kundenwunsch vernichtet
  CRRCS: {}, // Correct Routing information but delivered to wRong / Falscher Empfänger bei Firmenzustellung
  CRRFN: { in_transit: 'missorted' }, // Correct routing information but at the wrong facil / Sortierfehler - richtiger Routing-Code / Sendung in falscher Lokation
  CRROT: {}, // Courier out of time / Kurier zu spät / Schicht zuende
  CSDOC: {}, // ConSignee DOCumentation / Kundendokumentation
  CSREQ: {}, // ConSignee REQuest / Empfänger-Verfügung
  CSTBA: { in_transit: 'customs_processing' }, // Customs bonded area / Zollverschluss
  CTCNI: {}, // Customer could not identify themselves / Identitätsprüfung negativ
  CTCST: {}, // Contacted customer / Kunde wurde informiert
  CUSTM: {}, // Customs / Übergabe an Zoll zur Prüfung und Zustellung
  DGCPS: {}, // Dangerous goods check - Passed / Gefahrgutprüfung erfolgt
  DIDLV: {}, // Direct delivery at hub/delivery depot / Vereinfachte Zustellung
  DLVDT: { in_transit: 'delivery_rescheduled' }, // DeLiVery DaTe / Wunschtag
  DLVTM: {}, // DeLiVery TiME / Wunschzeit / Zustellzeitfenster
  DMGED: { exception: 'damaged' }, // Damage under investigation / Keine Übernahme wegen Beschädigung
  DMGPC: { exception: 'damaged' }, // Damaged in process / Beschädigt bei der Bearbeitung vorgefunden
  DMPHD: { exception: 'damaged' }, // Damaged by poor handling / Nachverpackung wg. unsachgemäßer Behandlung
  DRCRU: { in_transit: 'delayed_carrier_issue' }, // Driver / crew unavailable / Verzögerung wegen fehlendem Fahrer
  EQUBF: { in_transit: 'delayed_carrier_issue' }, // Equipment unavailable, broken down or faulty / Verzögerung wg. technischer Probleme
  FAMLY: { delivered: 'delivered' }, // Delivery to a family member / Zustellung an Familienmitglied
  FFTCH: {}, // Failed product feature validation / Produkteigenschaften-Prüfung negativ
  FRMJR: { in_transit: 'delayed_weather' }, // Force majeur / Verzögerung wegen höherer Gewalt
  FSCCH: { exception: 'rejected_by_carrier' }, // Failed dangerous goods check / Gefahrgutprüfung negativ
  FWAPS: {}, // ForWarded for Army Postal Service / Weiterleitung für die Feldpost-Bearbeitung
  FWEXH: {}, // ForWarded for Export Handling / Weiterleitung zur Exportbearbeitung
  FWEXP: {}, // ForWarded for EXPress handling / Weiterleitung zum Transport im Express-Netzwerk
  GDNMS: { exception: 'rejected_by_carrier' }, // Goods / packaging not meet standard / Sendung entspricht nicht den DHL-Standards
  GDNRD: {}, // Goods not ready / Sendung war nicht versandfertig
  GHSTP: {}, // Ghost piece / Daten ohne Sendung
  HDFCT: { available_for_pickup: 'held_at_carrier_facility' }, // Held at DHL facility / Lagerung wegen Selbstabholung
  HLDAY: { in_transit: 'delivery_rescheduled' }, // HoLiDAY / Lagerung wegen Ferien, Betriebsferien oder Feiertagen
  HLDSR: { exception: 'held_by_carrier' }, // HeLD on Shipper Request / Lagerung aufgrund einer Absenderverfügung
  HNDCA: { in_transit: 'delivery_rescheduled' }, // Held for Next working Day delivery on / Rückstellung für eine Zustellung am nächsten Werktag aufgrund einer Empfängervereinbarung
  HNDTC: {}, // Handover to carrier / Übergabe an Dienstleister
  IDDMG: {}, // ID damaged or not readable / Prüf-ID beschädigt oder nicht lesbar
  IDNEG: {}, // Identitycheck negativ / Identitätsprüfung Negativ
  INCSH: {}, // Incomplete shipment / Mehrteilige Sendung unvollständig
  INSPF: {}, // Inspection failed / Zollprüfung negativ
  INSPT: { exception: 'held_by_carrier' }, // Inspection / Es besteht der Verdacht auf Beraubung. Die Sendung wird inspiziert.
  LDMGD: {}, // Loaded Damaged / Beladung einer beschädigten/nachverpackten Sendung
  LDPCK: { available_for_pickup: 'arrived_at_pickup_point' }, // Held in automated collection site / Zustellung an Packstation / Einlieferung in Packstation
  LEGAT: {}, // LEGal AuThority / Übergabe der Sendung an Bevollmächtigten
  LOSTX: { exception: 'lost' }, // Lost / Verlust
  MOVED: { attempt_failed: 'attempt_failed_address_issue', exception: 'address_problem' }, // Moved / Empfänger verzogen
  MSDLA: { in_transit: 'delayed_carrier_issue' }, // Missed delivery cycle - Received after cut off / Sendung zu spät in Station für Zustellung
  MSDOC: { exception: 'customs_documents_needed' }, // Missing Document / Fehlendes Dokument
  MSGER: {}, // Message Error / Fehler bei Nachrichtenübermittlung von Multikanalplattform
  MSGPC: {}, // Message processing / SMS bei Provider in Bearbeitung
  MSGST: {}, // Message sent / Nachricht zugestellt
  MSLBL: {}, // Missing Label / Fehlendes Label
  MSSDT: {}, // Missing data / fehlende Daten
  MVMTV: {}, // Movement / tour vehicle / Beladung
  NAGTB: { exception: 'rejected_by_carrier' }, // Not According to General Terms of Business / Sendung nicht AGB-konform - Rücksendung
  NDRFC: {}, // No data received from customer / Fehlende EDI-Daten vom Kunden
  NDRFN: {}, // No data received from network / Fehlende EDI-Daten vom Netzwerk
  NEXCH: {}, // No exchange unit / Fehlende Wechselbehälter
  NGHBR: { delivered: 'delivered_to_neighbour' }, // Delivery to neighbor / Zustellung an Nachbarn
  NHOME: { attempt_failed: 'attempt_failed_recipient_absent' }, // Not home / Benachrichtigt: Empfänger nicht angetroffen
  NORSN: {}, // No reason / Keine weitere Begründung durch Zoll
  NPRPF: {}, // No piece received from previous facility / Erwartete Sendung nicht eingetroffen
  NPYMT: { exception: 'held_for_payment' }, // No payment / Keine Abholung wg. Zahlungsproblemen
  NRQRD: {}, // ICE Details / Keine weiteren Details erforderlich
  NTCCN: {}, // Not collected by consignee / Keine Abholung durch Kunden zum Ablauf der Lagerfrist
  NTCLM: {}, // Not claimed / Vernichtung wg. Nichtabholung
  NTHND: {}, // Customer refused to hand over the shipment to DHL / Die Herausgabe der Sendung wurde verweigert
  NTHNG: {}, // Nothing to collect / Keine Sendung zur Abholung vorhanden
  NTIHU: {}, // Not in Handling Unit / Sendung fehlt in Transporteinheit (Postbox)
  NTORD: {}, // Not ordered / Annahmeverweigerung - nicht bestellt
  OARRV: {}, // On arrival / Zollfreigabe
  ORDER: {}, // Ordered / Beauftragt
  OTHER: {}, // Other / Delivery to an other person / Andere Gründe / Zustellung an andere anwesende Person
  OTHRE: {}, // Other reason / Andere Gründe
  OVRLD: { in_transit: 'delayed_volume' }, // Overload / Abladung wg. Überladung
  PBNBR: {}, // PO box number / Postfach als Zustelladresse angegeben
  PCKAD: { delivered: 'delivered' }, // PaCKstation – Alternate Delivery / Packstation auf Firmengelände voll - Zustellung an Hauspoststelle
  PCKST: { available_for_pickup: 'arrived_at_pickup_point' }, // Packstation / Packstation
  PFLOC: { delivered: 'delivered_to_safe_place' }, // Preferred Location/Neighbor / Wunschort/Wunschnachbar
  PKBOX: { delivered: 'delivered_to_mailbox', in_transit: 'rerouted' }, // Delivery to Packetbox / Zustellung an Paketkasten
  PLDMG: {}, // Piece label damaged / Label defekt
  POBOX: { delivered: 'delivered_to_mailbox' }, // Postbox / Briefkastenzustellung
  PPQLT: {}, // Poor quality piece label / mangelhaftes Label erneuert
  PUBCR: {}, // Piece pick up / Erfolgreich abgeholt
  PUDMG: { exception: 'damaged' }, // Picked up damaged / Erfolgreich abgeholt - Sendung beschädigt übernommen
  PWMFD: { exception: 'customs_documents_needed' }, // Paperwork missing / Fehlende Zolldokumente
  RDRCR: { in_transit: 'rerouted' }, // Redirected by customer request / Absender-/Empfängerverfügung: Zustellung an andere Adresse
  RDRDO: { in_transit: 'rerouted' }, // Redirected by redirection order / Absender-/Empfängerverfügung: Zustellung an andere Adresse
  REJCT: {}, // Rejected / Der Auftrag wurde abgelehnt
  RFUSD: { attempt_failed: 'attempt_failed_refused' }, // Refused / Annahme Verweigert
  ROUCR: {}, // reROUted on Customer Request / Weiterleitung auf Kundenwunsch
  RSEXW: {}, // Return to Shipper EXWorks error / Rücksendung - Empfänger ist nicht berechtigt "Ab Werk"-Sendungen zu erhalten
  RTSCR: {}, // Return to shipper at customer request / Rücksendung aufgrund von Kundenwunsch
  RTSSA: {}, // Return to shipper by customer standard agreement / Rücksendung aufgrund Vereinbarung mit Absender
  RTTSP: {}, // Return to shipper / Rücksendung, ggf.  mit neuem Label
  SECDA: { out_for_delivery: 'out_for_delivery' }, // SECond Delivery Attempt / Zweiter Zustellversuch
  SECPL: { delivered: 'delivered_to_safe_place' }, // Secure Place / Zustellung an vereinbartem, gesicherten Ort
  SERPT: { available_for_pickup: 'arrived_at_pickup_point', delivered: 'delivered_to_locker_or_parcel_shop' }, // Service Point / Filiale / Agentur
  SHINF: {}, // SHipper INFormation / Unzustellbarkeitsanzeige
  SHNCP: {}, // Shipment not complete / Sendung nicht vollständig
  SPCNR: {}, // Shipper cannot be reached / Versender wurde nicht angetroffen
  SPOUS: { delivered: 'delivered' }, // Delivery to spouse / Zustellung an Ehegatten
  STBSD: { exception: 'held_by_carrier' }, // Stopped by sender / Absenderverfügung: Sendung anhalten
  STPRB: {}, // Sort problem / Sortierproblem
  SVCHG: {}, // Product feature check - Service changed / Produktprüfung - Service geändert
  TCATC: { in_transit: 'delayed_carrier_issue' }, // Traffic Congestion / Air traffic control / Verkehrsstau
  TCHBD: { in_transit: 'delayed_carrier_issue' }, // Technical / Breakdown / Technische Probleme
  TRPMT: { exception: 'held_for_payment' }, // Terms of payment / Zahlungsschwierigkeiten / Zahlungsterminal defekt
  UDFPC: { exception: 'carrier_exception' }, // Unidentifiable piece / Unidentifizierbars Packstück
  UDLVR: {}, // Undeliverable / Unzustellbar
  UNLDD: {}, // Unloaded / Entladung
  VHARU: { in_transit: 'delayed_carrier_issue' }, // Vehicle / aircraft unavailable / Fahrzeugt nicht bereit
  WINPL: { delivered: 'delivered_to_safe_place' }, // Prefered Neighbor/Place / Wunschnachbar/Wunschort
  WRGDT: {}, // Wrong Date / Falsches Datum
  WRGID: {}, // Wrong Check-ID / Falsche Prüf-ID
  WRGPN: {}, // Wrong Post-ID / Falsche Postnummer
  WRGRI: { attempt_failed: 'attempt_failed_address_issue', exception: 'address_problem' }, // Wrong Receiver Information / Falsche Empfängerinformationen
  WRGTR: {}, // Wrong tour / Falsche Tour
});
