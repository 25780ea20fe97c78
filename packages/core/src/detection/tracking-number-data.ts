// The open data (jkeen/tracking_number_data, MIT), copied unmodified to packages/core/data/tracking-number-data
// and refreshed with packages/core/scripts/refresh-tracking-number-data.mjs. JSON imports: tsup bundles them.
import amazon from '../../data/tracking-number-data/couriers/amazon.json';
import canadaPost from '../../data/tracking-number-data/couriers/canadapost.json';
import canpar from '../../data/tracking-number-data/couriers/canpar.json';
import dhl from '../../data/tracking-number-data/couriers/dhl.json';
import dpd from '../../data/tracking-number-data/couriers/dpd.json';
import fedex from '../../data/tracking-number-data/couriers/fedex.json';
import gofo from '../../data/tracking-number-data/couriers/gofo.json';
import landmark from '../../data/tracking-number-data/couriers/landmark.json';
import lasership from '../../data/tracking-number-data/couriers/lasership.json';
import oldDominion from '../../data/tracking-number-data/couriers/old_dominion.json';
import ontrac from '../../data/tracking-number-data/couriers/ontrac.json';
import purolator from '../../data/tracking-number-data/couriers/purolator.json';
import s10 from '../../data/tracking-number-data/couriers/s10.json';
import speedee from '../../data/tracking-number-data/couriers/speedee.json';
import ups from '../../data/tracking-number-data/couriers/ups.json';
import usps from '../../data/tracking-number-data/couriers/usps.json';
import yodel from '../../data/tracking-number-data/couriers/yodel.json';
import yunexpress from '../../data/tracking-number-data/couriers/yunexpress.json';
import type { CourierDefinition } from './tracking-number-definition';

/** Every courier file of the bundled data, in file-name order (which is also the ranking tie-break order). */
export const TRACKING_NUMBER_DATA: readonly CourierDefinition[] = [
  amazon,
  canadaPost,
  canpar,
  dhl,
  dpd,
  fedex,
  gofo,
  landmark,
  lasership,
  oldDominion,
  ontrac,
  purolator,
  s10,
  speedee,
  ups,
  usps,
  yodel,
  yunexpress,
];
