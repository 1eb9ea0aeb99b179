import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createScanner } from 'jsonc-parser';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.ts';
import { decodeUtf8, formPairs } from './utf8.ts';
import { pointer } from './validation.ts';

/** The largest body any route accepts. An idea of 4,000 characters in Danish fits several times over. */
export const MAX_BODY_BYTES = 32 * 1024;

export type BodyFormat = 'json' | 'form';

/**
 * Reads the request body as JSON or as an HTML form (`application/x-www-form-urlencoded`),
 * enforcing the size cap. API Gateway base64-encodes some bodies (forms among them); both
 * encodings arrive here. Form fields come back as text; a field sent twice is refused, and so
 * is a JSON key that appears twice in one object, at any depth (JSON.parse would keep the last).
 */
export function readBody(event: APIGatewayProxyEventV2, accepted: readonly BodyFormat[] = ['json', 'form']): { format: BodyFormat; value: unknown } {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError({
      da: `Højst ${MAX_BODY_BYTES / 1024} KiB er tilladt.`,
      en: `At most ${MAX_BODY_BYTES / 1024} KiB is allowed.`,
    });
  }
  const contentType = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format: BodyFormat | undefined =
    contentType === 'application/json' || contentType.endsWith('+json') ? 'json' : contentType === 'application/x-www-form-urlencoded' ? 'form' : undefined;
  if (format === undefined || !accepted.includes(format)) {
    const names = accepted.map((f) => (f === 'json' ? 'application/json' : 'application/x-www-form-urlencoded')).join(', ');
    throw new UnsupportedMediaTypeError({ da: `Send ${names}.`, en: `Send ${names}.` });
  }
  // Bytes that are not UTF-8 are not replaced but kept as lone surrogates, so the field's schema refuses them (./utf8.ts).
  return { format, value: format === 'json' ? parseJsonObject(decodeUtf8(bytes)) : parseForm(bytes) };
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedBodyError({ da: 'Indholdet er ikke gyldig JSON.', en: 'The body is not valid JSON.' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedBodyError({ da: 'Indholdet skal være et JSON-objekt.', en: 'The body must be a JSON object.' });
  }
  const refused = refusedKey(text);
  if (refused !== undefined) {
    throw new MalformedBodyError(
      refused.reason === 'duplicate'
        ? { da: `Nøglen ${refused.at} står to gange i samme objekt.`, en: `The key ${refused.at} appears twice in one object.` }
        : { da: `Nøglen ${refused.at} er ikke tilladt.`, en: `The key ${refused.at} is not allowed.` },
    );
  }
  return value as Record<string, unknown>;
}

/**
 * jsonc-parser's token kinds, as numbers: its `SyntaxKind` is a const enum, which type stripping
 * cannot inline. The values are part of its published API.
 */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, string: 10, eof: 17 } as const;

/**
 * The first key of `text` (JSON that JSON.parse has accepted) that appears twice in one object,
 * or that is `__proto__`, as a JSON Pointer. `__proto__` is refused because copying it by
 * assignment, as a record schema does, sets the copy's prototype instead, so the key would
 * vanish (as a form field `__proto__` used to).
 *
 * The keys come from jsonc-parser's scanner, which decodes them as JSON.parse does (`"\u0061"`
 * is `a`), so no JSON tokenizer of our own is needed. Its tree visitor is not used: it recurses
 * once per level, and a body of a few thousand `[` overflows the stack. This walks the flat token stream with its
 * own stack instead; JSON.parse has already refused anything that is not strict JSON, so the
 * stream is well formed and a string right after `{` or after a comma in an object is a key.
 */
function refusedKey(text: string): { reason: 'duplicate' | 'reserved'; at: string } | undefined {
  const scanner = createScanner(text, true);
  // One frame per open object (its keys so far) or array; `at` is the key or index being read.
  const frames: { keys?: Set<string>; at: string | number }[] = [];
  let keyNext = false;
  for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    const frame = frames.at(-1);
    const isKey = keyNext && token === TOKEN.string;
    keyNext = false;
    if (token === TOKEN.openBrace) {
      frames.push({ keys: new Set(), at: '' });
      keyNext = true;
    } else if (token === TOKEN.openBracket) {
      frames.push({ at: 0 });
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      frames.pop();
    } else if (token === TOKEN.comma && frame !== undefined) {
      if (frame.keys === undefined) frame.at = (frame.at as number) + 1;
      else keyNext = true;
    } else if (isKey && frame?.keys !== undefined) {
      const name = scanner.getTokenValue();
      frame.at = name;
      if (name === '__proto__') return { reason: 'reserved', at: pointer(frames.map((open) => open.at)) };
      if (frame.keys.has(name)) return { reason: 'duplicate', at: pointer(frames.map((open) => open.at)) };
      frame.keys.add(name);
    }
  }
  return undefined;
}

/** Names no form has, and that an object would not keep as an ordinary field (`__proto__`) or that it already answers (`constructor`). */
const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function parseForm(bytes: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formPairs(bytes)) {
    if (RESERVED_FIELD_NAMES.has(name)) {
      throw new MalformedBodyError({ da: `Feltet ${name} er ikke tilladt.`, en: `The field ${name} is not allowed.` });
    }
    if (Object.hasOwn(fields, name)) {
      throw new MalformedBodyError({ da: `Feltet ${name} er sendt mere end én gang.`, en: `The field ${name} was sent more than once.` });
    }
    fields[name] = value;
  }
  return fields;
}
