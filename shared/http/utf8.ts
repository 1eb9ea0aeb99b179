/**
 * Request bytes as text, without hiding bytes that are not UTF-8.
 *
 * A decoder that replaces them with U+FFFD (`TextDecoder`'s default, and `URLSearchParams`) would
 * let a field that is not text at all (`department=IT%ED%A0%80`, a lone surrogate as a client
 * that encodes UTF-16 code units sends it) be stored as "IT���". Here each byte that is not part
 * of well-formed UTF-8 becomes a lone surrogate, U+DC80–U+DCFF (Python's "surrogateescape"), so
 * the text is not well-formed Unicode and the field's schema refuses it, naming the field, as it
 * refuses a lone surrogate written as a JSON escape (shared/schemas/text.ts).
 */

const stripsBom = new TextDecoder('utf-8', { fatal: true });
const keepsBom = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * UTF-8 bytes as text; a byte that is not part of well-formed UTF-8 becomes U+DC80 + (byte − 0x80).
 * A byte order mark at the start is dropped (as `TextDecoder` does) unless `keepBom`.
 */
export function decodeUtf8(bytes: Uint8Array, { keepBom = false }: { keepBom?: boolean } = {}): string {
  try {
    return (keepBom ? keepsBom : stripsBom).decode(bytes);
  } catch {
    const bom = !keepBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return decodeEscapingInvalid(bom ? bytes.subarray(3) : bytes);
  }
}

/** The well-formed UTF-8 byte sequences of the Unicode Standard (table 3-7), the others escaped byte by byte. */
function decodeEscapingInvalid(bytes: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      units.push(0xdc00 + lead);
      i += 1;
      continue;
    }
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | ((bytes[i + k] as number) & 0x3f);
    if (codePoint > 0xffff) units.push(0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + ((codePoint - 0x10000) & 0x3ff));
    else units.push(codePoint);
    i += length;
  }
  let text = '';
  for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.slice(start, start + 8192));
  return text;
}

/** How many bytes the well-formed sequence at `i` has, or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  const inRange = (offset: number, low: number, high: number) => {
    const b = bytes[i + offset];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 <= 0x7f) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [low, high] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return inRange(1, low, high) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [low, high] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return inRange(1, low, high) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/**
 * The name–value pairs of an `application/x-www-form-urlencoded` body, in order, as the WHATWG
 * URL Standard parses them (split on `&`, then on the first `=`, `+` is a space, `%XX` a byte, a
 * `%` without two hex digits kept as it is), except that each name and value is decoded with
 * `decodeUtf8`, so bytes that are not UTF-8 are not replaced but left to be refused.
 */
export function formPairs(bytes: Uint8Array): [string, string][] {
  const pairs: [string, string][] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26, start);
    if (end === -1) end = bytes.length;
    if (end > start) {
      const sequence = bytes.subarray(start, end);
      const equals = sequence.indexOf(0x3d);
      const name = equals === -1 ? sequence : sequence.subarray(0, equals);
      const value = equals === -1 ? new Uint8Array(0) : sequence.subarray(equals + 1);
      pairs.push([decodeUtf8(percentDecode(name), { keepBom: true }), decodeUtf8(percentDecode(value), { keepBom: true })]);
    }
    start = end + 1;
  }
  return pairs;
}

function percentDecode(input: Uint8Array): Uint8Array {
  const output = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i] as number;
    const high = hexValue(input[i + 1]);
    const low = hexValue(input[i + 2]);
    if (byte === 0x25 && high !== undefined && low !== undefined) {
      output[length++] = (high << 4) | low;
      i += 2;
    } else {
      output[length++] = byte === 0x2b ? 0x20 : byte;
    }
  }
  return output.subarray(0, length);
}

function hexValue(byte: number | undefined): number | undefined {
  if (byte === undefined) return undefined;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return undefined;
}
