import type { NotifyCatalogue } from './en';

/** German, formal (Sie), as German shops write to customers. */
export const de = {
  greeting: 'Hallo {name},',
  signoff: 'Viele Grüße, Ihr {shop}-Team',
  'cta.track': 'Sendung verfolgen',
  'label.order': 'Bestellung',
  'label.expected': 'Voraussichtliche Zustellung',
  'label.tracking': 'Sendungsnummer',
  'when.single': 'am {date}',
  'when.range': 'zwischen {from} und {to}',
  'contact.or': '{phone} oder {url}',
  'contact.must_act': 'Bitte wenden Sie sich an {carrier}: {contact}.',
  'contact.info': 'Fragen zur Zustellung? {carrier}: {contact}',
  'footer.why': 'Sie erhalten diese E-Mail, weil Sie bei {shop} bestellt haben. Wir schreiben Ihnen nur zu Ihrer Bestellung.',
  'footer.unsubscribe': 'Keine Versand-Updates mehr per E-Mail',
  'sms.stop': 'Abmelden: {url}',
  'carrier.unknown': 'der Paketdienst',
  'reason.other': 'ein Zustellproblem',

  'digest.shipped':
    '{all, select, yes {Alle {total} Pakete Ihrer Bestellung sind unterwegs.} other {{count} von {total} Paketen Ihrer Bestellung sind unterwegs, der Rest folgt.}}',
  'digest.in_transit':
    '{all, select, yes {Alle {total} Pakete Ihrer Bestellung sind auf dem Weg zu Ihnen.} other {{count} von {total} Paketen Ihrer Bestellung sind auf dem Weg zu Ihnen.}}',
  'digest.out_for_delivery':
    '{all, select, yes {Alle {total} Pakete werden heute zugestellt.} other {{count} von {total} Paketen werden heute zugestellt.}}',
  'digest.delivered':
    '{all, select, yes {Alle {total} Pakete sind jetzt zugestellt.} other {Bisher wurden {delivered} von {total} Paketen zugestellt.}}',

  'subject.order_confirmed': 'Vielen Dank für Ihre Bestellung {orderNumber}',
  'heading.order_confirmed': 'Ihre Bestellung ist bei uns eingegangen',
  'body.order_confirmed':
    'Vielen Dank für Ihren Einkauf bei {shop}. Wir bereiten Bestellung {orderNumber} jetzt vor und sagen Ihnen Bescheid, sobald sie unterwegs ist.',
  'sms.order_confirmed': '{shop}: Danke für Ihre Bestellung {orderNumber}! Wir melden uns, sobald sie verschickt ist. {link}',

  'subject.shipped': 'Ihre Bestellung {orderNumber} ist unterwegs',
  'heading.shipped': 'Ihre Bestellung ist unterwegs',
  'body.shipped': '{carrier} hat Ihr Paket abgeholt{hasWhen, select, yes { und stellt es voraussichtlich {when} zu} other {}}.',
  'sms.shipped': '{shop}: Bestellung {orderNumber} ist mit {carrier} unterwegs. Sendung verfolgen: {link}',

  'subject.in_transit': 'Ihr Paket kommt voraussichtlich {when}',
  'heading.in_transit': 'Ihr Paket ist auf dem Weg',
  'body.in_transit': 'Ihr Paket aus Bestellung {orderNumber} ist mit {carrier} unterwegs und kommt voraussichtlich {when} bei Ihnen an.',
  'sms.in_transit': '{shop}: Ihr Paket aus Bestellung {orderNumber} kommt voraussichtlich {when}. {link}',

  'subject.expected_date_changed':
    '{later, select, yes {Neuer Liefertermin für Bestellung {orderNumber}} other {Gute Nachricht: Bestellung {orderNumber} kommt früher}}',
  'heading.expected_date_changed': '{later, select, yes {Ihr Liefertermin hat sich geändert} other {Ihr Paket kommt früher als geplant}}',
  'body.expected_date_changed':
    '{carrier} stellt Ihr Paket jetzt voraussichtlich {when} zu{hasPrevious, select, yes { statt {previousWhen}} other {}}.{later, select, yes { Bitte entschuldigen Sie die Verzögerung.} other {}}',
  'sms.expected_date_changed': '{shop}: neuer Liefertermin für Bestellung {orderNumber}: {when}. {link}',

  'subject.delayed': 'Ihre Bestellung {orderNumber} verzögert sich',
  'heading.delayed': 'Ihr Paket braucht länger als geplant',
  'body.delayed':
    '{reason, select, stalled {{carrier} hat Ihr Paket seit einer Weile nicht mehr gescannt.} late {Ihr Paket ist am erwarteten Tag nicht angekommen.} other {{carrier} hat eine Verzögerung gemeldet.}} Wir behalten die Sendung im Blick und melden uns, sobald es weitergeht. Bitte entschuldigen Sie die Wartezeit.',
  'sms.delayed': '{shop}: Bestellung {orderNumber} verzögert sich bei {carrier}. Wir behalten sie im Blick: {link}',

  'subject.exception':
    '{mustAct, select, yes {Ihre Mithilfe ist gefragt: Bestellung {orderNumber}} other {Problem mit Ihrer Bestellung {orderNumber}}}',
  'heading.exception':
    '{reason, select, customs {Ihr Paket liegt beim Zoll} address_problem {Bitte prüfen Sie Ihre Adresse} damaged {Ihr Paket wurde beschädigt} lost {Ihr Paket ist verloren gegangen} other {Es gibt ein Problem mit Ihrem Paket}}',
  'body.exception':
    '{reason, select, customs {Ihr Paket aus Bestellung {orderNumber} wird vom Zoll zurückgehalten.} address_problem {{carrier} konnte Ihr Paket aus Bestellung {orderNumber} unter der angegebenen Adresse nicht zustellen.} damaged {Laut {carrier} wurde Ihr Paket aus Bestellung {orderNumber} unterwegs beschädigt.} lost {Laut {carrier} ist Ihr Paket aus Bestellung {orderNumber} verloren gegangen.} other {{carrier} meldet ein Problem mit Ihrem Paket aus Bestellung {orderNumber}.}} {actor, select, customer {Bitte wenden Sie sich an {carrier}, damit das Paket zugestellt werden kann.} customs {Sie müssen im Moment nichts tun; wir melden uns, sobald es freigegeben ist.} shop {Wir kümmern uns darum und melden uns in Kürze bei Ihnen.} other {{carrier} geht der Sache nach; wir halten Sie auf dem Laufenden.}}',
  'sms.exception': '{shop}: Problem mit Bestellung {orderNumber} ({reasonText}). Details: {link}',

  'subject.tracking_number_changed': 'Neue Sendungsnummer für Bestellung {orderNumber}',
  'heading.tracking_number_changed': 'Ihr Paket hat eine neue Sendungsnummer',
  'body.tracking_number_changed':
    'Ihr Paket ist jetzt unter der {carrier}-Sendungsnummer {trackingNumber} unterwegs (bisher {previousTrackingNumber}). Über den Link zur Sendungsverfolgung sehen Sie immer den aktuellen Stand.',
  'sms.tracking_number_changed': '{shop}: Bestellung {orderNumber} hat eine neue Sendungsnummer: {trackingNumber}. {link}',

  'subject.ready_for_pickup': 'Ihr Paket liegt zur Abholung bereit',
  'heading.ready_for_pickup': 'Bereit zur Abholung',
  'body.ready_for_pickup':
    'Ihr Paket aus Bestellung {orderNumber} wartet auf Sie{hasPlace, select, yes {: {place}} other {}}.{hasDeadline, select, yes { Bitte holen Sie es bis {deadline} ab, sonst geht es an uns zurück.} other {}} Denken Sie an Ihren Ausweis oder Abholcode.',
  'sms.ready_for_pickup':
    '{shop}: Ihr Paket liegt zur Abholung bereit{hasPlace, select, yes { ({place})} other {}}{hasDeadline, select, yes {, bis {deadline}} other {}}. {link}',

  'subject.pickup_reminder': 'Erinnerung: Bitte holen Sie Ihr Paket bis {deadline} ab',
  'heading.pickup_reminder': 'Ihr Paket wartet noch auf Sie',
  'body.pickup_reminder':
    'Ihr Paket aus Bestellung {orderNumber} liegt noch zur Abholung bereit{hasPlace, select, yes {: {place}} other {}}. Bitte holen Sie es bis {deadline} ab, sonst geht es an uns zurück.',
  'sms.pickup_reminder':
    '{shop}: Erinnerung – Ihr Paket liegt noch bis {deadline} bereit{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.out_for_delivery': 'Ihr Paket kommt heute',
  'heading.out_for_delivery': 'In Zustellung',
  'body.out_for_delivery': 'Ihr Paket aus Bestellung {orderNumber} ist im Zustellfahrzeug von {carrier} und wird heute zugestellt.',
  'sms.out_for_delivery': '{shop}: Ihr Paket ist bei {carrier} in Zustellung und kommt heute. {link}',

  'subject.delivery_attempt_failed': '{carrier} konnte Ihr Paket nicht zustellen',
  'heading.delivery_attempt_failed': 'Leider haben wir Sie nicht angetroffen',
  'body.delivery_attempt_failed':
    '{carrier} wollte Ihr Paket aus Bestellung {orderNumber} zustellen, hat Sie aber nicht angetroffen.{hasPlace, select, yes { Es liegt jetzt hier: {place}.} other {}}{hasDeadline, select, yes { Sie können es bis {deadline} abholen.} other {}} In der Regel versucht {carrier} es am nächsten Werktag erneut, oder Sie vereinbaren direkt einen neuen Zustelltermin.',
  'sms.delivery_attempt_failed': '{shop}: {carrier} konnte Bestellung {orderNumber} nicht zustellen. So geht es weiter: {link}',

  'subject.delivered':
    '{digest, select, all {Ihre Bestellung {orderNumber} ist vollständig angekommen} some {{delivered} von {total} Paketen aus Bestellung {orderNumber} zugestellt} other {Ihre Bestellung {orderNumber} wurde zugestellt}}',
  'heading.delivered': '{digest, select, some {Ein Teil Ihrer Bestellung ist da} other {Ihre Bestellung ist da}}',
  'body.delivered':
    '{hasPlace, select, yes {Abgelegt: {place}.} other {Ihr Paket wurde zugestellt.}}{hasSigner, select, yes { Entgegengenommen von {signedBy}.} other {}} Sie finden es nicht? Antworten Sie einfach innerhalb der nächsten Tage auf diese E-Mail.',
  'sms.delivered':
    '{shop}: {digest, select, all {alle Pakete aus Bestellung {orderNumber} sind zugestellt} some {{delivered} von {total} Paketen aus Bestellung {orderNumber} zugestellt} other {Bestellung {orderNumber} wurde zugestellt}}{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.return_received': 'Ihre Rücksendung zu Bestellung {orderNumber} ist angekommen',
  'heading.return_received': 'Ihre Rücksendung ist da',
  'body.return_received':
    'Ihre Rücksendung zu Bestellung {orderNumber} ist bei {shop} eingegangen. Wir prüfen die Artikel und melden uns in Kürze wegen Ihrer Erstattung oder Ihres Umtauschs.',
  'sms.return_received':
    '{shop}: Ihre Rücksendung zu Bestellung {orderNumber} ist angekommen. Wir melden uns bald wegen der Erstattung. {link}',
} satisfies NotifyCatalogue;
