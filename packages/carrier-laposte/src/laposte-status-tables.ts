import { createStatusTable } from '@wismo/core';

/*
 * Data only; the logic is in map-laposte-status.ts. La Poste's swagger names no code table (only the example
 * ET2); the 19 codes and their French names are the list of rigwild/suivi-poste `index.ts` @ 440cd9b (MIT),
 * corroborated by karrio's recorded Colissimo answer (DR1, PC1, ET1, ET2, ET3, MD2, DI1) and by two other public
 * clients. Each comment: the code's name (and a real label where one was seen), then the timeline step.
 */

/** `event[].code` → status. */
export const LAPOSTE_EVENT_CODES = createStatusTable({
  // Déclaratif réceptionné — "Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez votre expéditeur." (step 1)
  DR1: { status: 'info_received', substatus: 'label_created' },
  // Pris en charge — "Votre colis a été déposé dans un point postal." (step 2)
  PC1: { status: 'in_transit', substatus: 'picked_up' },
  // Pris en charge dans le pays d'expédition (step 2)
  PC2: { status: 'in_transit', substatus: 'picked_up' },
  // En cours de traitement — "Votre colis est en cours d'acheminement." / "…en transit sur nos plateformes logistiques." (step 3).
  // Not out for delivery, although karrio maps it so.
  ET1: { status: 'in_transit', substatus: 'in_transit' },
  // En cours de traitement dans le pays d'expédition — "Votre colis est prêt à partir de son territoire d'expédition…" (step 3)
  ET2: { status: 'in_transit', substatus: 'in_transit' },
  // En cours de traitement dans le pays de destination — "Votre colis est arrivé dans le pays du destinataire." (step 3)
  ET3: { status: 'in_transit', substatus: 'arrived_in_destination_country' },
  // En cours de traitement dans un pays de transit (step 3)
  ET4: { status: 'in_transit', substatus: 'in_transit' },
  // En attente de présentation: waiting to be presented (delivered) (step 3)
  EP1: { status: 'in_transit', substatus: 'in_transit' },
  // Entrée en douane (step 3)
  DO1: { status: 'in_transit', substatus: 'customs_processing' },
  // Sortie de douane (step 3)
  DO2: { status: 'in_transit', substatus: 'customs_cleared' },
  // Retenu en douane (step 3)
  DO3: { status: 'exception', substatus: 'customs_held' },
  // Problème en cours (step 3)
  PB1: { status: 'exception', substatus: 'carrier_exception' },
  // Problème résolu (step 3)
  PB2: { status: 'in_transit', substatus: 'in_transit' },
  // Mis en distribution — "Votre colis est dans le site de livraison qui dessert votre adresse. Nous le préparons pour le mettre
  // en livraison." (step 4): at the delivering site for the round; the closest wismo status is out for delivery.
  MD2: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  // Non distribuable (step 4)
  ND1: { status: 'attempt_failed', substatus: 'attempt_failed' },
  // En attente d'être retiré au guichet (step 4)
  AG1: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' },
  // Retourné à l'expéditeur (step 4)
  RE1: { status: 'returning', substatus: 'returning_to_sender' },
  // Distribué — "Votre colis est livré." (step 5)
  DI1: { status: 'delivered', substatus: 'delivered' },
  // Distribué à l'expéditeur (step 5)
  DI2: { status: 'returned', substatus: 'returned_to_sender' },
});

/**
 * `timeline[].id` → status of the furthest step reached, used only when no event code maps. Step names from
 * the recorded answer: 1 "Votre colis est entre nos mains.", 2 "Il est en chemin.", 3 "Votre colis est arrivé sur
 * son site de livraison.", 4 "Nous préparons votre colis pour sa livraison.", 5 "Votre colis a été livré".
 */
export const LAPOSTE_TIMELINE_STEPS = createStatusTable({
  '1': { status: 'info_received', substatus: 'label_created' },
  '2': { status: 'in_transit', substatus: 'picked_up' },
  '3': { status: 'in_transit', substatus: 'arrived_at_facility' },
  '4': { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  '5': { status: 'delivered', substatus: 'delivered' },
});

/** Unitary `returnCode` values of an answer without a shipment: the swagger's enum (101, 104, 105, 109, 504) and HTTP 400's `400`. */
export const LAPOSTE_RETURN_CODES = Object.freeze({
  /** Per-id negative answers of a 207 ("200, 101, 104, 105 nor 109"); 104 is "Votre suivi n'est pas encore disponible…" with HTTP 404. */
  notFound: new Set(['101', '104', '105', '109']),
  /** "Le numéro que vous avez saisi n'est pas valide…" (HTTP 400). */
  invalid: new Set(['400']),
  /** A gateway timeout behind the API. */
  unavailable: new Set(['504']),
  /** A shipment follows. */
  ok: new Set(['200', '201', '208']),
});
