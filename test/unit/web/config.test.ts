import { describe, expect, it } from 'vitest';
import { webConfigOf } from '../../../web/src/config.ts';

const LOCAL = {
  oidc: { authority: 'http://localhost:3000/oidc', clientId: 'spire-web', scope: 'openid profile email', extraQueryParams: { resource: 'http://localhost:3000/api' } },
  departments: ['Ældre og Sundhed', 'Børn og Unge'],
  triageServiceLevelDays: 14,
};

describe('webConfigOf', () => {
  it('takes the local runtime’s /config.json as it is', () => {
    expect(webConfigOf(LOCAL)).toEqual(LOCAL);
  });

  it.each([
    ['oidc.authority', { ...LOCAL, oidc: { ...LOCAL.oidc, authority: '' } }],
    ['oidc.clientId', { ...LOCAL, oidc: { authority: 'https://login.microsoftonline.com/t/v2.0', scope: 'api://spire/.default' } }],
    ['oidc.extraQueryParams', { ...LOCAL, oidc: { ...LOCAL.oidc, extraQueryParams: { resource: 7 } } }],
    ['departments', { ...LOCAL, departments: 'Ældre og Sundhed' }],
    ['triageServiceLevelDays', { ...LOCAL, triageServiceLevelDays: '14' }],
    ['oidc.authority', 'not a document'],
  ])('names %s when it is missing or wrong', (setting, document) => {
    expect(() => webConfigOf(document)).toThrow(`/config.json: ${setting} is missing`);
  });
});
