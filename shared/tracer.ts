import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

/**
 * The one tracer every function shares, like the logger (shared/logger.ts). In Lambda, with
 * active tracing on the function (infra/constructs/spire-function.ts), each invocation's handler
 * is a subsegment (`captureLambdaHandler`, in shared/http/handler.ts and each consumer and
 * schedule) and each AWS call one below it (`captureAWSv3Client`, in shared/aws/clients.ts).
 *
 * Powertools traces only in Lambda (AWS_EXECUTION_ENV is set there, and nowhere else), so unit
 * tests and the local runtime never look for an X-Ray daemon; POWERTOOLS_TRACE_ENABLED=false
 * turns it off in Lambda too.
 *
 * `captureHTTPsRequests: false`: the only outgoing calls are the AWS SDK's, which the client
 * capture records with their service, operation and resource; patching node:http as well would
 * add a second, nameless subsegment under each of them.
 */
export const tracer = new Tracer({ serviceName: 'spire', captureHTTPsRequests: false });

/**
 * The middy middleware that opens each invocation's handler subsegment (Powertools'
 * `captureLambdaHandler`). It comes first in each chain, so it closes last, after the errors
 * have become answers. Responses are not recorded: they carry people's names and free text, and
 * the CSV export is megabytes, far over what a trace document holds.
 */
export function traceHandler() {
  return captureLambdaHandler(tracer, { captureResponse: false });
}
