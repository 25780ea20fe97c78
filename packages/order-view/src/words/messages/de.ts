import type { MessageCatalogue } from './en';

/** Deutsch, in der Sie-Form, wie Kundenservice in Deutschland, Österreich und der Schweiz schreibt. */
export const de = {
  'stage.placed': 'Bestellt',
  'stage.confirmed': 'Bestätigt',
  'stage.packed': 'Verpackt',
  'stage.shipped': 'Versandt',
  'stage.partially_shipped': 'Teilweise versandt',
  'stage.in_transit': 'Unterwegs',
  'stage.out_for_delivery': 'In Zustellung',
  'stage.partially_delivered': 'Teilweise zugestellt',
  'stage.delivered': 'Zugestellt',
  'stage.exception': 'Klärungsbedarf',
  'stage.return_in_progress': 'Rücksendung läuft',
  'stage.returned': 'Retourniert',
  'stage.cancelled': 'Storniert',

  'actor.carrier': 'Versanddienstleister',
  'actor.shipper': 'Shop',
  'actor.recipient': 'Kunde',
  'actor.customs': 'Zoll',
  'actor.nobody': 'Niemand',

  'status.pending': 'Angemeldet, noch keine Daten vom Versanddienstleister',
  'status.info_received': 'Versandetikett erstellt',
  'status.in_transit': 'Unterwegs',
  'status.out_for_delivery': 'In Zustellung',
  'status.available_for_pickup': 'Abholbereit',
  'status.attempt_failed': 'Zustellversuch erfolglos',
  'status.delivered': 'Zugestellt',
  'status.exception': 'Problem gemeldet',
  'status.returning': 'Auf dem Rückweg zum Absender',
  'status.returned': 'Zurück beim Absender',
  'status.cancelled': 'Storniert',
  'status.unknown': 'Unbekannter Status des Versanddienstleisters',
  'status.no_tracking_number': 'Wird verpackt, noch kein Versandetikett',
  'status.no_tracking_result': 'Versandetikett erstellt, noch keine Daten vom Versanddienstleister',
  'status.cancelled_before_shipping': 'Vor dem Versand storniert',

  'reason.carrier_exception': 'keine näheren Angaben',
  'reason.customs_held': 'vom Zoll zurückgehalten',
  'reason.customs_documents_needed': 'Zoll benötigt Unterlagen',
  'reason.customs_recipient_information_needed': 'Zoll benötigt Angaben des Empfängers',
  'reason.customs_duties_unpaid': 'Einfuhrabgaben nicht bezahlt',
  'reason.held_for_payment': 'bis zur Zahlung einer Gebühr zurückgehalten',
  'reason.held_by_carrier': 'vom Versanddienstleister zurückgehalten',
  'reason.address_problem': 'Adressproblem',
  'reason.damaged': 'beschädigt',
  'reason.lost': 'verloren gegangen',
  'reason.rejected_by_carrier': 'vom Versanddienstleister abgelehnt',
  'reason.disposed': 'entsorgt',
  'reason.delayed_weather': 'Witterungsbedingungen',
  'reason.delayed_carrier_issue': 'betriebliche Störung',
  'reason.delayed_volume': 'hohes Sendungsaufkommen',
  'reason.delayed': 'kein Grund angegeben',
  'reason.other': 'Sonstiges',

  'delayLabel.stalled': 'Keine Bewegung',
  'delayLabel.never_scanned': 'Nicht abgeholt',
  'delayLabel.late': 'Verspätet',
  'delayLabel.carrier_exception': 'Problem',
  'delayLabel.carrier_delay': 'Verzögerung gemeldet',
  'delayLabel.not_received_reported': 'Nicht erhalten',
  'delay.stalled': 'Keine Bewegung: seit {hours, plural, one {# Stunde} other {# Stunden}} kein Scan (Schwelle: {threshold} Stunden).',
  'delay.never_scanned':
    'Nicht abgeholt: Versandetikett am {date} erstellt, nach {days, plural, one {# Werktag} other {# Werktagen}} noch kein Scan.',
  'delay.late':
    'Verspätet: {days, plural, one {# Tag} other {# Tage}} nach {reason, select, past_promised_date {dem zugesagten Liefertermin} other {dem Zustelltermin des Versanddienstleisters}} ({date}).',
  'delay.carrier_exception': 'Problem beim Versanddienstleister: {reason}.',
  'delay.carrier_delay': 'Der Versanddienstleister meldet eine Verzögerung: {reason}.',
  'delay.not_received_reported': 'Laut Kundenangabe nie angekommen; der Versanddienstleister meldet die Zustellung am {when}.',

  'action.offer_reshipment_or_refund': 'Ersatzlieferung oder Erstattung anbieten.',
  'action.send_customs_documents':
    'Handelsrechnung und Warenbeschreibung an {carrier}{hasContact, select, yes { ({contact})} other {}} senden.',
  'action.confirm_address_with_customer':
    'Lieferadresse mit dem Kunden klären und an {carrier}{hasContact, select, yes { ({contact})} other {}} weitergeben.',
  'action.ask_customer_to_pay_charges':
    'Kunden bitten, die Abgaben oder Gebühren bei {carrier}{hasContact, select, yes { ({contact})} other {}} zu bezahlen.',
  'action.ask_customer_for_customs_information':
    'Kunden bitten, {carrier}{hasContact, select, yes { ({contact})} other {}} die Angaben für den Zoll zu machen (zum Beispiel Ausweis- oder Steuernummer).',
  'action.ask_customer_to_rearrange_delivery':
    'Kunden bitten, mit {carrier}{hasContact, select, yes { ({contact})} other {}} eine neue Zustellung zu vereinbaren.',
  'action.ask_customer_to_collect':
    'Kunden bitten, das Paket{hasDeadline, select, yes { bis {deadline}} other {}} abzuholen{hasPlace, select, yes {: {place}} other { (bei {carrier})}}.',
  'action.check_delivery_place_with_customer':
    'Kunden bitten, bei Nachbarn und rund um die Lieferadresse nachzusehen{hasDate, select, yes {; ist bis {date} nichts aufgetaucht, einen Nachforschungsauftrag bei {carrier} stellen} other {}}.',
  'action.open_carrier_trace':
    'Nachforschungsauftrag bei {carrier}{hasContact, select, yes { ({contact})} other {}} für {trackingNumber} stellen.',
  'action.check_handover_with_warehouse': 'Beim Lager nachfragen, ob das Paket an {carrier} übergeben wurde (Versandetikett vom {date}).',
  'action.check_fulfilment_with_warehouse':
    'Beim Lager nachfragen, wann {nothingShipped, select, yes {die Bestellung versandt wird} other {die restlichen Artikel versandt werden}}{hasDate, select, yes { (zugesagt für {date})} other {}}.',
  'action.process_return_refund': 'Zurückgesendete Artikel prüfen und die Erstattung veranlassen.',
  'action.remind_customer_to_send_return': 'Kunden daran erinnern, das Rücksendepaket bei {carrier} abzugeben.',
  'action.wait_for_customs': 'Nichts zu tun: Das Paket ist beim Zoll.',
  'action.apologise_and_share_estimate':
    'Für die Verzögerung entschuldigen und den aktuellen Zustelltermin nennen{hasEta, select, yes { ({eta})} other { (noch keiner bekannt)}}.',
  'action.wait_for_return': 'Auf die Rücksendung warten, dann erstatten oder Ersatz schicken.',
  'action.wait_for_delivery': 'Nichts zu tun: Das Paket ist unterwegs{hasEta, select, yes { (voraussichtlich {eta})} other {}}.',
  'action.wait_for_carrier_pickup': 'Noch nichts zu tun: {carrier} sollte das Paket in Kürze abholen.',
  'action.wait_for_dispatch': 'Nichts zu tun: Die Bestellung wird für den Versand vorbereitet.',
  'action.confirm_cancellation': 'Stornierung bestätigen und prüfen, ob die Erstattung erfolgt ist.',
  'action.share_delivery_details': 'Zustelldetails nennen: zugestellt am {date}{hasPlace, select, yes { ({place})} other {}}.',

  'time.dayAt': '{day} um {time} Uhr',
  'time.dayAtLocal': '{day} um {time} Uhr Ortszeit',
  'time.localTimeNote': 'Ortszeit am Scan-Ort',
  'time.dateOnlyNote': 'nur Datum',
  'age.lessThanAnHour': 'vor weniger als einer Stunde',
  'age.hours': 'vor {hours, plural, one {einer Stunde} other {# Stunden}}',
  'age.days': 'vor {days, plural, one {einem Tag} other {# Tagen}}',
  'age.aboutHours': 'vor etwa {hours, plural, one {einer Stunde} other {# Stunden}}',
  'age.aboutDays': 'vor etwa {days, plural, one {einem Tag} other {# Tagen}}',

  'statusLine.statusWithReason': '{status} ({reason})',
  'statusLine.lastScan': 'letzter Scan {age}',
  'statusLine.lastScanAt': 'letzter Scan {age}, {place}',
  'statusLine.eta': '{source, select, carrier {voraussichtlich {range}} other {Prognose {range}}}',

  'timeline.placed': 'Bestellung aufgegeben',
  'timeline.confirmed': 'Bestellung bestätigt',
  'timeline.packed': 'Bestellung verpackt',
  'timeline.cancelled': 'Bestellung storniert',

  'answer.intro.placed': 'Vielen Dank für Ihre Bestellung {number}. Sie ist bei uns eingegangen und wird vorbereitet.',
  'answer.intro.confirmed': 'Ihre Bestellung {number} ist bestätigt und wird für den Versand vorbereitet.',
  'answer.intro.packed': 'Ihre Bestellung {number} ist verpackt und wird in Kürze an den Versanddienstleister übergeben.',
  'answer.intro.shipped': 'Ihre Bestellung {number} wurde versandt.',
  'answer.intro.partially_shipped': 'Ein Teil Ihrer Bestellung {number} wurde bereits versandt.',
  'answer.intro.in_transit': 'Ihre Bestellung {number} ist unterwegs.',
  'answer.intro.out_for_delivery': 'Ihre Bestellung {number} ist fast da.',
  'answer.intro.partially_delivered': 'Ein Teil Ihrer Bestellung {number} wurde bereits zugestellt.',
  'answer.intro.delivered': 'Ihre Bestellung {number} wurde zugestellt.',
  'answer.intro.exception': 'Hier ist der aktuelle Stand Ihrer Bestellung {number}.',
  'answer.intro.return_in_progress': 'Hier ist der aktuelle Stand der Rücksendung zu Ihrer Bestellung {number}.',
  'answer.intro.returned':
    '{fromCustomer, select, yes {Ihre Rücksendung zur Bestellung {number} ist bei uns eingegangen.} other {Ihre Bestellung {number} ist zu uns zurückgekommen.}}',
  'answer.intro.cancelled': 'Ihre Bestellung {number} wurde storniert.',
  'answer.parcelCount': 'Die Lieferung erfolgt in {count, plural, one {einem Paket} other {# Paketen}}.',
  'answer.unshipped': 'Noch nicht versandt: {items}.',

  'answer.subject.only': 'Ihr Paket',
  'answer.subject.onlyWithOrder': 'Das Paket mit Ihrer Bestellung {number}',
  'answer.subject.numbered': 'Paket {index} von {count}',
  'answer.subject.numberedWithItems': 'Paket {index} von {count} ({items})',
  'answer.subject.return': 'Ihr Rücksendepaket',

  'answer.parcel.being_packed': '{subject} wird gerade verpackt.',
  'answer.parcel.awaiting_pickup': '{subject} ist verpackt und wartet auf die Abholung durch {carrier}.',
  'answer.parcel.pickup_scheduled': '{subject} ist verpackt; {carrier} hat die Abholung bereits eingeplant.',
  'answer.parcel.picked_up': '{subject} wurde an {carrier} übergeben.',
  'answer.parcel.in_transit': '{subject} ist mit {carrier} unterwegs.',
  'answer.parcel.departed_origin_country': '{subject} hat das Versandland verlassen und ist mit {carrier} auf dem Weg zu Ihnen.',
  'answer.parcel.arrived_in_destination_country': '{subject} ist im Zielland angekommen und mit {carrier} auf dem Weg zu Ihnen.',
  'answer.parcel.handed_over_to_carrier': '{subject} wurde zur Zustellung an {nextCarrier} übergeben.',
  'answer.parcel.customs_processing': '{subject} befindet sich gerade in der Zollabfertigung.',
  'answer.parcel.customs_cleared': '{subject} wurde vom Zoll freigegeben und ist mit {carrier} unterwegs.',
  'answer.parcel.delayed':
    '{subject} ist mit {carrier} unterwegs, verzögert sich aber{reason, select, delayed_weather { wegen schlechten Wetters} delayed_carrier_issue { wegen einer betrieblichen Störung} delayed_volume { wegen des sehr hohen Sendungsaufkommens} other {}}.',
  'answer.parcel.delivery_rescheduled': '{subject} ist unterwegs; {carrier} hat die Zustellung auf einen späteren Tag verschoben.',
  'answer.parcel.delivery_appointment_scheduled': '{subject} ist unterwegs; mit {carrier} ist ein Zustelltermin vereinbart.',
  'answer.parcel.rerouted': '{subject} wird von {carrier} an eine neue Adresse oder Abholstelle umgeleitet.',
  'answer.parcel.missorted': '{subject} wurde fehlgeleitet und wird von {carrier} an das richtige Depot weitergeleitet.',
  'answer.parcel.out_for_delivery': '{subject} ist{today, select, yes { heute} other {}} bei {carrier} in der Zustellung.',
  'answer.parcel.ready_for_pickup':
    '{subject} liegt{hasDeadline, select, yes { bis {deadline}} other {}} zur Abholung bereit{hasPlace, select, yes {: {place}} other { bei {carrier}}}.',
  'answer.parcel.attempt_failed':
    '{subject} konnte am {day} nicht zugestellt werden{reason, select, recipient_absent {, da niemand angetroffen wurde} business_closed {, da das Geschäft geschlossen war} no_access {, da der Zusteller nicht bis zur Tür gelangte} other {}}.',
  'answer.parcel.attempt_failed_address': '{subject} konnte am {day} wegen eines Problems mit der Adresse nicht zugestellt werden.',
  'answer.parcel.refused': '{subject} wurde bei der Zustellung abgelehnt und ist auf dem Rückweg zu uns.',
  'answer.parcel.delivered': '{subject} wurde am {when} von {carrier} zugestellt.',
  'answer.parcel.delivered_to_neighbour': '{subject} wurde am {when} von {carrier} bei einem Nachbarn abgegeben.',
  'answer.parcel.delivered_to_safe_place': '{subject} wurde am {when} von {carrier} an einem sicheren Ablageort hinterlegt.',
  'answer.parcel.delivered_to_mailbox': '{subject} wurde am {when} von {carrier} in Ihren Briefkasten gelegt.',
  'answer.parcel.delivered_to_locker_or_parcel_shop':
    '{subject} wurde am {when} von {carrier} an den von Ihnen gewählten Paketautomaten oder Paketshop geliefert.',
  'answer.parcel.picked_up_by_recipient': '{subject} wurde am {when} abgeholt.',
  'answer.parcel.signature_obtained':
    '{subject} wurde am {when} von {carrier} gegen Unterschrift zugestellt{hasSigner, select, yes { (unterschrieben von {signer})} other {}}.',
  'answer.parcel.carrier_exception': '{subject} wird wegen eines Problems bei {carrier} aufgehalten.',
  'answer.parcel.held_by_carrier': '{subject} wird von {carrier} zur Überprüfung zurückgehalten.',
  'answer.parcel.customs_held': '{subject} wird vom Zoll{hasHeldAt, select, yes { in {heldAt}} other {}} zurückgehalten.',
  'answer.parcel.customs_documents_needed':
    '{subject} liegt beim Zoll{hasHeldAt, select, yes { in {heldAt}} other {}}: {carrier} benötigt die Zollunterlagen, bevor es freigegeben werden kann.',
  'answer.parcel.customs_recipient_information_needed':
    '{subject} wartet beim Zoll{hasHeldAt, select, yes { in {heldAt}} other {}} auf die Freigabe.',
  'answer.parcel.customs_duties_unpaid':
    '{subject} liegt beim Zoll{hasHeldAt, select, yes { in {heldAt}} other {}}, bis die Einfuhrabgaben bezahlt sind.',
  'answer.parcel.held_for_payment': '{subject} wird von {carrier} zurückgehalten, bis eine offene Gebühr bezahlt ist.',
  'answer.parcel.address_problem': '{subject} wird zurückgehalten, weil {carrier} die Lieferadresse nicht zuordnen kann.',
  'answer.parcel.damaged': '{subject} wurde auf dem Transportweg beschädigt. Das tut uns sehr leid.',
  'answer.parcel.lost': '{subject} wurde von {carrier} als verloren gemeldet. Das tut uns sehr leid.',
  'answer.parcel.rejected_by_carrier': '{subject} wurde von {carrier} nicht zum Transport angenommen.',
  'answer.parcel.disposed': '{subject} kann nicht mehr zugestellt werden, da es unterwegs entsorgt wurde.',
  'answer.parcel.returning_undeliverable': '{subject} konnte nicht zugestellt werden und ist auf dem Rückweg zu uns.',
  'answer.parcel.returned_undeliverable': '{subject} konnte nicht zugestellt werden und ist wieder bei uns eingetroffen.',
  'answer.parcel.cancelled': '{subject} wurde storniert, bevor es verschickt wurde.',
  'answer.parcel.return_not_sent': '{subject} wurde noch nicht an {carrier} übergeben.',
  'answer.parcel.return_on_its_way': '{subject} ist mit {carrier} auf dem Rückweg zu uns.',
  'answer.parcel.return_arrived': '{subject} ist am {when} bei uns eingetroffen.',

  'answer.lastUpdate': 'Die letzte Meldung von {carrier} stammt vom {when}.',
  'answer.lastUpdateAt': 'Die letzte Meldung von {carrier} stammt vom {when} ({place}).',
  'answer.deliveryPlace': '{carrier} hat als Ablageort vermerkt: „{place}“.',
  'answer.eta.carrierDay': '{carrier} plant die Zustellung für {day}.',
  'answer.eta.carrierWindow': '{carrier} plant die Zustellung für {day} zwischen {from} und {to} Uhr.',
  'answer.eta.carrierRange': '{carrier} plant die Zustellung zwischen {from} und {to}.',
  'answer.eta.predictedDay': 'Nach unseren bisherigen Sendungen mit {carrier} erwarten wir die Zustellung am {from}.',
  'answer.eta.predictedRange': 'Nach unseren bisherigen Sendungen mit {carrier} erwarten wir die Zustellung am {from}, spätestens am {to}.',
  'answer.trackingLink': 'Sendungsverfolgung: {url}',

  'answer.delay.stalled': 'Das dauert länger als üblich, daher fragen wir bei {carrier} nach.',
  'answer.delay.never_scanned': 'Das dauert länger als vorgesehen, daher klären wir das mit unserem Lager.',
  'answer.delay.latePromise': 'Es tut uns leid, dass der zugesagte Liefertermin ({date}) nicht eingehalten wurde.',
  'answer.delay.lateCarrierEstimate': '{carrier} hatte die Zustellung bis {date} geplant; bitte entschuldigen Sie die Verzögerung.',
  'answer.delay.orderLate': 'Es tut uns leid, dass wir den zugesagten Liefertermin für Ihre Bestellung ({date}) nicht einhalten konnten.',
  'answer.delay.notReceived': 'Es tut uns leid, dass es nicht bei Ihnen angekommen ist; wir klären das mit {carrier}.',

  'answer.step.ask_customer_to_collect': 'Bitte bringen Sie einen Lichtbildausweis oder den Abholcode von {carrier} mit.',
  'answer.step.ask_customer_to_rearrange_delivery':
    'Bitte vereinbaren Sie mit {carrier} einen neuen Zustelltermin{contactKind, select, url {: {contact}} phone { unter {contact}} other {}}.',
  'answer.step.confirm_address_with_customer':
    'Bitte antworten Sie uns mit Ihrer vollständigen Lieferadresse, dann geben wir sie an {carrier} weiter.',
  'answer.step.ask_customer_to_pay_charges':
    'Bitte bezahlen Sie den offenen Betrag bei {carrier}{contactKind, select, url { hier: {contact}} phone { unter {contact}} other {}}; danach wird das Paket freigegeben.',
  'answer.step.ask_customer_for_customs_information':
    'Der Zoll benötigt noch Angaben von Ihnen, bevor Ihr Paket freigegeben werden kann. Bitte wenden Sie sich an {carrier}{contactKind, select, url { hier: {contact}} phone { unter {contact}} other {}}.',
  'answer.step.check_delivery_place_with_customer':
    'Könnten Sie bei Ihren Nachbarn und rund um Ihr Zuhause (Briefkasten, Eingang, Garage) nachsehen? Manchmal taucht ein Paket etwas später auf.',
  'answer.step.remind_customer_to_send_return':
    'Bitte geben Sie es in einer Filiale oder einem Paketshop von {carrier} ab; sobald es gescannt ist, sehen wir es hier.',
  'answer.step.send_customs_documents':
    'Bitte senden Sie die Handelsrechnung und eine Warenbeschreibung an {carrier}{contactKind, select, url { (hier: {contact})} phone { (unter {contact})} other {}}, damit der Zoll das Paket freigeben kann.',
  'answer.weAct.send_customs_documents': 'Wir senden sie an {carrier}; Sie müssen nichts weiter tun.',
  'answer.weAct.offer_reshipment_or_refund':
    'Gern schicken wir Ihnen Ersatz oder erstatten Ihnen den vollen Betrag – antworten Sie uns einfach, was Ihnen lieber ist.',
  'answer.weAct.process_return_refund':
    'Wir prüfen die zurückgesendeten Artikel und erstatten Ihnen den Betrag in Kürze; Sie müssen nichts weiter tun.',
  'answer.weAct.check_fulfilment_with_warehouse':
    'Wir klären mit unserem Lager, wann {nothingShipped, select, yes {Ihre Bestellung} other {der Rest Ihrer Bestellung}} versandt wird; Sie müssen nichts weiter tun.',
  'answer.nothingToDo': '{scope, select, parcel {Für dieses Paket müssen Sie nichts tun.} other {Sie müssen nichts tun.}}',

  'reply.greeting': 'Hallo {name},',
  'reply.thanks': 'vielen Dank für Ihre Nachricht.',
  'reply.step.open_carrier_trace':
    'Ich habe bei {carrier} einen Nachforschungsauftrag gestellt und melde mich, sobald ich eine Antwort habe.',
  'reply.step.offer_reshipment_or_refund':
    'Gern schicken wir Ihnen Ersatz oder erstatten Ihnen den vollen Betrag – sagen Sie mir einfach, was Ihnen lieber ist.',
  'reply.step.send_customs_documents':
    'Ich sende {carrier} die Unterlagen, die der Zoll benötigt, damit Ihr Paket freigegeben werden kann.',
  'reply.step.check_handover_with_warehouse': 'Sobald ich von unserem Lager höre, melde ich mich bei Ihnen.',
  'reply.step.check_fulfilment_with_warehouse':
    'Ich frage in unserem Lager nach, wann {nothingShipped, select, yes {Ihre Bestellung} other {der Rest Ihrer Bestellung}} versandt wird, und melde mich in Kürze bei Ihnen.',
  'reply.step.process_return_refund': 'Wir prüfen die zurückgesendeten Artikel und erstatten Ihnen den Betrag in Kürze.',
  'reply.step.apologise_and_share_estimate': 'Bitte entschuldigen Sie die Wartezeit.',
  'reply.step.wait_for_return': 'Sobald Ihre Rücksendung bei uns eintrifft, kümmern wir uns um die Erstattung.',
  'reply.step.confirm_cancellation': 'Falls Sie bereits bezahlt haben, erhalten Sie den Betrag über Ihre ursprüngliche Zahlungsart zurück.',
  'reply.closing': 'Wenn Sie weitere Fragen haben, antworten Sie einfach auf diese E-Mail.',
  'reply.signOff': 'Viele Grüße',
} as const satisfies MessageCatalogue;
