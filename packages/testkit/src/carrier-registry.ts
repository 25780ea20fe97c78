import { createDhl } from '@wismo/carrier-dhl';
import { createDhlParcelDe } from '@wismo/carrier-dhlparcelde';
import { createAusPost } from '@wismo/carrier-auspost';
import { createCanadaPost } from '@wismo/carrier-canadapost';
import { createRoyalMail } from '@wismo/carrier-royalmail';
import { createBpost } from '@wismo/carrier-bpost';
import { createDpd } from '@wismo/carrier-dpd';
import { createFedex } from '@wismo/carrier-fedex';
import { createGls } from '@wismo/carrier-gls';
import { createPostnl } from '@wismo/carrier-postnl';
import { createLaposte } from '@wismo/carrier-laposte';
import { createHermes } from '@wismo/carrier-hermes';
import { createUps } from '@wismo/carrier-ups';
import { createUsps } from '@wismo/carrier-usps';
import type { CarrierAdapter, CarrierInfo } from '@wismo/core';

/** A registered carrier: how to build its adapter, and what it needs to be configured. */
export interface RegisteredCarrier {
  create(settings?: Record<string, unknown>): CarrierAdapter;
  readonly carrier: CarrierInfo;
}

function registered(factory: ((settings?: never) => CarrierAdapter) & { carrier: CarrierInfo }): RegisteredCarrier {
  return { create: (settings) => factory(settings as never), carrier: factory.carrier };
}

/**
 * Every carrier wismo ships, registered once: the CLI's configuration and formatting, the sandbox list and the
 * end-to-end tests read them from here. A new carrier is added to this object (and gets a sandbox in `SANDBOX_CARRIERS`).
 */
export const WISMO_CARRIERS = {
  ups: registered(createUps),
  fedex: registered(createFedex),
  usps: registered(createUsps),
  dhl: registered(createDhl),
  dhlparcelde: registered(createDhlParcelDe),
  gls: registered(createGls),
  postnl: registered(createPostnl),
  laposte: registered(createLaposte),
  hermes: registered(createHermes),
  dpd: registered(createDpd),
  bpost: registered(createBpost),
  auspost: registered(createAusPost),
  royalmail: registered(createRoyalMail),
  canadapost: registered(createCanadaPost),
} as const satisfies Record<string, RegisteredCarrier>;

export type WismoCarrierId = keyof typeof WISMO_CARRIERS;

export const WISMO_CARRIER_IDS = Object.keys(WISMO_CARRIERS) as WismoCarrierId[];

export function isWismoCarrierId(value: string): value is WismoCarrierId {
  return Object.hasOwn(WISMO_CARRIERS, value);
}
