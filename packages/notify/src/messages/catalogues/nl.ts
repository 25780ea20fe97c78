import type { NotifyCatalogue } from './en';

/** Dutch, informal (je), as Dutch and Flemish web shops write. */
export const nl = {
  greeting: 'Hoi {name},',
  signoff: 'Groeten, het team van {shop}',
  'cta.track': 'Volg je bestelling',
  'label.order': 'Bestelling',
  'label.expected': 'Verwachte bezorging',
  'label.tracking': 'Trackingnummer',
  'when.single': 'op {date}',
  'when.range': 'tussen {from} en {to}',
  'contact.or': '{phone} of {url}',
  'contact.must_act': 'Neem contact op met {carrier}: {contact}.',
  'contact.info': 'Vragen over de bezorging? {carrier}: {contact}',
  'footer.why': 'Je krijgt deze e-mail omdat je bij {shop} hebt besteld. We mailen je alleen over je bestelling.',
  'footer.unsubscribe': 'Geen bezorgupdates meer per e-mail',
  'sms.stop': 'Afmelden: {url}',
  'carrier.unknown': 'de vervoerder',
  'reason.other': 'een bezorgprobleem',

  'digest.shipped':
    '{all, select, yes {Alle {total} pakketten van je bestelling zijn onderweg.} other {{count} van de {total} pakketten van je bestelling zijn onderweg; de rest volgt.}}',
  'digest.in_transit':
    '{all, select, yes {Alle {total} pakketten van je bestelling zijn onderweg naar je toe.} other {{count} van de {total} pakketten van je bestelling zijn onderweg naar je toe.}}',
  'digest.out_for_delivery':
    '{all, select, yes {Alle {total} pakketten worden vandaag bezorgd.} other {{count} van de {total} pakketten worden vandaag bezorgd.}}',
  'digest.delivered':
    '{all, select, yes {Alle {total} pakketten zijn nu bezorgd.} other {Tot nu toe zijn {delivered} van de {total} pakketten bezorgd.}}',

  'subject.order_confirmed': 'Bedankt voor je bestelling {orderNumber}',
  'heading.order_confirmed': 'We hebben je bestelling ontvangen',
  'body.order_confirmed':
    'Bedankt voor je aankoop bij {shop}. We maken bestelling {orderNumber} nu klaar en laten het je weten zodra hij onderweg is.',
  'sms.order_confirmed': '{shop}: bedankt voor je bestelling {orderNumber}! We laten het je weten zodra hij verzonden is. {link}',

  'subject.shipped': 'Je bestelling {orderNumber} is onderweg',
  'heading.shipped': 'Je bestelling is onderweg',
  'body.shipped': '{carrier} heeft je pakket opgehaald{hasWhen, select, yes { en verwacht het {when} te bezorgen} other {}}.',
  'sms.shipped': '{shop}: bestelling {orderNumber} is onderweg met {carrier}. Volg hem hier: {link}',

  'subject.in_transit': 'Je pakket komt naar verwachting {when}',
  'heading.in_transit': 'Je pakket is onderweg',
  'body.in_transit': 'Je pakket van bestelling {orderNumber} is onderweg met {carrier} en komt naar verwachting {when} bij je aan.',
  'sms.in_transit': '{shop}: je pakket van bestelling {orderNumber} komt naar verwachting {when}. {link}',

  'subject.expected_date_changed':
    '{later, select, yes {Nieuwe bezorgdatum voor bestelling {orderNumber}} other {Goed nieuws: bestelling {orderNumber} komt eerder}}',
  'heading.expected_date_changed': '{later, select, yes {Je bezorgdatum is gewijzigd} other {Je pakket komt eerder dan gepland}}',
  'body.expected_date_changed':
    '{carrier} verwacht je pakket nu {when} te bezorgen{hasPrevious, select, yes { in plaats van {previousWhen}} other {}}.{later, select, yes { Sorry voor het wachten.} other {}}',
  'sms.expected_date_changed': '{shop}: nieuwe bezorgdatum voor bestelling {orderNumber}: {when}. {link}',

  'subject.delayed': 'Je bestelling {orderNumber} heeft vertraging',
  'heading.delayed': 'Je pakket doet er langer over dan gepland',
  'body.delayed':
    '{reason, select, stalled {{carrier} heeft je pakket al een tijdje niet meer gescand.} late {Je pakket is niet op de verwachte dag aangekomen.} other {{carrier} meldt een vertraging.}} We houden het in de gaten en laten het je weten zodra het weer in beweging is. Sorry voor het wachten.',
  'sms.delayed': '{shop}: bestelling {orderNumber} heeft vertraging bij {carrier}. We houden het in de gaten: {link}',

  'subject.exception':
    '{mustAct, select, yes {Actie nodig voor bestelling {orderNumber}} other {Probleem met je bestelling {orderNumber}}}',
  'heading.exception':
    '{reason, select, customs {Je pakket ligt bij de douane} address_problem {We moeten je adres controleren} damaged {Je pakket is beschadigd} lost {Je pakket is kwijtgeraakt} other {Er is een probleem met je pakket}}',
  'body.exception':
    '{reason, select, customs {Je pakket van bestelling {orderNumber} wordt tegengehouden door de douane.} address_problem {{carrier} kon je pakket van bestelling {orderNumber} niet op het opgegeven adres bezorgen.} damaged {Volgens {carrier} is je pakket van bestelling {orderNumber} onderweg beschadigd.} lost {Volgens {carrier} is je pakket van bestelling {orderNumber} kwijtgeraakt.} other {{carrier} meldt een probleem met je pakket van bestelling {orderNumber}.}} {actor, select, customer {Neem contact op met {carrier}, zodat ze het kunnen bezorgen.} customs {Je hoeft nu niets te doen; we laten het je weten zodra het is vrijgegeven.} shop {We lossen het op en nemen snel contact met je op.} other {{carrier} zoekt het uit; we houden je op de hoogte.}}',
  'sms.exception': '{shop}: probleem met bestelling {orderNumber} ({reasonText}). Meer info: {link}',

  'subject.tracking_number_changed': 'Nieuw trackingnummer voor bestelling {orderNumber}',
  'heading.tracking_number_changed': 'Je pakket heeft een nieuw trackingnummer',
  'body.tracking_number_changed':
    'Je pakket reist nu onder {carrier}-trackingnummer {trackingNumber} (eerder {previousTrackingNumber}). Via de trackinglink zie je altijd de laatste stand.',
  'sms.tracking_number_changed': '{shop}: bestelling {orderNumber} heeft een nieuw trackingnummer: {trackingNumber}. {link}',

  'subject.ready_for_pickup': 'Je pakket ligt klaar om op te halen',
  'heading.ready_for_pickup': 'Klaar om op te halen',
  'body.ready_for_pickup':
    'Je pakket van bestelling {orderNumber} ligt voor je klaar{hasPlace, select, yes { bij {place}} other {}}.{hasDeadline, select, yes { Haal het uiterlijk {deadline} op, anders gaat het terug naar ons.} other {}} Vergeet je legitimatie of ophaalcode niet.',
  'sms.ready_for_pickup':
    '{shop}: je pakket ligt klaar om op te halen{hasPlace, select, yes { bij {place}} other {}}{hasDeadline, select, yes {, tot en met {deadline}} other {}}. {link}',

  'subject.pickup_reminder': 'Herinnering: haal je pakket uiterlijk {deadline} op',
  'heading.pickup_reminder': 'Je pakket ligt nog op je te wachten',
  'body.pickup_reminder':
    'Je pakket van bestelling {orderNumber} ligt nog klaar{hasPlace, select, yes { bij {place}} other {}}. Haal het uiterlijk {deadline} op, anders gaat het terug naar ons.',
  'sms.pickup_reminder':
    '{shop}: herinnering – je pakket ligt nog tot en met {deadline} klaar{hasPlace, select, yes { bij {place}} other {}}. {link}',

  'subject.out_for_delivery': 'Je pakket komt vandaag',
  'heading.out_for_delivery': 'Vandaag bezorgd',
  'body.out_for_delivery': 'Je pakket van bestelling {orderNumber} zit in de bus van {carrier} en wordt vandaag bezorgd.',
  'sms.out_for_delivery': '{shop}: je pakket is onderweg met {carrier} en wordt vandaag bezorgd. {link}',

  'subject.delivery_attempt_failed': '{carrier} kon je pakket niet bezorgen',
  'heading.delivery_attempt_failed': 'Helaas niet thuis getroffen',
  'body.delivery_attempt_failed':
    '{carrier} heeft geprobeerd je pakket van bestelling {orderNumber} te bezorgen, maar dat is niet gelukt.{hasPlace, select, yes { Het ligt nu hier: {place}.} other {}}{hasDeadline, select, yes { Je kunt het tot en met {deadline} ophalen.} other {}} Meestal probeert {carrier} het de volgende werkdag opnieuw, of je spreekt zelf een nieuwe bezorging af.',
  'sms.delivery_attempt_failed': '{shop}: {carrier} kon bestelling {orderNumber} niet bezorgen. Zo gaat het verder: {link}',

  'subject.delivered':
    '{digest, select, all {Je hele bestelling {orderNumber} is bezorgd} some {{delivered} van de {total} pakketten van bestelling {orderNumber} bezorgd} other {Je bestelling {orderNumber} is bezorgd}}',
  'heading.delivered': '{digest, select, some {Een deel van je bestelling is er} other {Je bestelling is er}}',
  'body.delivered':
    '{hasPlace, select, yes {Hier is het achtergelaten: {place}.} other {Je pakket is bezorgd.}}{hasSigner, select, yes { Ondertekend door {signedBy}.} other {}} Kun je het niet vinden? Beantwoord deze e-mail dan binnen een paar dagen.',
  'sms.delivered':
    '{shop}: {digest, select, all {alle pakketten van bestelling {orderNumber} zijn bezorgd} some {{delivered} van de {total} pakketten van bestelling {orderNumber} bezorgd} other {bestelling {orderNumber} is bezorgd}}{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.return_received': 'We hebben je retour voor bestelling {orderNumber} ontvangen',
  'heading.return_received': 'Je retour is binnen',
  'body.return_received':
    'Je retour voor bestelling {orderNumber} is bij {shop} aangekomen. We controleren de artikelen en laten je snel weten hoe het zit met je terugbetaling of omruiling.',
  'sms.return_received':
    '{shop}: we hebben je retour voor bestelling {orderNumber} ontvangen. Je hoort snel van ons over de terugbetaling. {link}',
} satisfies NotifyCatalogue;
