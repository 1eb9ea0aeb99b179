/**
 * The local runtime's development routes, for scripts and tests: served under the API's base path
 * by `npm start` and the integration tests' runtimes, never deployed (in AWS they answer 404). The
 * runtime routes them by this description (./runtime.ts), the OpenAPI document describes them from
 * it, tagged Development and marked `x-spire-local-only` (infra/openapi/document.ts), and the
 * integration tests check their answers against that document (test/integration/contract.ts).
 */
import * as z from 'zod';
import { DevToken, DevTokenRequest } from './dev-issuer.ts';
import type { OutboxMessage } from './outbox.ts';

/** GET /dev/outbox: how many e-mails to list, newest first. */
const OutboxQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** One e-mail as the outbox lists it: the compiler holds it to OutboxMessage, what the outbox keeps. */
const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  language: z.string(),
  sentAt: z.iso.datetime(),
}) satisfies z.ZodType<OutboxMessage>;

/** What GET /dev/outbox answers. */
const DevOutbox = z.object({ items: z.array(OutboxMail) });

/**
 * A development route: its method and path (under `/api`, as ROUTES writes theirs), what it
 * reads (a JSON body, or the query) and what it answers. A body and an answer are named as their
 * components in the OpenAPI document.
 */
export interface DevRouteDescription {
  method: 'GET' | 'POST';
  path: `/dev/${string}`;
  input: { in: 'body'; name: string; schema: z.ZodType } | { in: 'query'; schema: z.ZodType };
  answer: { name: string; schema: z.ZodType };
}

/** Every development route, by its name (the document's `operationId`). */
export const DEV_ROUTES = {
  issueDevToken: {
    method: 'POST',
    path: '/dev/token',
    input: { in: 'body', name: 'DevTokenRequest', schema: DevTokenRequest },
    answer: { name: 'DevToken', schema: DevToken },
  },
  listDevOutbox: {
    method: 'GET',
    path: '/dev/outbox',
    input: { in: 'query', schema: OutboxQuery },
    answer: { name: 'DevOutbox', schema: DevOutbox },
  },
} as const satisfies Record<string, DevRouteDescription>;

export type DevRouteName = keyof typeof DEV_ROUTES;
/** What a development route reads, parsed. */
export type DevRouteInput<Name extends DevRouteName> = z.output<(typeof DEV_ROUTES)[Name]['input']['schema']>;
/** What a development route answers. */
export type DevRouteAnswer<Name extends DevRouteName> = z.output<(typeof DEV_ROUTES)[Name]['answer']['schema']>;

/** The development route for a method and route path (without the stage), exactly; undefined for any other request. */
export function devRouteOf(method: string, path: string): DevRouteName | undefined {
  return (Object.keys(DEV_ROUTES) as DevRouteName[]).find((name) => DEV_ROUTES[name].method === method && DEV_ROUTES[name].path === path);
}
