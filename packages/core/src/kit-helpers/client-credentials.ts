import type { CarrierSettings, CredentialDescription } from '../adapter/define-carrier';

/** The settings of a carrier whose credentials are a client id and secret (OAuth, or headers like Royal Mail's). */
export interface ClientCredentialSettings extends CarrierSettings {
  /** The client id of your app on the carrier's developer portal (see its README). Default: `<CARRIER>_CLIENT_ID`. */
  clientId?: string;
  /** The app's client secret. Default: `<CARRIER>_CLIENT_SECRET`. */
  clientSecret?: string;
}

/**
 * A description's `credentials` for `clientId` and `clientSecret`, read from `<PREFIX>_CLIENT_ID` and
 * `<PREFIX>_CLIENT_SECRET` when the settings leave them out; `labels` word them for the configuration error.
 */
export function clientCredentials(
  environmentPrefix: string,
  labels: { clientId: string; clientSecret: string } = { clientId: 'client id', clientSecret: 'client secret' },
): Record<'clientId' | 'clientSecret', CredentialDescription> {
  return {
    clientId: { environmentVariable: `${environmentPrefix}_CLIENT_ID`, label: labels.clientId },
    clientSecret: { environmentVariable: `${environmentPrefix}_CLIENT_SECRET`, label: labels.clientSecret },
  };
}
