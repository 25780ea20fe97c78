import { defineCarrier, type CarrierSettings } from '@wismo/core';
import { readXmlErrorBody } from '@wismo/core/internal';
import { canadaPostXmlParser, canadaPostTrackResponseSchema, readCanadaPostBody } from './canadapost-api';
import {
  CANADAPOST_CAPABILITIES,
  CANADAPOST_CARRIER_ID,
  CANADAPOST_CARRIER_NAME,
  CANADAPOST_CONTACT,
  CANADAPOST_MEDIA_TYPE,
  CANADAPOST_PRODUCTION_BASE_URL,
  CANADAPOST_TRACK_PATH,
  canadaPostTrackingUrl,
} from './canadapost-carrier';
import { parseCanadaPostTrackResponse } from './parse-canadapost-response';

export interface CanadaPostSettings extends CarrierSettings {
  /** The API key's user name (the part before `:`). Default: `CANADAPOST_USERNAME`. */
  username?: string;
  /** The API key's password (the part after `:`). Default: `CANADAPOST_PASSWORD`. */
  password?: string;
}

/** Canada Post answers in English or French only: `fr-*` → `fr-CA`, everything else → `en-CA`. */
export function canadaPostLanguage(locale: string | undefined): 'en-CA' | 'fr-CA' {
  return locale?.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}

export const createCanadaPost = defineCarrier<CanadaPostSettings>({
  id: CANADAPOST_CARRIER_ID,
  name: CANADAPOST_CARRIER_NAME,
  capabilities: CANADAPOST_CAPABILITIES,
  contact: CANADAPOST_CONTACT,
  trackingUrl: canadaPostTrackingUrl,
  baseUrl: CANADAPOST_PRODUCTION_BASE_URL,
  credentials: {
    username: { environmentVariable: 'CANADAPOST_USERNAME', label: 'API user name' },
    password: { environmentVariable: 'CANADAPOST_PASSWORD', label: 'API password' },
  },
  credentialsSource: 'the API keys of your Canada Post developer program account (canadapost-postescanada.ca)',
  auth: { type: 'basic', username: 'username', password: 'password' },
  locale: { form: 'hyphen', default: 'en-CA' },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/\s+/g, '').toUpperCase(),
  request: ({ trackingNumbers: [pin], locale }) => ({
    method: 'GET',
    url: `${CANADAPOST_TRACK_PATH}/${encodeURIComponent(pin!)}/detail`,
    headers: { Accept: CANADAPOST_MEDIA_TYPE, 'Accept-language': canadaPostLanguage(locale) },
  }),
  readBody: readCanadaPostBody,
  parse: parseCanadaPostTrackResponse,
  describeErrorBody(body) {
    const messages = readXmlErrorBody(body, canadaPostXmlParser, canadaPostTrackResponseSchema)?.messages?.message ?? [];
    if (messages.length === 0) return undefined;
    return {
      message:
        messages
          .map((message) => message.description)
          .filter(Boolean)
          .join('; ') || undefined,
      codes: messages.map((message) => message.code ?? '').filter(Boolean),
    };
  },
});

/** Configured from `CANADAPOST_USERNAME` and `CANADAPOST_PASSWORD`, read when first used. */
export const canadaPost = createCanadaPost();
