/**
 * Which versions of something versioned a caller accepts (its `If-Match`, RFC 9110 §13.1.1, as
 * shared/http/preconditions.ts reads it): `*`, any current version, or the versions listed. An
 * empty list is a precondition that nothing satisfies.
 */
export type VersionMatch = '*' | readonly number[];

/** Whether the thing at `version` satisfies the caller's match. */
export function matchesVersion(match: VersionMatch, version: number): boolean {
  return match === '*' || match.includes(version);
}
