import type { PushReceiver } from '@wismo/core';
import { createAftershipReceiver } from './aftership-bridge';
import { createEasypostReceiver } from './easypost-bridge';
import { createSeventeenTrackReceiver } from './seventeen-track-bridge';
import { createShip24Receiver } from './ship24-bridge';

/** The environment variables that turn each bridge on (the value is the vendor's webhook secret). */
export const BRIDGE_ENVIRONMENT = {
  aftership: 'WISMO_AFTERSHIP_WEBHOOK_SECRET',
  easypost: 'WISMO_EASYPOST_WEBHOOK_SECRET',
  ship24: 'WISMO_SHIP24_WEBHOOK_SECRET',
  '17track': 'WISMO_17TRACK_API_KEY',
} as const;

/**
 * The bridges whose secret is set, ready for the server's `push.receivers`: each answers at
 * `POST /webhooks/aggregators/{source}`. `WISMO_EASYPOST_REQUIRE_V2=1` refuses EasyPost's legacy (untimed) signature.
 */
export function createBridgeReceivers(environment: Readonly<Record<string, string | undefined>> = process.env): PushReceiver[] {
  const receivers: PushReceiver[] = [];
  const secret = (name: string) => environment[name]?.trim() || undefined;
  const aftership = secret(BRIDGE_ENVIRONMENT.aftership);
  if (aftership) receivers.push(createAftershipReceiver({ webhookSecret: aftership }));
  const easypost = secret(BRIDGE_ENVIRONMENT.easypost);
  if (easypost) receivers.push(createEasypostReceiver({ webhookSecret: easypost, requireV2: secret('WISMO_EASYPOST_REQUIRE_V2') === '1' }));
  const ship24 = secret(BRIDGE_ENVIRONMENT.ship24);
  if (ship24) receivers.push(createShip24Receiver({ webhookSecret: ship24 }));
  const seventeenTrack = secret(BRIDGE_ENVIRONMENT['17track']);
  if (seventeenTrack) receivers.push(createSeventeenTrackReceiver({ apiKey: seventeenTrack }));
  return receivers;
}
