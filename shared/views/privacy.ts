import type { ErasureRecord } from '../store/ports.ts';

/** An erasure as its requester reads it: never the hash that ties it to them. */
export function erasureDocument(record: ErasureRecord) {
  const { requesterHash: _requester, ...rest } = record;
  return rest;
}
