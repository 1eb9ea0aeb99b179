import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Language } from '../domain/idea.ts';
import type { Caller } from '../domain/roles.ts';
import { logger } from '../logger.ts';
import { flushMetrics } from '../metrics.ts';
import { traceHandler } from '../tracer.ts';
import { ENV, textEnv } from '../config.ts';
import { callerFrom } from './auth.ts';
import { negotiateLanguage } from './language.ts';
import { internalErrorResponse, problemResponse } from './problem.ts';
import { problemFor } from './refusals.ts';
import { withStandardHeaders } from './response.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What a route handler gets: the event, the caller's language and the verified caller. */
export interface HttpRequest {
  event: HttpEvent;
  context: Context;
  language: Language;
  caller: Caller;
}

const rolesClaim = textEnv(ENV.rolesClaim, 'roles');

/**
 * Maps errors to answers in one place: an HttpError, or a use case's or the store's refusal
 * (./refusals.ts), becomes its `application/problem+json` 4xx; anything else is logged with its
 * stack and answered with a bare 500 that names the request id, so no internal detail reaches the
 * caller.
 */
export function problemErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const language = negotiateLanguage(request.event.headers?.['accept-language']);
      const error = request.error;
      const problem = problemFor(error, language);
      if (problem !== undefined) {
        logger.info('Request refused', { status: problem.status, problem: problem.type });
        request.response = problemResponse(problem, language);
        return;
      }
      logger.error('Request failed', error as Error);
      request.response = internalErrorResponse(language, request.context.awsRequestId);
    },
  };
}

/**
 * Puts API Gateway's request id on every log line of the request as `correlation_id`, the key the
 * API's access log gives the same id (ACCESS_LOG_FORMAT in infra/stack.ts): one Logs Insights query
 * on `correlation_id` finds the access log line and the function's lines of one request
 * (docs/operations.md). Set directly rather than by `correlationIdPath`, which would bundle a
 * JMESPath engine into every function to read one field. `resetKeys` clears it after the request.
 */
export function correlationId(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const requestId = request.event.requestContext?.requestId;
      if (requestId !== undefined) logger.setCorrelationId(requestId);
    },
  };
}

/**
 * Gives every answer a function returns the headers every answer carries (./response.ts), whatever
 * built it; problem documents, made on the error path, carry them already.
 */
export function standardHeaders(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    after: (request) => {
      if (request.response !== null && request.response !== undefined) request.response = withStandardHeaders(request.response);
    },
  };
}

/** Wraps a route handler for API Gateway: tracing, logging with the Lambda context and correlation id, metrics, caller, language, errors, standard headers. */
export function httpRoute(handle: (request: HttpRequest) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult>()
    .use(traceHandler())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId())
    .use(flushMetrics())
    .use(problemErrors())
    .use(standardHeaders())
    .handler(async (event, context) =>
      handle({
        event,
        context,
        language: negotiateLanguage(event.headers?.['accept-language']),
        caller: callerFrom(event, rolesClaim),
      }),
    );
}

/** Wraps a public route handler (no caller), such as the health check. */
export function publicRoute(handle: (event: HttpEvent) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult>()
    .use(traceHandler())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId())
    .use(flushMetrics())
    .use(problemErrors())
    .use(standardHeaders())
    .handler(handle);
}
