import { readFileSync } from 'node:fs';
import type { PushRequest } from '@wismo/core';

/** A fixture's exact bytes: signatures below were computed over these with openssl, outside the code under test. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return Buffer.from(fixtureBytes(name)).toString('utf8');
}

export function pushRequest(
  body: Uint8Array | string,
  headers: Record<string, string>,
  options: { receivedAt?: Date; url?: string } = {},
): PushRequest {
  return {
    method: 'POST',
    url: options.url ?? '/webhooks/aggregators/test',
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    receivedAt: options.receivedAt ?? new Date('2026-12-05T13:10:30Z'),
  };
}

/** Flips one byte in the middle: same length, different content. */
export function tampered(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const middle = Math.floor(copy.length / 2);
  copy[middle] = copy[middle] === 0x41 ? 0x42 : 0x41;
  return copy;
}

/*
 * Vectors, computed with openssl over the fixture files (see each constant), never with the code under test:
 *   openssl dgst -sha256 -hmac 'as-webhook-secret-7f3a' -binary aftership-tracking-update.json | base64
 *   openssl dgst -sha256 -hmac 'fi-secret-e2e' easypost-tracker-updated.json
 *   { printf '%s' 'Sat, 05 Dec 2026 13:10:05 -0000'; printf POST; printf '%s' /webhooks/aggregators/easypost;
 *     cat easypost-tracker-updated.json; } | openssl dgst -sha256 -hmac 'fi-secret-e2e'
 *   { cat seventeen-track-tracking-updated.json; printf '/%s' '17track-api-key-55e1'; } | openssl dgst -sha256
 */
export const AFTERSHIP_SECRET = 'as-webhook-secret-7f3a';
export const AFTERSHIP_SIGNATURE = 'bt6HbSqGO1lcvTpNB3q0gkGQhYuiyQENpbfCXRJLRCk=';
/** U+FB01 (ﬁ) is `fi` under NFKD: EasyPost signs with the normalised secret, so openssl was given `fi-secret-e2e`. */
export const EASYPOST_SECRET = '\uFB01-secret-e2e';
export const EASYPOST_LEGACY_SIGNATURE = 'hmac-sha256-hex=666bd0e36c1982c652635e4e48be9d920bde671e4393d95d0e65b030cf3001a0';
export const EASYPOST_V2_TIMESTAMP = 'Sat, 05 Dec 2026 13:10:05 -0000';
export const EASYPOST_V2_PATH = '/webhooks/aggregators/easypost';
export const EASYPOST_V2_SIGNATURE = 'hmac-sha256-hex=641e1c7685108a38acfeeef957ace772c8592b7d184841b0d6e3463089a57e87';
export const SEVENTEEN_TRACK_KEY = '17track-api-key-55e1';
export const SEVENTEEN_TRACK_SIGN = 'de3a6efa3c0d1fd9bb2fefce4f6b4455247ae16f811ab4f7fe86a3194928ceba';
export const SHIP24_SECRET = 'ship24-webhook-secret-9d0c';
