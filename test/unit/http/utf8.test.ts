import { describe, expect, it } from 'vitest';
import { readBody } from '../../../shared/http/body.ts';
import { decodeUtf8, formPairs } from '../../../shared/http/utf8.ts';
import { formPost, httpEvent } from '../support/lambda.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeUtf8', () => {
  it.each([
    ['ASCII', 'Vagtplan'],
    ['Danish letters', 'Ældre og sundhed på Ærø'],
    ['a character outside the Basic Multilingual Plane', 'Bøvl 😀'],
    ['nothing', ''],
  ])('decodes well-formed UTF-8 (%s) as TextDecoder does', (_case, text) => {
    expect(decodeUtf8(Buffer.from(text, 'utf8'))).toBe(text);
  });

  it.each([
    ['a surrogate encoded as if it were a character (ED A0 80)', bytes('IT', [0xed, 0xa0, 0x80]), 'IT\udced\udca0\udc80'],
    ['a Latin-1 ø', bytes('B', [0xf8], 'rn'), 'B\udcf8rn'],
    ['a sequence cut short', bytes('æ', [0xc3]), 'æ\udcc3'],
    ['an overlong encoding of /', bytes([0xc0, 0xaf]), '\udcc0\udcaf'],
    ['a code point beyond U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), '\udcf4\udc90\udc80\udc80'],
  ])('keeps each byte of %s as a lone surrogate U+DC80–U+DCFF, not as U+FFFD, so the text is not well-formed', (_case, input, expected) => {
    // Act
    const text = decodeUtf8(input);

    // Assess
    expect(text).toBe(expected);
    expect(text.isWellFormed()).toBe(false);
  });

  it('drops a byte order mark at the start, as TextDecoder does, also when the rest is not UTF-8', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '{}'))).toBe('{}');
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '{', [0xff], '}'))).toBe('{\udcff}');
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'x'), { keepBom: true })).toBe('\ufeffx');
  });
});

describe('formPairs', () => {
  it.each([
    'kind=idea&title=F%C3%A6lles+kalender&department=B%C3%B8rn+og+Unge',
    'a=1&&b=&c&=d',
    'sum=2%2B2&pct=%zz%4&raw=Blå bog',
    `emoji=${encodeURIComponent('😀 ø')}`,
  ])('reads %j as URLSearchParams does', (text) => {
    expect(formPairs(Buffer.from(text, 'utf8'))).toEqual([...new URLSearchParams(text)]);
  });

  it('keeps percent-encoded bytes that are not UTF-8 as lone surrogates, where URLSearchParams would write U+FFFD', () => {
    // Act
    const pairs = formPairs(Buffer.from('department=IT%ED%A0%80&title=ok', 'utf8'));

    // Assess
    expect(pairs).toEqual([
      ['department', 'IT\udced\udca0\udc80'],
      ['title', 'ok'],
    ]);
    expect(new URLSearchParams('department=IT%ED%A0%80').get('department')).toBe('IT\ufffd\ufffd\ufffd');
  });
});

describe('readBody with bytes that are not UTF-8', () => {
  it('reads a form field of them as text that is not well-formed, for its schema to refuse', () => {
    // Act
    const body = readBody(formPost('/ideas', 'kind=idea&department=IT%ED%A0%80'));

    // Assess
    expect(body).toEqual({ format: 'form', value: { kind: 'idea', department: 'IT\udced\udca0\udc80' } });
  });

  it('reads a JSON string of them as text that is not well-formed, for its schema to refuse', () => {
    // Prepare
    const raw = bytes('{"department":"IT', [0xed, 0xa0, 0x80], '"}');
    const event = httpEvent({ method: 'POST', headers: { 'content-type': 'application/json' }, body: raw.toString('base64'), isBase64Encoded: true });

    // Act
    const body = readBody(event);

    // Assess
    expect(body).toEqual({ format: 'json', value: { department: 'IT\udced\udca0\udc80' } });
  });
});
