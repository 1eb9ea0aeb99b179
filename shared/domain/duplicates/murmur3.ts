const encoder = new TextEncoder();

/**
 * MurmurHash3 (x86, 32-bit) of the UTF-8 bytes of `text`, as an unsigned 32-bit integer.
 *
 * A fixed, published hash rather than anything seeded at runtime: signatures and band keys
 * are stored in the table, so every process on every machine must compute the same values
 * for the same text, today and after a redeploy. Known values are checked in the unit tests.
 */
export function murmur3(text: string, seed: number): number {
  return murmur3Bytes(encoder.encode(text), seed);
}

/** MurmurHash3 (x86, 32-bit) of `bytes`; lets a caller encode a string once and hash it with many seeds. */
export function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tailStart = bytes.length & ~3;
  let h = seed >>> 0;

  for (let i = 0; i < tailStart; i += 4) {
    h ^= scramble(view.getUint32(i, true), c1, c2);
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }

  const tailLength = bytes.length & 3;
  if (tailLength > 0) {
    // The last 1–3 bytes, little-endian, as the reference's switch with fall-through reads them.
    let tail = 0;
    for (let i = tailLength - 1; i >= 0; i--) {
      tail = (tail << 8) | (bytes[tailStart + i] ?? 0);
    }
    h ^= scramble(tail, c1, c2);
  }

  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function scramble(k: number, c1: number, c2: number): number {
  return Math.imul(rotl(Math.imul(k, c1), 15), c2);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
