import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.ts';

/** The largest body any route accepts. An idea of 4,000 characters in Danish fits several times over. */
export const MAX_BODY_BYTES = 32 * 1024;

export type BodyFormat = 'json' | 'form';

/**
 * Reads the request body as JSON or as an HTML form (`application/x-www-form-urlencoded`),
 * enforcing the size cap. API Gateway base64-encodes some bodies (forms among them); both
 * encodings arrive here. Form fields come back as text; a field sent twice is refused.
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
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return { format, value: format === 'json' ? parseJsonObject(text) : parseForm(text) };
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
  return value as Record<string, unknown>;
}

function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) {
      throw new MalformedBodyError({ da: `Feltet ${name} er sendt mere end én gang.`, en: `The field ${name} was sent more than once.` });
    }
    fields[name] = value;
  }
  return fields;
}
