import type { MessageCatalogue } from './en';

/**
 * Français, avec le vouvoiement. Espaces insécables selon l’usage : U+00A0 avant « : » et dans les
 * guillemets, U+202F (fine) avant « ; », « ? » et « ! ».
 */
export const fr = {
  'stage.placed': 'Passée',
  'stage.confirmed': 'Confirmée',
  'stage.packed': 'Préparée',
  'stage.shipped': 'Expédiée',
  'stage.partially_shipped': 'Partiellement expédiée',
  'stage.in_transit': 'En transit',
  'stage.out_for_delivery': 'En cours de livraison',
  'stage.partially_delivered': 'Partiellement livrée',
  'stage.delivered': 'Livrée',
  'stage.exception': 'À traiter',
  'stage.return_in_progress': 'Retour en cours',
  'stage.returned': 'Retournée',
  'stage.cancelled': 'Annulée',

  'actor.carrier': 'Transporteur',
  'actor.shipper': 'Boutique',
  'actor.recipient': 'Client',
  'actor.customs': 'Douane',
  'actor.nobody': 'Personne',

  'status.pending': 'Enregistré, pas encore de données du transporteur',
  'status.info_received': 'Étiquette créée',
  'status.in_transit': 'En transit',
  'status.out_for_delivery': 'En cours de livraison',
  'status.available_for_pickup': 'Disponible au retrait',
  'status.attempt_failed': 'Échec de livraison',
  'status.delivered': 'Livré',
  'status.exception': 'Incident',
  'status.returning': 'En retour vers l’expéditeur',
  'status.returned': 'Retourné à l’expéditeur',
  'status.cancelled': 'Annulé',
  'status.unknown': 'Statut transporteur non reconnu',
  'status.no_tracking_number': 'En préparation, pas encore d’étiquette',
  'status.no_tracking_result': 'Étiquette créée, pas encore de données du transporteur',
  'status.cancelled_before_shipping': 'Annulé avant expédition',

  'reason.carrier_exception': 'aucun détail fourni',
  'reason.customs_held': 'retenu en douane',
  'reason.customs_documents_needed': 'documents requis par la douane',
  'reason.customs_recipient_information_needed': 'informations du destinataire requises par la douane',
  'reason.customs_duties_unpaid': 'droits de douane impayés',
  'reason.held_for_payment': 'retenu jusqu’au paiement de frais',
  'reason.held_by_carrier': 'retenu par le transporteur',
  'reason.address_problem': 'problème d’adresse',
  'reason.damaged': 'endommagé',
  'reason.lost': 'perdu',
  'reason.rejected_by_carrier': 'refusé par le transporteur',
  'reason.disposed': 'détruit',
  'reason.delayed_weather': 'intempéries',
  'reason.delayed_carrier_issue': 'problème d’exploitation',
  'reason.delayed_volume': 'volume de colis très élevé',
  'reason.delayed': 'aucune raison indiquée',
  'reason.other': 'autre',

  'delayLabel.stalled': 'Bloqué',
  'delayLabel.never_scanned': 'Non pris en charge',
  'delayLabel.late': 'En retard',
  'delayLabel.carrier_exception': 'Incident',
  'delayLabel.carrier_delay': 'Retard signalé',
  'delayLabel.not_received_reported': 'Non reçu',
  'delay.stalled':
    'Bloqué\u00a0: aucun scan depuis {hours, plural, one {# heure} other {# heures}} (seuil\u00a0: {threshold}\u00a0heures).',
  'delay.never_scanned':
    'Non pris en charge\u00a0: étiquette créée le {date}, aucun scan du transporteur après {days, plural, one {# jour ouvré} other {# jours ouvrés}}.',
  'delay.late':
    'En retard\u00a0: {days, plural, one {# jour} other {# jours}} après {reason, select, past_promised_date {la date de livraison promise} other {la date estimée par le transporteur}} ({date}).',
  'delay.carrier_exception': 'Incident transporteur\u00a0: {reason}.',
  'delay.carrier_delay': 'Le transporteur signale un retard\u00a0: {reason}.',
  'delay.not_received_reported': 'Le client indique ne jamais l’avoir reçu\u202f; le transporteur le déclare livré le {when}.',

  'action.offer_reshipment_or_refund': 'Proposer au client un renvoi ou un remboursement.',
  'action.send_customs_documents':
    'Envoyer la facture commerciale et la description des articles à {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.confirm_address_with_customer':
    'Confirmer l’adresse de livraison avec le client et la transmettre à {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_pay_charges':
    'Demander au client de régler à {carrier}{hasContact, select, yes { ({contact})} other {}} les droits ou frais dus.',
  'action.ask_customer_for_customs_information':
    'Demander au client de transmettre à {carrier}{hasContact, select, yes { ({contact})} other {}} les informations exigées par la douane (par exemple une pièce d’identité ou un numéro fiscal).',
  'action.ask_customer_to_rearrange_delivery':
    'Demander au client de convenir d’une nouvelle livraison avec {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_collect':
    'Demander au client de retirer le colis{hasPlace, select, yes { ({place})} other { chez {carrier}}}{hasDeadline, select, yes { au plus tard le {deadline}} other {}}.',
  'action.check_delivery_place_with_customer':
    'Demander au client de vérifier auprès des voisins et autour de l’adresse de livraison{hasDate, select, yes {\u202f; demander une enquête à {carrier} si le colis reste introuvable le {date}} other {}}.',
  'action.open_carrier_trace':
    'Demander à {carrier}{hasContact, select, yes { ({contact})} other {}} d’ouvrir une enquête pour {trackingNumber}.',
  'action.check_handover_with_warehouse': 'Demander à l’entrepôt si le colis a bien été remis à {carrier} (étiquette créée le {date}).',
  'action.check_fulfilment_with_warehouse':
    'Demander à l’entrepôt quand {nothingShipped, select, yes {la commande sera expédiée} other {les articles restants seront expédiés}}{hasDate, select, yes { (livraison promise pour le {date})} other {}}.',
  'action.process_return_refund': 'Vérifier les articles retournés et effectuer le remboursement.',
  'action.remind_customer_to_send_return': 'Rappeler au client de déposer le colis retour chez {carrier}.',
  'action.wait_for_customs': 'Rien à faire\u00a0: le colis est en douane.',
  'action.apologise_and_share_estimate':
    'S’excuser pour le retard et communiquer la nouvelle estimation{hasEta, select, yes { ({eta})} other { (aucune pour l’instant)}}.',
  'action.wait_for_return': 'Attendre la réception du retour, puis rembourser ou renvoyer un article.',
  'action.wait_for_delivery': 'Rien à faire\u00a0: le colis est en route{hasEta, select, yes { (attendu {eta})} other {}}.',
  'action.wait_for_carrier_pickup': 'Rien à faire pour l’instant\u00a0: {carrier} devrait bientôt prendre en charge le colis.',
  'action.wait_for_dispatch': 'Rien à faire\u00a0: la commande est en préparation.',
  'action.confirm_cancellation': 'Confirmer l’annulation et vérifier que le remboursement a bien été effectué.',
  'action.share_delivery_details':
    'Communiquer les détails de livraison\u00a0: livré le {date}{hasPlace, select, yes { ({place})} other {}}.',

  'time.dayAt': '{day} à {time}',
  'time.dayAtLocal': '{day} à {time}, heure locale',
  'time.localTimeNote': 'heure locale du lieu de scan',
  'time.dateOnlyNote': 'date uniquement',
  'age.lessThanAnHour': 'il y a moins d’une heure',
  'age.hours': 'il y a {hours, plural, one {# heure} other {# heures}}',
  'age.days': 'il y a {days, plural, one {# jour} other {# jours}}',
  'age.aboutHours': 'il y a environ {hours, plural, one {# heure} other {# heures}}',
  'age.aboutDays': 'il y a environ {days, plural, one {# jour} other {# jours}}',

  'statusLine.statusWithReason': '{status} ({reason})',
  'statusLine.lastScan': 'dernier scan {age}',
  'statusLine.lastScanAt': 'dernier scan {age}, {place}',
  'statusLine.eta': '{source, select, carrier {prévu {range}} other {estimé {range}}}',

  'timeline.placed': 'Commande passée',
  'timeline.confirmed': 'Commande confirmée',
  'timeline.packed': 'Commande préparée',
  'timeline.cancelled': 'Commande annulée',

  'answer.intro.placed': 'Merci pour votre commande {number}. Nous l’avons bien reçue et la préparons.',
  'answer.intro.confirmed': 'Votre commande {number} est confirmée et nous la préparons pour l’expédition.',
  'answer.intro.packed': 'Votre commande {number} est emballée et sera bientôt remise au transporteur.',
  'answer.intro.shipped': 'Votre commande {number} a été expédiée.',
  'answer.intro.partially_shipped': 'Une partie de votre commande {number} a été expédiée.',
  'answer.intro.in_transit': 'Votre commande {number} est en route.',
  'answer.intro.out_for_delivery': 'Votre commande {number} est presque arrivée.',
  'answer.intro.partially_delivered': 'Une partie de votre commande {number} a été livrée.',
  'answer.intro.delivered': 'Votre commande {number} a été livrée.',
  'answer.intro.exception': 'Voici les dernières nouvelles de votre commande {number}.',
  'answer.intro.return_in_progress': 'Voici les dernières nouvelles du retour de votre commande {number}.',
  'answer.intro.returned':
    '{fromCustomer, select, yes {Nous avons bien reçu le retour de votre commande {number}.} other {Votre commande {number} nous a été retournée.}}',
  'answer.intro.cancelled': 'Votre commande {number} a été annulée.',
  'answer.parcelCount': 'Votre commande a été répartie en {count, plural, one {# colis} other {# colis}}.',
  'answer.unshipped': 'Reste à expédier\u00a0: {items}.',

  'answer.subject.only': 'Votre colis',
  'answer.subject.onlyWithOrder': 'Le colis de votre commande {number}',
  'answer.subject.numbered': 'Le colis {index} sur {count}',
  'answer.subject.numberedWithItems': 'Le colis {index} sur {count} ({items})',
  'answer.subject.return': 'Votre colis retour',

  'answer.parcel.being_packed': '{subject} est en cours de préparation.',
  'answer.parcel.awaiting_pickup': '{subject} est emballé et attend d’être pris en charge par {carrier}.',
  'answer.parcel.pickup_scheduled': '{subject} est emballé et {carrier} a déjà planifié son enlèvement.',
  'answer.parcel.picked_up': '{subject} a été remis à {carrier}.',
  'answer.parcel.in_transit': '{subject} est en cours d’acheminement par {carrier}.',
  'answer.parcel.departed_origin_country': '{subject} a quitté le pays d’expédition et est en route vers vous avec {carrier}.',
  'answer.parcel.arrived_in_destination_country':
    '{subject} est arrivé dans le pays de destination et est en route vers vous avec {carrier}.',
  'answer.parcel.handed_over_to_carrier': '{subject} a été confié à {nextCarrier} pour la livraison.',
  'answer.parcel.customs_processing': '{subject} est en cours de dédouanement.',
  'answer.parcel.customs_cleared': '{subject} a été dédouané et est en cours d’acheminement par {carrier}.',
  'answer.parcel.delayed':
    '{subject} est en cours d’acheminement par {carrier}, mais il a pris du retard{reason, select, delayed_weather { en raison des intempéries} delayed_carrier_issue { en raison d’un problème d’exploitation} delayed_volume { en raison d’un volume de colis très élevé} other {}}.',
  'answer.parcel.delivery_rescheduled': '{subject} est en route\u202f; {carrier} a reporté la livraison à un jour ultérieur.',
  'answer.parcel.delivery_appointment_scheduled': '{subject} est en route\u202f; un rendez-vous de livraison a été fixé avec {carrier}.',
  'answer.parcel.rerouted': '{subject} est réacheminé par {carrier} vers une nouvelle adresse ou un point de retrait.',
  'answer.parcel.missorted': '{subject} a été envoyé au mauvais dépôt et est réacheminé par {carrier}.',
  'answer.parcel.out_for_delivery': '{subject} est en cours de livraison par {carrier}{today, select, yes { aujourd’hui} other {}}.',
  'answer.parcel.ready_for_pickup':
    '{subject} est disponible au retrait{hasDeadline, select, yes { jusqu’au {deadline}} other {}}{hasPlace, select, yes {\u00a0: {place}} other { chez {carrier}}}.',
  'answer.parcel.attempt_failed':
    '{subject} n’a pas pu être livré le {day}{reason, select, recipient_absent {\u00a0: personne n’était présent pour le réceptionner} business_closed {\u00a0: l’établissement était fermé} no_access {\u00a0: le livreur n’a pas pu accéder à votre porte} other {}}.',
  'answer.parcel.attempt_failed_address': '{subject} n’a pas pu être livré le {day} en raison d’un problème d’adresse.',
  'answer.parcel.refused': '{subject} a été refusé à la livraison et nous est retourné.',
  'answer.parcel.delivered': '{subject} a été livré par {carrier} le {when}.',
  'answer.parcel.delivered_to_neighbour': '{subject} a été remis à un voisin par {carrier} le {when}.',
  'answer.parcel.delivered_to_safe_place': '{subject} a été déposé en lieu sûr par {carrier} le {when}.',
  'answer.parcel.delivered_to_mailbox': '{subject} a été déposé dans votre boîte aux lettres par {carrier} le {when}.',
  'answer.parcel.delivered_to_locker_or_parcel_shop':
    '{subject} a été livré par {carrier} au point de retrait que vous avez choisi le {when}.',
  'answer.parcel.picked_up_by_recipient': '{subject} a été retiré le {when}.',
  'answer.parcel.signature_obtained':
    '{subject} a été livré par {carrier} le {when} contre signature{hasSigner, select, yes { de {signer}} other {}}.',
  'answer.parcel.carrier_exception': '{subject} est bloqué par un incident chez {carrier}.',
  'answer.parcel.held_by_carrier': '{subject} est retenu par {carrier} pour vérification.',
  'answer.parcel.customs_held': '{subject} est retenu par la douane{hasHeldAt, select, yes { à {heldAt}} other {}}.',
  'answer.parcel.customs_documents_needed':
    '{subject} est retenu en douane{hasHeldAt, select, yes { à {heldAt}} other {}}\u00a0: {carrier} a besoin des documents douaniers pour qu’il puisse être libéré.',
  'answer.parcel.customs_recipient_information_needed': '{subject} attend son dédouanement{hasHeldAt, select, yes { à {heldAt}} other {}}.',
  'answer.parcel.customs_duties_unpaid':
    '{subject} est retenu en douane{hasHeldAt, select, yes { à {heldAt}} other {}} jusqu’au paiement des droits et taxes d’importation.',
  'answer.parcel.held_for_payment': '{subject} est retenu par {carrier} jusqu’au paiement d’un montant dû.',
  'answer.parcel.address_problem': '{subject} est en attente, car {carrier} ne parvient pas à identifier l’adresse de livraison.',
  'answer.parcel.damaged': '{subject} a été endommagé pendant le transport. Nous en sommes vraiment désolés.',
  'answer.parcel.lost': '{subject} a été déclaré perdu par {carrier}. Nous en sommes vraiment désolés.',
  'answer.parcel.rejected_by_carrier': '{subject} n’a pas été accepté au transport par {carrier}.',
  'answer.parcel.disposed': '{subject} ne peut plus être livré\u00a0: il a été détruit pendant le transport.',
  'answer.parcel.returning_undeliverable': '{subject} n’a pas pu être livré et est en cours de retour vers nous.',
  'answer.parcel.returned_undeliverable': '{subject} n’a pas pu être livré et nous a été retourné.',
  'answer.parcel.cancelled': '{subject} a été annulé avant son expédition.',
  'answer.parcel.return_not_sent': '{subject} n’a pas encore été remis à {carrier}.',
  'answer.parcel.return_on_its_way': '{subject} est en route vers nous avec {carrier}.',
  'answer.parcel.return_arrived': '{subject} nous est parvenu le {when}.',

  'answer.lastUpdate': '{carrier} a transmis sa dernière mise à jour le {when}.',
  'answer.lastUpdateAt': '{carrier} a transmis sa dernière mise à jour le {when} ({place}).',
  'answer.deliveryPlace': '{carrier} a indiqué le lieu de dépôt\u00a0: «\u00a0{place}\u00a0».',
  'answer.eta.carrierDay': '{carrier} prévoit la livraison le {day}.',
  'answer.eta.carrierWindow': '{carrier} prévoit la livraison le {day} entre {from} et {to}.',
  'answer.eta.carrierRange': '{carrier} prévoit la livraison entre le {from} et le {to}.',
  'answer.eta.predictedDay': 'D’après nos livraisons récentes avec {carrier}, nous l’attendons le {from}.',
  'answer.eta.predictedRange': 'D’après nos livraisons récentes avec {carrier}, nous l’attendons le {from}, au plus tard le {to}.',
  'answer.trackingLink': 'Suivi\u00a0: {url}',

  'answer.delay.stalled': 'C’est plus long que d’habitude\u00a0: nous faisons le point avec {carrier}.',
  'answer.delay.never_scanned': 'Cela prend plus de temps que prévu\u00a0: nous vérifions auprès de notre entrepôt.',
  'answer.delay.latePromise': 'Nous sommes désolés que la date de livraison promise ({date}) ne soit pas respectée.',
  'answer.delay.lateCarrierEstimate': '{carrier} prévoyait de livrer au plus tard le {date}\u202f; nous sommes désolés pour l’attente.',
  'answer.delay.orderLate':
    'Nous sommes désolés que la date de livraison promise pour votre commande ({date}) ne puisse pas être respectée.',
  'answer.delay.notReceived': 'Nous sommes désolés qu’il ne vous soit pas parvenu\u202f; nous faisons le point avec {carrier}.',

  'answer.step.ask_customer_to_collect': 'Pensez à vous munir d’une pièce d’identité ou du code de retrait envoyé par {carrier}.',
  'answer.step.ask_customer_to_rearrange_delivery':
    'Merci de convenir d’une nouvelle livraison avec {carrier}{contactKind, select, url {\u00a0: {contact}} phone { au {contact}} other {}}.',
  'answer.step.confirm_address_with_customer':
    'Merci de nous répondre avec votre adresse de livraison complète, nous la transmettrons à {carrier}.',
  'answer.step.ask_customer_to_pay_charges':
    'Merci de régler le montant dû à {carrier}{contactKind, select, url {\u00a0: {contact}} phone { au {contact}} other {}}\u202f; le colis sera ensuite libéré.',
  'answer.step.ask_customer_for_customs_information':
    'La douane a besoin d’informations de votre part avant de libérer votre colis. Merci de contacter {carrier}{contactKind, select, url {\u00a0: {contact}} phone { au {contact}} other {}}.',
  'answer.step.check_delivery_place_with_customer':
    'Pourriez-vous vérifier auprès de vos voisins et autour de chez vous (boîte aux lettres, entrée, garage)\u202f? Il arrive qu’un colis réapparaisse un peu plus tard.',
  'answer.step.remind_customer_to_send_return':
    'Merci de le déposer dans un point de dépôt {carrier}\u202f; nous le verrons ici dès qu’il aura été scanné.',
  'answer.step.send_customs_documents':
    'Merci d’envoyer la facture commerciale et une description des articles à {carrier}{contactKind, select, url { ({contact})} phone { ({contact})} other {}} pour que la douane puisse libérer le colis.',
  'answer.weAct.send_customs_documents': 'Nous les envoyons à {carrier}\u202f; vous n’avez rien à faire.',
  'answer.weAct.offer_reshipment_or_refund':
    'Nous vous proposons volontiers un renvoi ou un remboursement intégral\u00a0: répondez-nous simplement pour nous dire ce que vous préférez.',
  'answer.weAct.process_return_refund':
    'Nous vérifions les articles retournés et vous rembourserons sous peu\u202f; vous n’avez rien à faire.',
  'answer.weAct.check_fulfilment_with_warehouse':
    'Nous vérifions auprès de notre entrepôt quand {nothingShipped, select, yes {votre commande sera expédiée} other {le reste de votre commande sera expédié}}\u202f; vous n’avez rien à faire.',
  'answer.nothingToDo': '{scope, select, parcel {Vous n’avez rien à faire pour ce colis.} other {Vous n’avez rien à faire.}}',

  'reply.greeting': 'Bonjour {name},',
  'reply.thanks': 'Merci pour votre message.',
  'reply.step.open_carrier_trace':
    'J’ai demandé à {carrier} d’ouvrir une enquête sur votre colis et je reviens vers vous dès que j’ai une réponse.',
  'reply.step.offer_reshipment_or_refund':
    'Nous vous proposons volontiers un renvoi ou un remboursement intégral – dites-moi simplement ce que vous préférez.',
  'reply.step.send_customs_documents': 'J’envoie à {carrier} les documents demandés par la douane afin que votre colis puisse être libéré.',
  'reply.step.check_handover_with_warehouse': 'Je reviens vers vous dès que j’ai une réponse de notre entrepôt.',
  'reply.step.check_fulfilment_with_warehouse':
    'Je me renseigne auprès de notre entrepôt pour savoir quand {nothingShipped, select, yes {votre commande sera expédiée} other {le reste de votre commande sera expédié}} et je reviens vers vous très vite.',
  'reply.step.process_return_refund': 'Nous vérifions les articles retournés et vous rembourserons sous peu.',
  'reply.step.apologise_and_share_estimate': 'Veuillez nous excuser pour l’attente.',
  'reply.step.wait_for_return': 'Dès que votre retour nous parviendra, nous nous occuperons du remboursement.',
  'reply.step.confirm_cancellation': 'Si vous aviez déjà payé, le montant sera recrédité sur votre moyen de paiement d’origine.',
  'reply.closing': 'Pour toute autre question, il vous suffit de répondre à cet e-mail.',
  'reply.signOff': 'Cordialement,',
} as const satisfies MessageCatalogue;
