import type { MessageCatalogue } from './en';

/** Español, tratando de usted, válido en España y en Latinoamérica. */
export const es = {
  'stage.placed': 'Realizado',
  'stage.confirmed': 'Confirmado',
  'stage.packed': 'Empaquetado',
  'stage.shipped': 'Enviado',
  'stage.partially_shipped': 'Enviado parcialmente',
  'stage.in_transit': 'En tránsito',
  'stage.out_for_delivery': 'En reparto',
  'stage.partially_delivered': 'Entregado parcialmente',
  'stage.delivered': 'Entregado',
  'stage.exception': 'Requiere atención',
  'stage.return_in_progress': 'Devolución en curso',
  'stage.returned': 'Devuelto',
  'stage.cancelled': 'Cancelado',

  'actor.carrier': 'Transportista',
  'actor.shipper': 'Tienda',
  'actor.recipient': 'Cliente',
  'actor.customs': 'Aduana',
  'actor.nobody': 'Nadie',

  'status.pending': 'Registrado, aún sin datos del transportista',
  'status.info_received': 'Etiqueta creada',
  'status.in_transit': 'En tránsito',
  'status.out_for_delivery': 'En reparto',
  'status.available_for_pickup': 'Listo para recoger',
  'status.attempt_failed': 'Intento de entrega fallido',
  'status.delivered': 'Entregado',
  'status.exception': 'Incidencia',
  'status.returning': 'En devolución al remitente',
  'status.returned': 'Devuelto al remitente',
  'status.cancelled': 'Cancelado',
  'status.unknown': 'Estado del transportista no reconocido',
  'status.no_tracking_number': 'En preparación, aún sin etiqueta',
  'status.no_tracking_result': 'Etiqueta creada, aún sin datos del transportista',
  'status.cancelled_before_shipping': 'Cancelado antes del envío',

  'reason.carrier_exception': 'sin detalles',
  'reason.customs_held': 'retenido en aduana',
  'reason.customs_documents_needed': 'la aduana necesita documentación',
  'reason.customs_recipient_information_needed': 'la aduana necesita datos del destinatario',
  'reason.customs_duties_unpaid': 'aranceles sin pagar',
  'reason.held_for_payment': 'retenido hasta el pago de un importe',
  'reason.held_by_carrier': 'retenido por el transportista',
  'reason.address_problem': 'problema con la dirección',
  'reason.damaged': 'dañado',
  'reason.lost': 'perdido',
  'reason.rejected_by_carrier': 'rechazado por el transportista',
  'reason.disposed': 'destruido',
  'reason.delayed_weather': 'mal tiempo',
  'reason.delayed_carrier_issue': 'problema operativo',
  'reason.delayed_volume': 'gran volumen de envíos',
  'reason.delayed': 'sin motivo indicado',
  'reason.other': 'otro',

  'delayLabel.stalled': 'Sin movimiento',
  'delayLabel.never_scanned': 'Sin recoger',
  'delayLabel.late': 'Con retraso',
  'delayLabel.carrier_exception': 'Incidencia',
  'delayLabel.carrier_delay': 'Retraso notificado',
  'delayLabel.not_received_reported': 'No recibido',
  'delay.stalled': 'Sin movimiento: ningún escaneo desde hace {hours, plural, one {# hora} other {# horas}} (umbral: {threshold} horas).',
  'delay.never_scanned':
    'Sin recoger: etiqueta creada el {date}, ningún escaneo del transportista tras {days, plural, one {# día hábil} other {# días hábiles}}.',
  'delay.late':
    'Con retraso: {days, plural, one {# día} other {# días}} después de {reason, select, past_promised_date {la fecha de entrega prometida} other {la fecha estimada por el transportista}} ({date}).',
  'delay.carrier_exception': 'Incidencia del transportista: {reason}.',
  'delay.carrier_delay': 'El transportista notifica un retraso: {reason}.',
  'delay.not_received_reported': 'El cliente dice que nunca lo recibió; el transportista lo da por entregado el {when}.',

  'action.offer_reshipment_or_refund': 'Ofrecer al cliente un reenvío o un reembolso.',
  'action.send_customs_documents':
    'Enviar la factura comercial y la descripción de los artículos a {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.confirm_address_with_customer':
    'Confirmar la dirección de entrega con el cliente y comunicársela a {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_pay_charges':
    'Pedir al cliente que pague los aranceles o cargos a {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_for_customs_information':
    'Pedir al cliente que facilite a {carrier}{hasContact, select, yes { ({contact})} other {}} los datos que exige la aduana (por ejemplo, un documento de identidad o un número fiscal).',
  'action.ask_customer_to_rearrange_delivery':
    'Pedir al cliente que acuerde una nueva entrega con {carrier}{hasContact, select, yes { ({contact})} other {}}.',
  'action.ask_customer_to_collect':
    'Pedir al cliente que recoja el paquete{hasPlace, select, yes { en {place}} other { en {carrier}}}{hasDeadline, select, yes { como muy tarde el {deadline}} other {}}.',
  'action.check_delivery_place_with_customer':
    'Pedir al cliente que pregunte a los vecinos y revise los alrededores de la dirección de entrega{hasDate, select, yes {; abrir una investigación con {carrier} si el {date} sigue sin aparecer} other {}}.',
  'action.open_carrier_trace':
    'Abrir una investigación con {carrier}{hasContact, select, yes { ({contact})} other {}} para {trackingNumber}.',
  'action.check_handover_with_warehouse': 'Preguntar al almacén si el paquete se entregó a {carrier} (etiqueta creada el {date}).',
  'action.check_fulfilment_with_warehouse':
    'Preguntar al almacén cuándo se {nothingShipped, select, yes {enviará el pedido} other {enviarán los artículos pendientes}}{hasDate, select, yes { (entrega prometida para el {date})} other {}}.',
  'action.process_return_refund': 'Revisar los artículos devueltos y emitir el reembolso.',
  'action.remind_customer_to_send_return': 'Recordar al cliente que entregue el paquete de devolución a {carrier}.',
  'action.wait_for_customs': 'Nada que hacer: el paquete está en aduana.',
  'action.apologise_and_share_estimate':
    'Disculparse por el retraso y comunicar la estimación actual{hasEta, select, yes { ({eta})} other { (aún no hay ninguna)}}.',
  'action.wait_for_return': 'Esperar a que llegue la devolución y después reembolsar o reenviar.',
  'action.wait_for_delivery': 'Nada que hacer: el paquete está en camino{hasEta, select, yes { (previsto {eta})} other {}}.',
  'action.wait_for_carrier_pickup': 'Nada que hacer por ahora: {carrier} debería recoger el paquete en breve.',
  'action.wait_for_dispatch': 'Nada que hacer: el pedido se está preparando para el envío.',
  'action.confirm_cancellation': 'Confirmar la cancelación y comprobar que el reembolso se ha realizado.',
  'action.share_delivery_details':
    'Compartir los detalles de la entrega: entregado el {date}{hasPlace, select, yes { ({place})} other {}}.',

  // "a la una", "a las dos": the article follows the hour.
  'time.dayAt': '{isOneOClock, select, yes {{day} a la {time}} other {{day} a las {time}}}',
  'time.dayAtLocal': '{isOneOClock, select, yes {{day} a la {time}, hora local} other {{day} a las {time}, hora local}}',
  'time.localTimeNote': 'hora local del lugar de escaneo',
  'time.dateOnlyNote': 'solo fecha',
  'age.lessThanAnHour': 'hace menos de una hora',
  'age.hours': 'hace {hours, plural, one {# hora} other {# horas}}',
  'age.days': 'hace {days, plural, one {# día} other {# días}}',
  'age.aboutHours': 'hace aproximadamente {hours, plural, one {# hora} other {# horas}}',
  'age.aboutDays': 'hace aproximadamente {days, plural, one {# día} other {# días}}',

  'statusLine.statusWithReason': '{status} ({reason})',
  'statusLine.lastScan': 'último escaneo {age}',
  'statusLine.lastScanAt': 'último escaneo {age}, {place}',
  'statusLine.eta': '{source, select, carrier {previsto {range}} other {estimado {range}}}',

  'timeline.placed': 'Pedido realizado',
  'timeline.confirmed': 'Pedido confirmado',
  'timeline.packed': 'Pedido empaquetado',
  'timeline.cancelled': 'Pedido cancelado',

  'answer.intro.placed': 'Gracias por su pedido {number}. Lo hemos recibido y lo estamos preparando.',
  'answer.intro.confirmed': 'Su pedido {number} está confirmado y lo estamos preparando para el envío.',
  'answer.intro.packed': 'Su pedido {number} está empaquetado y en breve se entregará al transportista.',
  'answer.intro.shipped': 'Su pedido {number} se ha enviado.',
  'answer.intro.partially_shipped': 'Parte de su pedido {number} ya se ha enviado.',
  'answer.intro.in_transit': 'Su pedido {number} está en camino.',
  'answer.intro.out_for_delivery': 'Su pedido {number} está a punto de llegar.',
  'answer.intro.partially_delivered': 'Parte de su pedido {number} ya se ha entregado.',
  'answer.intro.delivered': 'Su pedido {number} se ha entregado.',
  'answer.intro.exception': 'Le informamos del estado actual de su pedido {number}.',
  'answer.intro.return_in_progress': 'Le informamos del estado actual de la devolución de su pedido {number}.',
  'answer.intro.returned':
    '{fromCustomer, select, yes {Hemos recibido la devolución de su pedido {number}.} other {Nos han devuelto su pedido {number}.}}',
  'answer.intro.cancelled': 'Su pedido {number} se ha cancelado.',
  'answer.parcelCount': 'Su pedido se ha dividido en {count, plural, one {# paquete} other {# paquetes}}.',
  'answer.unshipped': 'Pendiente de envío: {items}.',

  'answer.subject.only': 'Su paquete',
  'answer.subject.onlyWithOrder': 'El paquete de su pedido {number}',
  'answer.subject.numbered': 'El paquete {index} de {count}',
  'answer.subject.numberedWithItems': 'El paquete {index} de {count} ({items})',
  'answer.subject.return': 'Su paquete de devolución',

  'answer.parcel.being_packed': '{subject} se está empaquetando.',
  'answer.parcel.awaiting_pickup': '{subject} está empaquetado y a la espera de que {carrier} lo recoja.',
  'answer.parcel.pickup_scheduled': '{subject} está empaquetado y {carrier} ya ha programado la recogida.',
  'answer.parcel.picked_up': '{subject} se ha entregado a {carrier}.',
  'answer.parcel.in_transit': '{subject} está en camino con {carrier}.',
  'answer.parcel.departed_origin_country': '{subject} ha salido del país de origen y va de camino hacia usted con {carrier}.',
  'answer.parcel.arrived_in_destination_country': '{subject} ha llegado al país de destino y va de camino hacia usted con {carrier}.',
  'answer.parcel.handed_over_to_carrier': '{subject} se ha entregado a {nextCarrier} para el reparto.',
  'answer.parcel.customs_processing': '{subject} está en trámite de aduanas.',
  'answer.parcel.customs_cleared': '{subject} ha pasado la aduana y está en camino con {carrier}.',
  'answer.parcel.delayed':
    '{subject} está en camino con {carrier}, pero lleva retraso{reason, select, delayed_weather { por el mal tiempo} delayed_carrier_issue { por un problema operativo} delayed_volume { por el gran volumen de envíos} other {}}.',
  'answer.parcel.delivery_rescheduled': '{subject} está en camino; {carrier} ha aplazado la entrega a otro día.',
  'answer.parcel.delivery_appointment_scheduled': '{subject} está en camino; se ha acordado una cita de entrega con {carrier}.',
  'answer.parcel.rerouted': '{carrier} está redirigiendo {subjectMidSentence} a una nueva dirección o a un punto de recogida.',
  'answer.parcel.missorted': '{subject} se envió por error a otro centro y {carrier} lo está redirigiendo.',
  'answer.parcel.out_for_delivery': '{subject} está{today, select, yes { hoy} other {}} en reparto con {carrier}.',
  'answer.parcel.ready_for_pickup':
    '{subject} está disponible para recoger{hasDeadline, select, yes { hasta el {deadline}} other {}}{hasPlace, select, yes { en este punto: {place}} other { en {carrier}}}.',
  'answer.parcel.attempt_failed':
    '{subject} no se pudo entregar el {day}{reason, select, recipient_absent {: no había nadie para recibirlo} business_closed {: el establecimiento estaba cerrado} no_access {: el repartidor no pudo acceder a la puerta} other {}}.',
  'answer.parcel.attempt_failed_address': '{subject} no se pudo entregar el {day} por un problema con la dirección.',
  'answer.parcel.refused': '{subject} se rechazó en la entrega y está volviendo a nosotros.',
  'answer.parcel.delivered': '{carrier} entregó {subjectMidSentence} el {when}.',
  'answer.parcel.delivered_to_neighbour': '{carrier} entregó {subjectMidSentence} a un vecino el {when}.',
  'answer.parcel.delivered_to_safe_place': '{carrier} dejó {subjectMidSentence} en un lugar seguro el {when}.',
  'answer.parcel.delivered_to_mailbox': '{carrier} depositó {subjectMidSentence} en su buzón el {when}.',
  'answer.parcel.delivered_to_locker_or_parcel_shop':
    '{carrier} entregó {subjectMidSentence} el {when} en el punto de recogida o la taquilla que usted eligió.',
  'answer.parcel.picked_up_by_recipient': '{subject} se recogió el {when}.',
  'answer.parcel.signature_obtained':
    '{carrier} entregó {subjectMidSentence} el {when} con firma{hasSigner, select, yes { de {signer}} other {}}.',
  'answer.parcel.carrier_exception': '{subject} está detenido por una incidencia de {carrier}.',
  'answer.parcel.held_by_carrier': '{carrier} ha retenido {subjectMidSentence} para una comprobación.',
  'answer.parcel.customs_held': '{subject} está retenido en la aduana{hasHeldAt, select, yes { de {heldAt}} other {}}.',
  'answer.parcel.customs_documents_needed':
    '{subject} está retenido en la aduana{hasHeldAt, select, yes { de {heldAt}} other {}}: {carrier} necesita la documentación aduanera para que puedan liberarlo.',
  'answer.parcel.customs_recipient_information_needed':
    '{subject} está pendiente de despacho en la aduana{hasHeldAt, select, yes { de {heldAt}} other {}}.',
  'answer.parcel.customs_duties_unpaid':
    '{subject} está retenido en la aduana{hasHeldAt, select, yes { de {heldAt}} other {}} hasta que se paguen los aranceles e impuestos de importación.',
  'answer.parcel.held_for_payment': '{carrier} retiene {subjectMidSentence} hasta que se pague un importe pendiente.',
  'answer.parcel.address_problem': '{subject} está retenido porque {carrier} no logra identificar la dirección de entrega.',
  'answer.parcel.damaged': '{subject} sufrió daños durante el transporte. Lo sentimos mucho.',
  'answer.parcel.lost': '{carrier} ha dado por perdido {subjectMidSentence}. Lo sentimos mucho.',
  'answer.parcel.rejected_by_carrier': '{carrier} no aceptó transportar {subjectMidSentence}.',
  'answer.parcel.disposed': '{subject} ya no se puede entregar: se destruyó durante el transporte.',
  'answer.parcel.returning_undeliverable': '{subject} no se pudo entregar y está volviendo a nosotros.',
  'answer.parcel.returned_undeliverable': '{subject} no se pudo entregar y ya ha vuelto a nosotros.',
  'answer.parcel.cancelled': '{subject} se canceló antes de enviarse.',
  'answer.parcel.return_not_sent': '{subject} aún no se ha entregado a {carrier}.',
  'answer.parcel.return_on_its_way': '{subject} está de camino hacia nosotros con {carrier}.',
  'answer.parcel.return_arrived': '{subject} llegó a nuestras instalaciones el {when}.',

  'answer.lastUpdate': 'La última actualización de {carrier} fue el {when}.',
  'answer.lastUpdateAt': 'La última actualización de {carrier} fue el {when} ({place}).',
  'answer.deliveryPlace': '{carrier} indicó dónde lo dejó: «{place}».',
  'answer.eta.carrierDay': '{carrier} prevé la entrega el {day}.',
  'answer.eta.carrierWindow': '{carrier} prevé la entrega el {day} entre las {from} y las {to}.',
  'answer.eta.carrierRange': '{carrier} prevé la entrega entre el {from} y el {to}.',
  'answer.eta.predictedDay': 'Según nuestros envíos recientes con {carrier}, esperamos que llegue el {from}.',
  'answer.eta.predictedRange': 'Según nuestros envíos recientes con {carrier}, esperamos que llegue el {from} y, como muy tarde, el {to}.',
  'answer.trackingLink': 'Seguimiento: {url}',

  'answer.delay.stalled': 'Está tardando más de lo habitual, así que lo estamos consultando con {carrier}.',
  'answer.delay.never_scanned': 'Está tardando más de lo previsto, así que lo estamos comprobando con nuestro almacén.',
  'answer.delay.latePromise': 'Lamentamos no haber podido cumplir la fecha de entrega que le prometimos ({date}).',
  'answer.delay.lateCarrierEstimate': '{carrier} tenía previsto entregarlo como muy tarde el {date}; disculpe la espera.',
  'answer.delay.orderLate': 'Lamentamos no haber podido cumplir la fecha de entrega que le prometimos para su pedido ({date}).',
  'answer.delay.notReceived': 'Lamentamos que no le haya llegado; lo estamos comprobando con {carrier}.',

  'answer.step.ask_customer_to_collect': 'Recuerde llevar un documento de identidad o el código de recogida que le envió {carrier}.',
  'answer.step.ask_customer_to_rearrange_delivery':
    'Acuerde una nueva entrega con {carrier}{contactKind, select, url {: {contact}} phone { en el {contact}} other {}}.',
  'answer.step.confirm_address_with_customer':
    'Responda a este mensaje con su dirección de entrega completa y se la haremos llegar a {carrier}.',
  'answer.step.ask_customer_to_pay_charges':
    'Abone el importe pendiente a {carrier}{contactKind, select, url {: {contact}} phone { en el {contact}} other {}}; después se liberará el paquete.',
  'answer.step.ask_customer_for_customs_information':
    'La aduana necesita algunos datos suyos antes de liberar el paquete. Póngase en contacto con {carrier}{contactKind, select, url {: {contact}} phone { en el {contact}} other {}}.',
  'answer.step.check_delivery_place_with_customer':
    '¿Podría preguntar a sus vecinos y revisar los alrededores de su domicilio (buzón, entrada, garaje)? A veces los paquetes aparecen un poco más tarde.',
  'answer.step.remind_customer_to_send_return': 'Entréguelo en un punto de {carrier}; lo veremos aquí en cuanto lo escaneen.',
  'answer.step.send_customs_documents':
    'Envíe la factura comercial y una descripción de los artículos a {carrier}{contactKind, select, url { ({contact})} phone { ({contact})} other {}} para que la aduana pueda liberar el paquete.',
  'answer.weAct.send_customs_documents': 'Se la estamos enviando a {carrier}; usted no tiene que hacer nada.',
  'answer.weAct.offer_reshipment_or_refund':
    'Con gusto le enviamos un reemplazo o le reembolsamos el importe completo: solo tiene que responder y decirnos qué prefiere.',
  'answer.weAct.process_return_refund':
    'Estamos revisando los artículos devueltos y le haremos el reembolso en breve; usted no tiene que hacer nada.',
  'answer.weAct.check_fulfilment_with_warehouse':
    'Estamos consultando con nuestro almacén cuándo se enviará {nothingShipped, select, yes {su pedido} other {el resto de su pedido}}; usted no tiene que hacer nada.',
  'answer.nothingToDo': '{scope, select, parcel {No tiene que hacer nada con este paquete.} other {No tiene que hacer nada.}}',

  'reply.greeting': 'Hola, {givenName}:',
  'reply.thanks': 'Gracias por escribirnos.',
  'reply.step.open_carrier_trace': 'He pedido a {carrier} que localice su paquete y le escribiré en cuanto tenga respuesta.',
  'reply.step.offer_reshipment_or_refund':
    'Con gusto le enviamos un reemplazo o le reembolsamos el importe completo; solo tiene que decirme qué prefiere.',
  'reply.step.send_customs_documents':
    'Estoy enviando a {carrier} la documentación que necesita la aduana para que puedan liberar su paquete.',
  'reply.step.check_handover_with_warehouse': 'Le escribiré en cuanto tenga noticias de nuestro almacén.',
  'reply.step.check_fulfilment_with_warehouse':
    'Estoy consultando con nuestro almacén cuándo se enviará {nothingShipped, select, yes {su pedido} other {el resto de su pedido}} y le responderé en breve.',
  'reply.step.process_return_refund': 'Estamos revisando los artículos devueltos y le haremos el reembolso en breve.',
  'reply.step.apologise_and_share_estimate': 'Disculpe la espera.',
  'reply.step.wait_for_return': 'En cuanto recibamos su devolución, nos ocuparemos del reembolso.',
  'reply.step.confirm_cancellation': 'Si ya había pagado, el importe se le devolverá a su método de pago original.',
  'reply.closing': 'Si tiene cualquier otra pregunta, basta con responder a este correo.',
  'reply.signOff': 'Un saludo,',
} as const satisfies MessageCatalogue;
