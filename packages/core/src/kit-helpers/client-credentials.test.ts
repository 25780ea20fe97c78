import { describe, expect, it } from 'vitest';
import { clientCredentials } from './client-credentials';

describe('clientCredentials', () => {
  it('names the prefixed environment variables, with the carrier’s words when given', () => {
    expect(clientCredentials('ACME')).toEqual({
      clientId: { environmentVariable: 'ACME_CLIENT_ID', label: 'client id' },
      clientSecret: { environmentVariable: 'ACME_CLIENT_SECRET', label: 'client secret' },
    });
    expect(clientCredentials('ACME', { clientId: 'API key', clientSecret: 'secret key' }).clientSecret).toEqual({
      environmentVariable: 'ACME_CLIENT_SECRET',
      label: 'secret key',
    });
  });
});
