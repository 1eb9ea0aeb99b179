/**
 * The one API client of the pages: openapi-fetch over the generated contract (./schema.d.ts), so
 * every path, parameter, body and answer is typed from docs/openapi.json. The API shares the
 * pages' origin under `/api`. Every request carries the access token and the pages' language;
 * a 401 (a sign-in that ran out) sends the person to sign in again, drafts saved.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { API_BASE_PATH } from '../../../shared/http/base-path.ts';
import { currentLanguage } from '../i18n/language.ts';
import { accessToken, signInAgain } from '../session/session.ts';
import type { paths } from './schema.d.ts';

const signedInRequests: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token !== undefined) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) await signInAgain();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: API_BASE_PATH });
api.use(signedInRequests);
