import type { NotifyCatalogue } from './en';

/** Spanish (tú), as Spanish online shops write to their customers. */
export const es = {
  greeting: 'Hola, {name}:',
  signoff: 'Un saludo, el equipo de {shop}',
  'cta.track': 'Seguir mi pedido',
  'label.order': 'Pedido',
  'label.expected': 'Entrega prevista',
  'label.tracking': 'Número de seguimiento',
  'when.single': 'el {date}',
  'when.range': 'entre el {from} y el {to}',
  'contact.or': '{phone} o {url}',
  'contact.must_act': 'Ponte en contacto con {carrier}: {contact}.',
  'contact.info': '¿Dudas sobre la entrega? {carrier}: {contact}',
  'footer.why': 'Recibes este correo porque hiciste un pedido en {shop}. Solo te escribimos sobre tu pedido.',
  'footer.unsubscribe': 'Dejar de recibir avisos de envío por correo',
  'sms.stop': 'Darse de baja: {url}',
  'carrier.unknown': 'la empresa de transporte',
  'reason.other': 'un problema con la entrega',

  'digest.shipped':
    '{all, select, yes {Los {total} paquetes de tu pedido ya están en camino.} other {{count} de los {total} paquetes de tu pedido ya están en camino; el resto llegará después.}}',
  'digest.in_transit':
    '{all, select, yes {Los {total} paquetes de tu pedido están en tránsito.} other {{count} de los {total} paquetes de tu pedido están en tránsito.}}',
  'digest.out_for_delivery':
    '{all, select, yes {Los {total} paquetes están en reparto hoy.} other {{count} de los {total} paquetes están en reparto hoy.}}',
  'digest.delivered':
    '{all, select, yes {Ya se han entregado los {total} paquetes.} other {Por ahora se han entregado {delivered} de los {total} paquetes.}}',

  'subject.order_confirmed': 'Gracias por tu pedido {orderNumber}',
  'heading.order_confirmed': 'Hemos recibido tu pedido',
  'body.order_confirmed':
    'Gracias por comprar en {shop}. Estamos preparando el pedido {orderNumber} y te avisaremos en cuanto salga hacia ti.',
  'sms.order_confirmed': '{shop}: ¡gracias por tu pedido {orderNumber}! Te avisaremos cuando lo enviemos. {link}',

  'subject.shipped': 'Tu pedido {orderNumber} ya está en camino',
  'heading.shipped': 'Tu pedido ya está en camino',
  'body.shipped': '{carrier} ha recogido tu paquete{hasWhen, select, yes { y prevé entregarlo {when}} other {}}.',
  'sms.shipped': '{shop}: tu pedido {orderNumber} ya va de camino con {carrier}. Síguelo aquí: {link}',

  'subject.in_transit': 'Tu paquete debería llegar {when}',
  'heading.in_transit': 'Tu paquete está en camino',
  'body.in_transit': 'Tu paquete del pedido {orderNumber} viaja con {carrier} y debería llegarte {when}.',
  'sms.in_transit': '{shop}: tu paquete del pedido {orderNumber} debería llegar {when}. {link}',

  'subject.expected_date_changed':
    '{later, select, yes {Nueva fecha de entrega para el pedido {orderNumber}} other {Buenas noticias: el pedido {orderNumber} llega antes}}',
  'heading.expected_date_changed': '{later, select, yes {Ha cambiado la fecha de entrega} other {Tu paquete llega antes de lo previsto}}',
  'body.expected_date_changed':
    '{carrier} prevé ahora entregar tu paquete {when}{hasPrevious, select, yes { en lugar de {previousWhen}} other {}}.{later, select, yes { Sentimos la espera.} other {}}',
  'sms.expected_date_changed': '{shop}: nueva fecha de entrega para el pedido {orderNumber}: {when}. {link}',

  'subject.delayed': 'Tu pedido {orderNumber} lleva retraso',
  'heading.delayed': 'Tu paquete está tardando más de lo previsto',
  'body.delayed':
    '{reason, select, stalled {{carrier} no ha escaneado tu paquete desde hace un tiempo.} late {Tu paquete no llegó en la fecha prevista.} other {{carrier} nos ha informado de un retraso.}} Lo estamos vigilando y te avisaremos en cuanto vuelva a moverse. Sentimos la espera.',
  'sms.delayed': '{shop}: tu pedido {orderNumber} lleva retraso con {carrier}. Lo estamos vigilando: {link}',

  'subject.exception':
    '{mustAct, select, yes {Necesitamos tu ayuda con el pedido {orderNumber}} other {Hay un problema con tu pedido {orderNumber}}}',
  'heading.exception':
    '{reason, select, customs {Tu paquete está retenido en aduanas} address_problem {Hay que revisar tu dirección} damaged {Tu paquete ha sufrido daños} lost {Tu paquete se ha perdido} other {Hay un problema con tu paquete}}',
  'body.exception':
    '{reason, select, customs {La aduana ha retenido tu paquete del pedido {orderNumber}.} address_problem {{carrier} no ha podido entregar tu paquete del pedido {orderNumber} en la dirección indicada.} damaged {Según {carrier}, tu paquete del pedido {orderNumber} se ha dañado durante el transporte.} lost {Según {carrier}, tu paquete del pedido {orderNumber} se ha perdido.} other {{carrier} nos informa de un problema con tu paquete del pedido {orderNumber}.}} {actor, select, customer {Ponte en contacto con {carrier} para que puedan entregártelo.} customs {De momento no tienes que hacer nada; te avisaremos cuando lo liberen.} shop {Ya nos estamos ocupando y te escribiremos muy pronto.} other {{carrier} lo está investigando; te mantendremos informado.}}',
  'sms.exception': '{shop}: hay un problema con el pedido {orderNumber} ({reasonText}). Más información: {link}',

  'subject.tracking_number_changed': 'Nuevo número de seguimiento para el pedido {orderNumber}',
  'heading.tracking_number_changed': 'Tu paquete tiene un nuevo número de seguimiento',
  'body.tracking_number_changed':
    'Tu paquete viaja ahora con el número de seguimiento {trackingNumber} de {carrier} (antes {previousTrackingNumber}). El enlace de seguimiento siempre muestra la información más reciente.',
  'sms.tracking_number_changed': '{shop}: el pedido {orderNumber} tiene un nuevo número de seguimiento: {trackingNumber}. {link}',

  'subject.ready_for_pickup': 'Tu paquete ya se puede recoger',
  'heading.ready_for_pickup': 'Listo para recoger',
  'body.ready_for_pickup':
    'Tu paquete del pedido {orderNumber} te está esperando{hasPlace, select, yes { en {place}} other {}}.{hasDeadline, select, yes { Recógelo como tarde el {deadline}; si no, nos lo devolverán.} other {}} No olvides llevar tu DNI o el código de recogida.',
  'sms.ready_for_pickup':
    '{shop}: tu paquete ya se puede recoger{hasPlace, select, yes { en {place}} other {}}{hasDeadline, select, yes {, hasta el {deadline}} other {}}. {link}',

  'subject.pickup_reminder': 'Recordatorio: recoge tu paquete como tarde el {deadline}',
  'heading.pickup_reminder': 'Tu paquete sigue esperándote',
  'body.pickup_reminder':
    'Tu paquete del pedido {orderNumber} sigue esperándote{hasPlace, select, yes { en {place}} other {}}. Recógelo como tarde el {deadline}; si no, nos lo devolverán.',
  'sms.pickup_reminder':
    '{shop}: recordatorio: tu paquete te espera{hasPlace, select, yes { en {place}} other {}} hasta el {deadline}. {link}',

  'subject.out_for_delivery': 'Tu paquete llega hoy',
  'heading.out_for_delivery': 'En reparto',
  'body.out_for_delivery': 'Tu paquete del pedido {orderNumber} va en la furgoneta de {carrier} y se entregará hoy.',
  'sms.out_for_delivery': '{shop}: tu paquete está en reparto con {carrier} y llega hoy. {link}',

  'subject.delivery_attempt_failed': '{carrier} no ha podido entregar tu paquete',
  'heading.delivery_attempt_failed': 'No te hemos encontrado en casa',
  'body.delivery_attempt_failed':
    '{carrier} ha intentado entregar tu paquete del pedido {orderNumber}, pero no ha sido posible.{hasPlace, select, yes { Ahora está aquí: {place}.} other {}}{hasDeadline, select, yes { Puedes recogerlo hasta el {deadline}.} other {}} Normalmente {carrier} vuelve a intentarlo el siguiente día laborable, o puedes acordar una nueva entrega directamente con ellos.',
  'sms.delivery_attempt_failed': '{shop}: {carrier} no ha podido entregar el pedido {orderNumber}. Qué hacer ahora: {link}',

  'subject.delivered':
    '{digest, select, all {Tu pedido {orderNumber} ha llegado completo} some {Entregados {delivered} de {total} paquetes del pedido {orderNumber}} other {Tu pedido {orderNumber} ha sido entregado}}',
  'heading.delivered': '{digest, select, some {Ha llegado parte de tu pedido} other {Tu pedido ha llegado}}',
  'body.delivered':
    '{hasPlace, select, yes {Dónde se dejó: {place}.} other {Tu paquete ha sido entregado.}}{hasSigner, select, yes { Lo recibió {signedBy}.} other {}} ¿No lo encuentras? Responde a este correo en los próximos días.',
  'sms.delivered':
    '{shop}: {digest, select, all {todos los paquetes del pedido {orderNumber} han sido entregados} some {entregados {delivered} de {total} paquetes del pedido {orderNumber}} other {el pedido {orderNumber} ha sido entregado}}{hasPlace, select, yes { ({place})} other {}}. {link}',

  'subject.return_received': 'Hemos recibido tu devolución del pedido {orderNumber}',
  'heading.return_received': 'Tu devolución ha llegado',
  'body.return_received':
    'Tu devolución del pedido {orderNumber} ha llegado a {shop}. Revisaremos los artículos y te escribiremos pronto sobre el reembolso o el cambio.',
  'sms.return_received': '{shop}: hemos recibido tu devolución del pedido {orderNumber}. Te escribiremos pronto sobre el reembolso. {link}',
} satisfies NotifyCatalogue;
