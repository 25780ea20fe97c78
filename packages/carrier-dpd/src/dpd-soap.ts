import { XMLBuilder } from 'fast-xml-parser';

/* The two SOAP requests, built by fast-xml-parser's builder so that every value is escaped. */

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';
const AUTHENTICATION_NAMESPACE = 'http://dpd.com/common/service/types/Authentication/2.0';
const LOGIN_NAMESPACE = 'http://dpd.com/common/service/types/LoginService/2.1';
const TRACKING_NAMESPACE = 'http://dpd.com/common/service/types/ParcelLifeCycleService/2.0';

/** `LoginService/V2_1 getAuth`: the delisId and password in the body. */
export function dpdLoginEnvelope(delisId: string, password: string, messageLanguage: string): string {
  return builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENVELOPE,
      '@_xmlns:ns': LOGIN_NAMESPACE,
      'soapenv:Header': '',
      'soapenv:Body': { 'ns:getAuth': { delisId, password, messageLanguage } },
    },
  }) as string;
}

/** `ParcelLifeCycleService/V2_0 getTrackingData`: the token in the `authentication` SOAP header. */
export function dpdTrackingEnvelope(delisId: string, authToken: string, messageLanguage: string, parcelLabelNumber: string): string {
  return builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENVELOPE,
      '@_xmlns:ns': AUTHENTICATION_NAMESPACE,
      '@_xmlns:ns1': TRACKING_NAMESPACE,
      'soapenv:Header': { 'ns:authentication': { delisId, authToken, messageLanguage } },
      'soapenv:Body': { 'ns1:getTrackingData': { parcelLabelNumber } },
    },
  }) as string;
}
