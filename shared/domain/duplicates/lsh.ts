import { murmur3Bytes } from './murmur3.ts';

/** One band of an idea: where it is filed in the duplicate index, and in what order. */
export interface BandEntry {
  /**
   * `b<band, 2 digits>:<hash of the band's rows, 8 hex digits>`, e.g. `b03:9f2c1a7e`: the partition
   * key of the band item. Ideas with the same key are candidates for each other.
   */
  key: string;
  /**
   * One more MinHash value, 8 hex digits: the band item's sort key starts with it, and a lookup
   * reads the band from its own value onwards (see DUPLICATE_INDEX), so ideas that also agree
   * on this value, i.e. on two MinHash rows instead of one, come first and are never crowded out.
   */
  sort: string;
}

/**
 * Locality-sensitive hashing over a MinHash signature of `bands × (rows + 1)` values: the first
 * `bands × rows` are cut into `bands` bands of `rows` values, each hashed into a key; the last
 * `bands` give each band its sort value. Two ideas with Jaccard similarity J share a band's key
 * with probability J^rows, so at least one of `bands` keys with probability 1 − (1 − J^rows)^bands.
 * The band number is part of the key, so equal values in different bands do not meet.
 * An empty signature (a text without terms) has no bands: it is neither filed nor looked up.
 */
export function bandEntries(signature: readonly number[], bands: number, rows: number): BandEntry[] {
  if (signature.length === 0) {
    return [];
  }
  if (signature.length < bands * (rows + 1)) {
    throw new RangeError(`A signature of ${signature.length} values cannot fill ${bands} bands of ${rows} rows and their sort values`);
  }
  const entries: BandEntry[] = [];
  for (let band = 0; band < bands; band++) {
    const rowValues = Uint32Array.from(signature.slice(band * rows, (band + 1) * rows));
    const key = `b${String(band).padStart(2, '0')}:${hex(murmur3Bytes(new Uint8Array(rowValues.buffer), band))}`;
    entries.push({ key, sort: hex(signature[bands * rows + band] ?? 0) });
  }
  return entries;
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
