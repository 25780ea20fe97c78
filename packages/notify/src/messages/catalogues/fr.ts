import type { NotifyCatalogue } from './en';

/** French (vous), with the typographic apostrophe and the narrow spaces French puts before « : » and « ! ». */
export const fr = {
  greeting: 'Bonjour {name},',
  signoff: 'À bientôt, l’équipe {shop}',
  'cta.track': 'Suivre ma commande',
  'label.order': 'Commande',
  'label.expected': 'Livraison prévue',
  'label.tracking': 'Numéro de suivi',
  'when.single': 'le {date}',
  'when.range': 'entre le {from} et le {to}',
  'contact.or': '{phone} ou {url}',
  'contact.must_act': 'Merci de contacter {carrier}\u202f: {contact}.',
  'contact.info': 'Une question sur la livraison\u202f? {carrier}\u202f: {contact}',
  'footer.why': 'Vous recevez cet e-mail parce que vous avez commandé chez {shop}. Nous ne vous écrivons qu’au sujet de votre commande.',
  'footer.unsubscribe': 'Ne plus recevoir le suivi de livraison par e-mail',
  'sms.stop': 'Désinscription\u202f: {url}',
  'carrier.unknown': 'le transporteur',
  'reason.other': 'un problème de livraison',

  'digest.shipped':
    '{all, select, yes {Les {total} colis de votre commande sont en route.} other {{count} colis sur {total} de votre commande sont en route, les autres suivront.}}',
  'digest.in_transit':
    '{all, select, yes {Les {total} colis de votre commande sont en cours d’acheminement.} other {{count} colis sur {total} de votre commande sont en cours d’acheminement.}}',
  'digest.out_for_delivery':
    '{all, select, yes {Les {total} colis sont en cours de livraison aujourd’hui.} other {{count} colis sur {total} sont en cours de livraison aujourd’hui.}}',
  'digest.delivered':
    '{all, select, yes {Les {total} colis sont maintenant tous livrés.} other {Pour l’instant, {delivered} colis sur {total} ont été livrés.}}',

  'subject.order_confirmed': 'Merci pour votre commande {orderNumber}',
  'heading.order_confirmed': 'Nous avons bien reçu votre commande',
  'body.order_confirmed':
    'Merci pour votre achat chez {shop}. Nous préparons la commande {orderNumber} et vous préviendrons dès qu’elle sera expédiée.',
  'sms.order_confirmed': '{shop}\u202f: merci pour votre commande {orderNumber}\u202f! Nous vous préviendrons dès son expédition. {link}',

  'subject.shipped': 'Votre commande {orderNumber} est en route',
  'heading.shipped': 'Votre commande est en route',
  'body.shipped': '{carrier} a pris en charge votre colis{hasWhen, select, yes { et prévoit de le livrer {when}} other {}}.',
  'sms.shipped': '{shop}\u202f: la commande {orderNumber} est en route avec {carrier}. Suivi\u202f: {link}',

  'subject.in_transit': 'Votre colis devrait arriver {when}',
  'heading.in_transit': 'Votre colis est en chemin',
  'body.in_transit': 'Votre colis de la commande {orderNumber} voyage avec {carrier} et devrait vous parvenir {when}.',
  'sms.in_transit': '{shop}\u202f: votre colis de la commande {orderNumber} devrait arriver {when}. {link}',

  'subject.expected_date_changed':
    '{later, select, yes {Nouvelle date de livraison pour la commande {orderNumber}} other {Bonne nouvelle\u202f: la commande {orderNumber} arrive plus tôt}}',
  'heading.expected_date_changed': '{later, select, yes {Votre date de livraison a changé} other {Votre colis arrive plus tôt que prévu}}',
  'body.expected_date_changed':
    '{carrier} prévoit désormais de livrer votre colis {when}{hasPrevious, select, yes { au lieu de {previousWhen}} other {}}.{later, select, yes { Merci de votre patience.} other {}}',
  'sms.expected_date_changed': '{shop}\u202f: nouvelle date de livraison pour la commande {orderNumber}\u202f: {when}. {link}',

  'subject.delayed': 'Votre commande {orderNumber} a du retard',
  'heading.delayed': 'Votre colis met plus de temps que prévu',
  'body.delayed':
    '{reason, select, stalled {{carrier} n’a pas scanné votre colis depuis un moment.} late {Votre colis n’est pas arrivé à la date prévue.} other {{carrier} nous signale un retard.}} Nous gardons un œil dessus et vous préviendrons dès qu’il repartira. Merci de votre patience.',
  'sms.delayed': '{shop}\u202f: la commande {orderNumber} a du retard chez {carrier}. Nous suivons cela de près\u202f: {link}',

  'subject.exception':
    '{mustAct, select, yes {Action requise pour la commande {orderNumber}} other {Un problème avec votre commande {orderNumber}}}',
  'heading.exception':
    '{reason, select, customs {Votre colis est retenu en douane} address_problem {Votre adresse doit être vérifiée} damaged {Votre colis a été endommagé} lost {Votre colis a été perdu} other {Un problème est survenu avec votre colis}}',
  'body.exception':
    '{reason, select, customs {Votre colis de la commande {orderNumber} est retenu par la douane.} address_problem {{carrier} n’a pas pu livrer votre colis de la commande {orderNumber} à l’adresse indiquée.} damaged {Selon {carrier}, votre colis de la commande {orderNumber} a été endommagé pendant le transport.} lost {Selon {carrier}, votre colis de la commande {orderNumber} a été perdu.} other {{carrier} signale un problème avec votre colis de la commande {orderNumber}.}} {actor, select, customer {Merci de contacter {carrier} pour qu’il puisse vous le livrer.} customs {Vous n’avez rien à faire pour le moment\u202f; nous vous préviendrons dès qu’il sera libéré.} shop {Nous nous en occupons et revenons vers vous très vite.} other {{carrier} mène l’enquête\u202f; nous vous tiendrons informé.}}',
  'sms.exception': '{shop}\u202f: un problème avec la commande {orderNumber} ({reasonText}). Détails\u202f: {link}',

  'subject.tracking_number_changed': 'Nouveau numéro de suivi pour la commande {orderNumber}',
  'heading.tracking_number_changed': 'Votre colis a un nouveau numéro de suivi',
  'body.tracking_number_changed':
    'Votre colis voyage désormais sous le numéro de suivi {carrier} {trackingNumber} (auparavant {previousTrackingNumber}). Le lien de suivi affiche toujours les dernières informations.',
  'sms.tracking_number_changed': '{shop}\u202f: la commande {orderNumber} a un nouveau numéro de suivi\u202f: {trackingNumber}. {link}',

  'subject.ready_for_pickup': 'Votre colis vous attend',
  'heading.ready_for_pickup': 'Prêt à être retiré',
  'body.ready_for_pickup':
    'Votre colis de la commande {orderNumber} vous attend{hasPlace, select, yes { chez {place}} other {}}.{hasDeadline, select, yes { Merci de le retirer au plus tard le {deadline}, sinon il nous sera retourné.} other {}} Pensez à votre pièce d’identité ou à votre code de retrait.',
  'sms.ready_for_pickup':
    '{shop}\u202f: votre colis est prêt à être retiré{hasPlace, select, yes { chez {place}} other {}}{hasDeadline, select, yes {, jusqu’au {deadline}} other {}}. {link}',

  'subject.pickup_reminder': 'Rappel\u202f: retirez votre colis au plus tard le {deadline}',
  'heading.pickup_reminder': 'Votre colis vous attend toujours',
  'body.pickup_reminder':
    'Votre colis de la commande {orderNumber} vous attend toujours{hasPlace, select, yes { chez {place}} other {}}. Merci de le retirer au plus tard le {deadline}, sinon il nous sera retourné.',
  'sms.pickup_reminder':
    '{shop}\u202f: rappel – votre colis vous attend{hasPlace, select, yes { chez {place}} other {}} jusqu’au {deadline}. {link}',

  'subject.out_for_delivery': 'Votre colis arrive aujourd’hui',
  'heading.out_for_delivery': 'En cours de livraison',
  'body.out_for_delivery':
    'Votre colis de la commande {orderNumber} est dans le véhicule de livraison {carrier} et sera livré aujourd’hui.',
  'sms.out_for_delivery': '{shop}\u202f: votre colis est en cours de livraison avec {carrier} et arrive aujourd’hui. {link}',

  'subject.delivery_attempt_failed': '{carrier} n’a pas pu livrer votre colis',
  'heading.delivery_attempt_failed': 'Vous étiez absent',
  'body.delivery_attempt_failed':
    '{carrier} a tenté de livrer votre colis de la commande {orderNumber}, sans succès.{hasPlace, select, yes { Il se trouve maintenant ici\u202f: {place}.} other {}}{hasDeadline, select, yes { Vous pouvez le retirer jusqu’au {deadline}.} other {}} En général, {carrier} repasse le jour ouvré suivant\u202f; vous pouvez aussi convenir d’une nouvelle livraison directement avec lui.',
  'sms.delivery_attempt_failed': '{shop}\u202f: {carrier} n’a pas pu livrer la commande {orderNumber}. La suite\u202f: {link}',

  'subject.delivered':
    '{digest, select, all {Votre commande {orderNumber} est entièrement livrée} some {{delivered} colis sur {total} de la commande {orderNumber} livrés} other {Votre commande {orderNumber} a été livrée}}',
  'heading.delivered': '{digest, select, some {Une partie de votre commande est arrivée} other {Votre commande est arrivée}}',
  'body.delivered':
    '{hasPlace, select, yes {Lieu de dépôt\u202f: {place}.} other {Votre colis a été livré.}}{hasSigner, select, yes { Réceptionné par {signedBy}.} other {}} Vous ne le trouvez pas\u202f? Répondez simplement à cet e-mail dans les prochains jours.',
  'sms.delivered':
    '{shop}\u202f: {digest, select, all {tous les colis de la commande {orderNumber} ont été livrés} some {{delivered} colis sur {total} de la commande {orderNumber} livrés} other {la commande {orderNumber} a été livrée}}{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.return_received': 'Nous avons reçu votre retour pour la commande {orderNumber}',
  'heading.return_received': 'Votre retour est bien arrivé',
  'body.return_received':
    'Votre retour pour la commande {orderNumber} est bien arrivé chez {shop}. Nous vérifions les articles et revenons vers vous très vite pour le remboursement ou l’échange.',
  'sms.return_received':
    '{shop}\u202f: nous avons reçu votre retour pour la commande {orderNumber}. Nous revenons vite vers vous pour le remboursement. {link}',
} satisfies NotifyCatalogue;
