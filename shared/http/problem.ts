import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Language } from '../domain/idea.ts';
import { HttpError } from './errors.ts';
import { PROBLEM_TYPES, PROBLEM_TYPE_PREFIX } from './problem-types.ts';
import { STANDARD_HEADERS } from './response.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** An `application/problem+json` response (RFC 9457) for a 4xx the caller may see; like every answer, never cached or sniffed. */
export function problemResponse(error: HttpError, language: Language, instance?: string): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: `${PROBLEM_TYPE_PREFIX}${error.type}`,
    title: error.title[language],
    status: error.status,
    ...(error.detailText === undefined ? {} : { detail: error.detailText[language] }),
    ...(instance === undefined ? {} : { instance }),
    ...error.extensions(),
  };
  return {
    statusCode: error.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': language, ...STANDARD_HEADERS, ...error.headers },
    body: JSON.stringify(body),
  };
}

/** The 500 answer: no details, which stay in the logs under the request id. */
export function internalErrorResponse(language: Language, requestId: string): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: `${PROBLEM_TYPE_PREFIX}internal`,
    title: PROBLEM_TYPES.internal.title[language],
    status: 500,
    detail:
      language === 'da'
        ? `Prøv igen om lidt. Oplys fejl-id ${requestId}, hvis det bliver ved.`
        : `Please try again shortly. Quote error id ${requestId} if it persists.`,
  };
  return {
    statusCode: 500,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': language, ...STANDARD_HEADERS },
    body: JSON.stringify(body),
  };
}
