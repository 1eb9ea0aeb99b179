import type { HttpEvent } from './handler.ts';
import { PreconditionFailedError, PreconditionRequiredError } from './errors.ts';

/** The ETag of something versioned: its version number, quoted. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version the caller read, from `If-Match`. A change without it is refused (428), so two
 * people editing at once can never silently overwrite each other; a malformed one is stale (412).
 */
export function expectedVersion(event: HttpEvent): number {
  const header = event.headers['if-match'];
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredError();
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (match === null) throw new PreconditionFailedError();
  return Number(match[1]);
}
