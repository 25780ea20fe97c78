import type { MessageCatalogue } from './en';

/** Nederlands, met je/jij zoals webshops in Nederland en Vlaanderen hun klanten aanspreken. */
export const nl = {
  'stage.placed': 'Geplaatst',
  'stage.confirmed': 'Bevestigd',
  'stage.packed': 'Ingepakt',
  'stage.shipped': 'Verzonden',
  'stage.partially_shipped': 'Gedeeltelijk verzonden',
  'stage.in_transit': 'Onderweg',
  'stage.out_for_delivery': 'In bezorging',
  'stage.partially_delivered': 'Gedeeltelijk bezorgd',
  'stage.delivered': 'Bezorgd',
  'stage.exception': 'Actie nodig',
  'stage.return_in_progress': 'Retour onderweg',
  'stage.returned': 'Geretourneerd',
  'stage.cancelled': 'Geannuleerd',

  'actor.carrier': 'Vervoerder',
  'actor.shipper': 'Webshop',
  'actor.recipient': 'Klant',
  'actor.customs': 'Douane',
  'actor.nobody': 'Niemand',

  'status.pending': 'Aangemeld, nog geen gegevens van de vervoerder',
  'status.info_received': 'Verzendlabel aangemaakt',
  'status.in_transit': 'Onderweg',
  'status.out_for_delivery': 'In bezorging',
  'status.available_for_pickup': 'Klaar om op te halen',
  'status.attempt_failed': 'Bezorgpoging mislukt',
  'status.delivered': 'Bezorgd',
  'status.exception': 'Probleem gemeld',
  'status.returning': 'Onderweg terug naar de afzender',
  'status.returned': 'Terug bij de afzender',
  'status.cancelled': 'Geannuleerd',
  'status.unknown': 'Onbekende status van de vervoerder',
  'status.no_tracking_number': 'Wordt ingepakt, nog geen verzendlabel',
  'status.no_tracking_result': 'Verzendlabel aangemaakt, nog geen gegevens van de vervoerder',
  'status.cancelled_before_shipping': 'Geannuleerd vóór verzending',

  'reason.carrier_exception': 'geen details opgegeven',
  'reason.customs_held': 'tegengehouden door de douane',
  'reason.customs_documents_needed': 'douane heeft documenten nodig',
  'reason.customs_recipient_information_needed': 'douane heeft gegevens van de ontvanger nodig',
  'reason.customs_duties_unpaid': 'invoerrechten niet betaald',
  'reason.held_for_payment': 'vastgehouden tot een bedrag is betaald',
  'reason.held_by_carrier': 'vastgehouden door de vervoerder',
  'reason.address_problem': 'adresprobleem',
  'reason.damaged': 'beschadigd',
  'reason.lost': 'zoekgeraakt',
  'reason.rejected_by_carrier': 'geweigerd door de vervoerder',
  'reason.disposed': 'vernietigd',
  'reason.delayed_weather': 'slecht weer',
  'reason.delayed_carrier_issue': 'operationeel probleem',
  'reason.delayed_volume': 'grote pakketdrukte',
  'reason.delayed': 'geen reden opgegeven',
  'reason.other': 'overig',

  'delayLabel.stalled': 'Geen beweging',
  'delayLabel.never_scanned': 'Niet opgehaald',
  'delayLabel.late': 'Te laat',
  'delayLabel.carrier_exception': 'Probleem',
  'delayLabel.carrier_delay': 'Vertraging gemeld',
  'delayLabel.not_received_reported': 'Niet ontvangen',
  'delay.stalled': 'Geen beweging: al {hours, plural, one {# uur} other {# uur}} geen scan (drempel: {threshold} uur).',
  'delay.never_scanned':
    'Niet opgehaald: verzendlabel aangemaakt op {date}, na {days, plural, one {# werkdag} other {# werkdagen}} nog geen scan.',
  'delay.late':
    'Te laat: {days, plural, one {# dag} other {# dagen}} na {reason, select, past_promised_date {de beloofde leverdatum} other {de verwachte bezorgdatum van de vervoerder}} ({date}).',
  'delay.carrier_exception': 'Probleem bij de vervoerder: {reason}.',
  'delay.carrier_delay': 'De vervoerder meldt vertraging: {reason}.',
  'delay.not_received_reported': 'Volgens de klant nooit aangekomen; de vervoerder meldt bezorging op {when}.',

  'action.offer_reshipment_or_refund': 'Bied de klant een vervanging of terugbetaling aan.',
  'action.send_customs_documents':
    'Stuur de handelsfactuur en productomschrijvingen naar {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.confirm_address_with_customer':
    'Controleer het bezorgadres met de klant en geef het door aan {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_pay_charges':
    'Vraag de klant de invoerrechten of kosten te betalen aan {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_for_customs_information':
    'Vraag de klant {carrier}{hasContact, select, yes { ({contact})} other {}} de gegevens te geven die de douane nodig heeft (bijvoorbeeld een identiteits- of btw-nummer).',
  'action.ask_customer_to_rearrange_delivery':
    'Vraag de klant een nieuwe bezorging af te spreken met {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_collect':
    'Vraag de klant het pakket{hasDeadline, select, yes { uiterlijk {deadline}} other {}} op te halen{hasPlace, select, yes {: {place}} other { bij {carrier}}}.',
  'action.check_delivery_place_with_customer':
    'Vraag de klant bij de buren en rond het bezorgadres te kijken{hasDate, select, yes {; vraag een onderzoek aan bij {carrier} als het pakket op {date} nog niet terecht is} other {}}.',
  'action.open_carrier_trace':
    'Vraag een onderzoek aan bij {carrier}{hasContact, select, yes { ({contact})} other {}} voor {trackingNumber}.',
  'action.check_handover_with_warehouse':
    'Vraag het magazijn of het pakket aan {carrier} is overgedragen (verzendlabel aangemaakt op {date}).',
  'action.check_fulfilment_with_warehouse':
    'Vraag het magazijn wanneer {nothingShipped, select, yes {de bestelling wordt verzonden} other {de overige artikelen worden verzonden}}{hasDate, select, yes { (beloofd voor {date})} other {}}.',
  'action.process_return_refund': 'Controleer de geretourneerde artikelen en betaal het bedrag terug.',
  'action.remind_customer_to_send_return': 'Herinner de klant eraan het retourpakket af te geven bij {carrier}.',
  'action.wait_for_customs': 'Niets te doen: het pakket ligt bij de douane.',
  'action.apologise_and_share_estimate':
    'Bied excuses aan voor de vertraging en deel de actuele verwachting{hasEta, select, yes { ({eta})} other { (nog onbekend)}}.',
  'action.wait_for_return': 'Wacht tot de retour binnen is en betaal dan terug of stuur een vervanging.',
  'action.wait_for_delivery': 'Niets te doen: het pakket is onderweg{hasEta, select, yes { (verwacht {eta})} other {}}.',
  'action.wait_for_carrier_pickup': 'Nog niets te doen: {carrier} haalt het pakket binnenkort op.',
  'action.wait_for_dispatch': 'Niets te doen: de bestelling wordt klaargemaakt voor verzending.',
  'action.confirm_cancellation': 'Bevestig de annulering en controleer of de terugbetaling is gedaan.',
  'action.share_delivery_details': 'Deel de bezorggegevens: bezorgd op {date}{hasPlace, select, yes { ({place})} other {}}.',

  'time.dayAt': '{day} om {time} uur',
  'time.dayAtLocal': '{day} om {time} uur lokale tijd',
  'time.localTimeNote': 'lokale tijd op de scanlocatie',
  'time.dateOnlyNote': 'alleen datum',
  'age.lessThanAnHour': 'minder dan een uur geleden',
  'age.hours': '{hours, plural, one {# uur} other {# uur}} geleden',
  'age.days': '{days, plural, one {# dag} other {# dagen}} geleden',
  'age.aboutHours': 'ongeveer {hours, plural, one {# uur} other {# uur}} geleden',
  'age.aboutDays': 'ongeveer {days, plural, one {# dag} other {# dagen}} geleden',

  'statusLine.statusWithReason': '{status} ({reason})',
  'statusLine.lastScan': 'laatste scan {age}',
  'statusLine.lastScanAt': 'laatste scan {age}, {place}',
  'statusLine.eta': '{source, select, carrier {verwacht {range}} other {voorspeld {range}}}',

  'timeline.placed': 'Bestelling geplaatst',
  'timeline.confirmed': 'Bestelling bevestigd',
  'timeline.packed': 'Bestelling ingepakt',
  'timeline.cancelled': 'Bestelling geannuleerd',

  'answer.intro.placed': 'Bedankt voor je bestelling {number}. We hebben alles ontvangen en gaan ermee aan de slag.',
  'answer.intro.confirmed': 'Je bestelling {number} is bevestigd en we maken alles klaar voor verzending.',
  'answer.intro.packed': 'Je bestelling {number} is ingepakt en wordt binnenkort aan de vervoerder overgedragen.',
  'answer.intro.shipped': 'Je bestelling {number} is verzonden.',
  'answer.intro.partially_shipped': 'Een deel van je bestelling {number} is verzonden.',
  'answer.intro.in_transit': 'Je bestelling {number} is onderweg.',
  'answer.intro.out_for_delivery': 'Je bestelling {number} is er bijna.',
  'answer.intro.partially_delivered': 'Een deel van je bestelling {number} is bezorgd.',
  'answer.intro.delivered': 'Je bestelling {number} is bezorgd.',
  'answer.intro.exception': 'Hier is de laatste stand van zaken van je bestelling {number}.',
  'answer.intro.return_in_progress': 'Hier is de laatste stand van zaken van je retour voor bestelling {number}.',
  'answer.intro.returned':
    '{fromCustomer, select, yes {We hebben je retour voor bestelling {number} ontvangen.} other {Je bestelling {number} is bij ons teruggekomen.}}',
  'answer.intro.cancelled': 'Je bestelling {number} is geannuleerd.',
  'answer.parcelCount': 'De bestelling wordt in {count, plural, one {# pakket} other {# pakketten}} geleverd.',
  'answer.unshipped': 'Nog te verzenden: {items}.',

  'answer.subject.only': 'Je pakket',
  'answer.subject.onlyWithOrder': 'Het pakket met je bestelling {number}',
  'answer.subject.numbered': 'Pakket {index} van {count}',
  'answer.subject.numberedWithItems': 'Pakket {index} van {count} ({items})',
  'answer.subject.return': 'Je retourpakket',

  'answer.parcel.being_packed': '{subject} wordt ingepakt.',
  'answer.parcel.awaiting_pickup': '{subject} is ingepakt en wacht tot {carrier} het ophaalt.',
  'answer.parcel.pickup_scheduled': '{subject} is ingepakt en {carrier} heeft het ophalen al ingepland.',
  'answer.parcel.picked_up': '{subject} is overgedragen aan {carrier}.',
  'answer.parcel.in_transit': '{subject} is onderweg met {carrier}.',
  'answer.parcel.departed_origin_country': '{subject} heeft het land van verzending verlaten en is met {carrier} onderweg naar je.',
  'answer.parcel.arrived_in_destination_country':
    '{subject} is aangekomen in het land van bestemming en is met {carrier} onderweg naar je.',
  'answer.parcel.handed_over_to_carrier': '{subject} is voor de bezorging overgedragen aan {nextCarrier}.',
  'answer.parcel.customs_processing': '{subject} wordt door de douane afgehandeld.',
  'answer.parcel.customs_cleared': '{subject} is door de douane vrijgegeven en is onderweg met {carrier}.',
  'answer.parcel.delayed':
    '{subject} is onderweg met {carrier}, maar heeft vertraging{reason, select, delayed_weather { door slecht weer} delayed_carrier_issue { door een operationeel probleem} delayed_volume { door grote pakketdrukte} other {}}.',
  'answer.parcel.delivery_rescheduled': '{subject} is onderweg; {carrier} heeft de bezorging naar een latere dag verplaatst.',
  'answer.parcel.delivery_appointment_scheduled': '{subject} is onderweg; er is een bezorgafspraak gemaakt met {carrier}.',
  'answer.parcel.rerouted': '{subject} wordt door {carrier} omgeleid naar een nieuw adres of afhaalpunt.',
  'answer.parcel.missorted': '{subject} is naar het verkeerde depot gestuurd en wordt door {carrier} omgeleid.',
  'answer.parcel.out_for_delivery': '{subject} is{today, select, yes { vandaag} other {}} met {carrier} onderweg naar je adres.',
  'answer.parcel.ready_for_pickup':
    '{subject} ligt{hasDeadline, select, yes { tot en met {deadline}} other {}} voor je klaar om op te halen{hasPlace, select, yes {: {place}} other { bij {carrier}}}.',
  'answer.parcel.attempt_failed':
    '{subject} kon op {day} niet worden bezorgd{reason, select, recipient_absent {: er was niemand thuis} business_closed {: het bedrijf was gesloten} no_access {: de bezorger kon de deur niet bereiken} other {}}.',
  'answer.parcel.attempt_failed_address': '{subject} kon op {day} niet worden bezorgd door een probleem met het adres.',
  'answer.parcel.refused': '{subject} is bij de bezorging geweigerd en komt terug naar ons.',
  'answer.parcel.delivered': '{subject} is op {when} door {carrier} bezorgd.',
  'answer.parcel.delivered_to_neighbour': '{subject} is op {when} door {carrier} bij de buren bezorgd.',
  'answer.parcel.delivered_to_safe_place': '{subject} is op {when} door {carrier} op een veilige plek achtergelaten.',
  'answer.parcel.delivered_to_mailbox': '{subject} is op {when} door {carrier} in je brievenbus bezorgd.',
  'answer.parcel.delivered_to_locker_or_parcel_shop':
    '{subject} is op {when} door {carrier} bezorgd bij het door jou gekozen pakketpunt of de pakketautomaat.',
  'answer.parcel.picked_up_by_recipient': '{subject} is op {when} opgehaald.',
  'answer.parcel.signature_obtained':
    '{subject} is op {when} door {carrier} bezorgd tegen handtekening{hasSigner, select, yes { van {signer}} other {}}.',
  'answer.parcel.carrier_exception': '{subject} wordt opgehouden door een probleem bij {carrier}.',
  'answer.parcel.held_by_carrier': '{subject} wordt door {carrier} vastgehouden voor controle.',
  'answer.parcel.customs_held': '{subject} wordt{hasHeldAt, select, yes { in {heldAt}} other {}} door de douane vastgehouden.',
  'answer.parcel.customs_documents_needed':
    '{subject} ligt bij de douane{hasHeldAt, select, yes { in {heldAt}} other {}}: {carrier} heeft de douanedocumenten nodig voordat het kan worden vrijgegeven.',
  'answer.parcel.customs_recipient_information_needed':
    '{subject} wacht bij de douane{hasHeldAt, select, yes { in {heldAt}} other {}} op vrijgave.',
  'answer.parcel.customs_duties_unpaid':
    '{subject} ligt bij de douane{hasHeldAt, select, yes { in {heldAt}} other {}} tot de invoerrechten en belastingen zijn betaald.',
  'answer.parcel.held_for_payment': '{subject} wordt door {carrier} vastgehouden tot een openstaand bedrag is betaald.',
  'answer.parcel.address_problem': '{subject} wordt vastgehouden omdat {carrier} het bezorgadres niet kan vinden.',
  'answer.parcel.damaged': '{subject} is onderweg beschadigd. Het spijt ons heel erg.',
  'answer.parcel.lost': '{subject} is door {carrier} als zoekgeraakt gemeld. Het spijt ons heel erg.',
  'answer.parcel.rejected_by_carrier': '{subject} is door {carrier} niet geaccepteerd voor vervoer.',
  'answer.parcel.disposed': '{subject} kan niet meer worden bezorgd: het is onderweg vernietigd.',
  'answer.parcel.returning_undeliverable': '{subject} kon niet worden bezorgd en is onderweg terug naar ons.',
  'answer.parcel.returned_undeliverable': '{subject} kon niet worden bezorgd en is weer bij ons terug.',
  'answer.parcel.cancelled': '{subject} is geannuleerd voordat het werd verzonden.',
  'answer.parcel.return_not_sent': '{subject} is nog niet aan {carrier} overgedragen.',
  'answer.parcel.return_on_its_way': '{subject} is met {carrier} onderweg terug naar ons.',
  'answer.parcel.return_arrived': '{subject} is op {when} bij ons binnengekomen.',

  'answer.lastUpdate': 'De laatste update van {carrier} was op {when}.',
  'answer.lastUpdateAt': 'De laatste update van {carrier} was op {when} ({place}).',
  'answer.deliveryPlace': '{carrier} heeft als afleverplek genoteerd: ‘{place}’.',
  'answer.eta.carrierDay': '{carrier} verwacht het op {day} te bezorgen.',
  'answer.eta.carrierWindow': '{carrier} verwacht het op {day} tussen {from} en {to} uur te bezorgen.',
  'answer.eta.carrierRange': '{carrier} verwacht het tussen {from} en {to} te bezorgen.',
  'answer.eta.predictedDay': 'Op basis van onze recente zendingen met {carrier} verwachten we het op {from}.',
  'answer.eta.predictedRange': 'Op basis van onze recente zendingen met {carrier} verwachten we het op {from}, uiterlijk op {to}.',
  'answer.trackingLink': 'Track & trace: {url}',

  'answer.delay.stalled': 'Dit duurt langer dan normaal, dus we vragen het na bij {carrier}.',
  'answer.delay.never_scanned': 'Dat duurt langer dan zou moeten, dus we zoeken het uit met ons magazijn.',
  'answer.delay.latePromise': 'Het spijt ons dat we de beloofde leverdatum ({date}) niet hebben gehaald.',
  'answer.delay.lateCarrierEstimate': '{carrier} verwachtte uiterlijk {date} te bezorgen; sorry voor het wachten.',
  'answer.delay.orderLate': 'Het spijt ons dat we de beloofde leverdatum voor je bestelling ({date}) niet halen.',
  'answer.delay.notReceived': 'Vervelend dat het niet bij je is aangekomen; we zoeken het samen met {carrier} uit.',

  'answer.step.ask_customer_to_collect': 'Neem een geldig identiteitsbewijs of de ophaalcode van {carrier} mee.',
  'answer.step.ask_customer_to_rearrange_delivery':
    'Spreek een nieuwe bezorging af met {carrier}{contactKind, select, url {: {contact}} phone { via {contact}} other {}}.',
  'answer.step.confirm_address_with_customer': 'Stuur ons je volledige bezorgadres, dan geven we het door aan {carrier}.',
  'answer.step.ask_customer_to_pay_charges':
    'Betaal het openstaande bedrag aan {carrier}{contactKind, select, url { via {contact}} phone { via {contact}} other {}}; daarna wordt het pakket vrijgegeven.',
  'answer.step.ask_customer_for_customs_information':
    'De douane heeft nog gegevens van je nodig voordat je pakket wordt vrijgegeven. Neem contact op met {carrier}{contactKind, select, url { via {contact}} phone { via {contact}} other {}}.',
  'answer.step.check_delivery_place_with_customer':
    'Wil je even bij de buren en rond je huis kijken (brievenbus, voordeur, schuur)? Soms duikt een pakket later nog op.',
  'answer.step.remind_customer_to_send_return': 'Lever het in bij een servicepunt van {carrier}; zodra het gescand is, zien we het hier.',
  'answer.step.send_customs_documents':
    'Stuur de handelsfactuur en een omschrijving van de artikelen naar {carrier}{contactKind, select, url { (via {contact})} phone { (via {contact})} other {}}, zodat de douane het pakket kan vrijgeven.',
  'answer.weAct.send_customs_documents': 'Wij sturen ze naar {carrier}; je hoeft zelf niets te doen.',
  'answer.weAct.offer_reshipment_or_refund':
    'We sturen je graag een vervanging of betalen het volledige bedrag terug: laat ons even weten wat je voorkeur heeft.',
  'answer.weAct.process_return_refund':
    'We controleren de geretourneerde artikelen en betalen je binnenkort terug; je hoeft zelf niets te doen.',
  'answer.weAct.check_fulfilment_with_warehouse':
    'We vragen ons magazijn wanneer {nothingShipped, select, yes {je bestelling} other {de rest van je bestelling}} wordt verzonden; je hoeft zelf niets te doen.',
  'answer.nothingToDo': '{scope, select, parcel {Voor dit pakket hoef je niets te doen.} other {Je hoeft zelf niets te doen.}}',

  'reply.greeting': 'Hallo {givenName},',
  'reply.thanks': 'Bedankt voor je bericht.',
  'reply.step.open_carrier_trace': 'Ik heb {carrier} gevraagd je pakket na te sporen en laat je weten zodra ik iets hoor.',
  'reply.step.offer_reshipment_or_refund':
    'We sturen je graag een vervanging of betalen het volledige bedrag terug – laat me maar weten wat je voorkeur heeft.',
  'reply.step.send_customs_documents':
    'Ik stuur {carrier} de documenten die de douane nodig heeft, zodat je pakket kan worden vrijgegeven.',
  'reply.step.check_handover_with_warehouse': 'Zodra ik iets van ons magazijn hoor, laat ik het je weten.',
  'reply.step.check_fulfilment_with_warehouse':
    'Ik vraag ons magazijn wanneer {nothingShipped, select, yes {je bestelling} other {de rest van je bestelling}} wordt verzonden en laat snel iets van me horen.',
  'reply.step.process_return_refund': 'We controleren de geretourneerde artikelen en betalen je binnenkort terug.',
  'reply.step.apologise_and_share_estimate': 'Sorry voor het wachten.',
  'reply.step.wait_for_return': 'Zodra je retour binnen is, regelen we de terugbetaling.',
  'reply.step.confirm_cancellation': 'Als je al had betaald, krijg je het geld terug via je oorspronkelijke betaalmethode.',
  'reply.closing': 'Heb je nog andere vragen? Beantwoord dan gewoon deze e-mail.',
  'reply.signOff': 'Met vriendelijke groet,',
} as const satisfies MessageCatalogue;
