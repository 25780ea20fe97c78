import type { OrderViewService, ServedOrderView } from '@wismo/helpdesk';

/** The order-view service of @wismo/helpdesk: the server uses the same one for the API, the page and the panels. */
export type OrderViewServiceLike = OrderViewService;
export type ServedOrderViewLike = ServedOrderView;
