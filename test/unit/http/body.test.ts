import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readBody } from '../../../shared/http/body.ts';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../../shared/http/errors.ts';
import { formPost, httpEvent, jsonPost } from '../support/lambda.ts';
import { thrownBy } from '../support/errors.ts';

const DANISH = 'Bøvl på ældreområdet: Æbleskiver, Øresund og Ålborg — æ ø å';

const post = (contentType: string | undefined, body: string, isBase64Encoded = false) =>
  httpEvent({ method: 'POST', headers: contentType === undefined ? {} : { 'content-type': contentType }, body, isBase64Encoded });

describe('readBody: JSON', () => {
  it('reads a JSON object with Danish text unchanged', () => {
    // Prepare
    const event = jsonPost('/ideas', { title: DANISH, anonymous: true, minutesEach: 2.5 });

    // Act
    const body = readBody(event);

    // Assess
    expect(body).toEqual({ format: 'json', value: { title: DANISH, anonymous: true, minutesEach: 2.5 } });
  });

  it('reads a base64-encoded JSON body', () => {
    // Prepare
    const event = post('application/json', Buffer.from(JSON.stringify({ title: DANISH }), 'utf8').toString('base64'), true);

    // Act
    const body = readBody(event);

    // Assess
    expect(body.value).toEqual({ title: DANISH });
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json'])('accepts the content type %j as JSON', (contentType) => {
    // Prepare
    const event = post(contentType, '{"title":"Køreplan"}');

    // Act
    const body = readBody(event);

    // Assess
    expect(body).toEqual({ format: 'json', value: { title: 'Køreplan' } });
  });

  it.each(['{"title": "Bøvl"', 'title=Bøvl', '', "{'title': 'x'}"])('refuses malformed JSON %j with a Danish and English message', (text) => {
    // Prepare
    const event = post('application/json', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).status).toBe(400);
    expect((error as MalformedBodyError).detailText).toEqual({ da: 'Indholdet er ikke gyldig JSON.', en: 'The body is not valid JSON.' });
  });

  it.each(['[]', '["title"]', '"Bøvl"', '42', 'null', 'true'])('refuses JSON %s that is not an object', (text) => {
    // Prepare
    const event = post('application/json', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).detailText?.da).toBe('Indholdet skal være et JSON-objekt.');
  });

  it.each<[string, string, string]>([
    ['at the top', '{"title":"Første","title":"Anden"}', '/title'],
    ['with space around the colon', '{ "title" : "Første" , "title" : "Anden" }', '/title'],
    ['written once with an escape', '{"title":"Første","\\u0074itle":"Anden"}', '/title'],
    ['in a nested object', '{"scores":{"reach":1,"effort":2,"reach":4}}', '/scores/reach'],
    ['in an object in an array', '{"artefacts":[{"kind":"other"},{"kind":"other","title":"A","kind":"prototype"}]}', '/artefacts/1/kind'],
    ['in a key that needs escaping in a pointer', '{"checklist":{"a/b~c":true,"a/b~c":false}}', '/checklist/a~1b~0c'],
  ])('refuses a key that appears twice in one object (%s), naming it', (_case, text, at) => {
    // Prepare
    const event = post('application/json', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).status).toBe(400);
    expect((error as MalformedBodyError).detailText).toEqual({ da: `Nøglen ${at} står to gange i samme objekt.`, en: `The key ${at} appears twice in one object.` });
  });

  it('reads the same key in different objects, and the same text as a key and as values', () => {
    // Prepare
    const text = '{"title":"title","owner":{"title":"x"},"list":[{"title":1},{"title":2}],"values":["title","title"],"empty":{},"after":{"empty":1}}';

    // Act
    const body = readBody(post('application/json', text));

    // Assess
    expect(body.value).toEqual(JSON.parse(text));
  });

  it.each([
    ['at the top', '{"__proto__":{"isAdmin":true}}', '/__proto__'],
    ['in a nested object', '{"scores":{"__proto__":{"reach":4}}}', '/scores/__proto__'],
  ])('refuses a __proto__ key (%s), which a copy of the object would not keep', (_case, text, at) => {
    // Prepare
    const event = post('application/json', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).detailText).toEqual({ da: `Nøglen ${at} er ikke tilladt.`, en: `The key ${at} is not allowed.` });
  });

  it('reads JSON nested as deep as the size cap allows without running out of stack', () => {
    // Prepare
    const depth = (MAX_BODY_BYTES - 20) / 2;
    const text = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    // Act
    const body = readBody(post('application/json', text));

    // Assess
    expect(body.format).toBe('json');
  });
});

describe('readBody: HTML form', () => {
  it('reads a base64-encoded form, as API Gateway sends it, with æ, ø and å intact', () => {
    // Prepare
    const event = formPost('/ideas', { title: DANISH, department: 'Børn og unge', anonymous: 'on' });

    // Act
    const body = readBody(event);

    // Assess
    expect(body).toEqual({ format: 'form', value: { title: DANISH, department: 'Børn og unge', anonymous: 'on' } });
  });

  it('reads a form whose body was not base64-encoded', () => {
    // Prepare
    const event = post('application/x-www-form-urlencoded', 'title=Sm%C3%A5+ting&department=IT');

    // Act
    const body = readBody(event);

    // Assess
    expect(body.value).toEqual({ title: 'Små ting', department: 'IT' });
  });

  it('decodes + as a space and percent-encoded UTF-8 as letters', () => {
    // Prepare
    const event = formPost('/ideas', 'title=%C3%86bler+og+p%C3%A6rer&description=F%C3%B8rste+linje%0D%0AAnden+linje');

    // Act
    const body = readBody(event);

    // Assess
    expect(body.value).toEqual({ title: 'Æbler og pærer', description: 'Første linje\r\nAnden linje' });
  });

  it('keeps every field as text', () => {
    // Prepare
    const event = formPost('/ideas', { frequency: '3', minutesEach: '2,5' });

    // Act
    const body = readBody(event);

    // Assess
    expect(body.value).toEqual({ frequency: '3', minutesEach: '2,5' });
  });

  it('refuses a field sent twice, naming it in Danish and English', () => {
    // Prepare
    const event = formPost('/ideas', 'title=En&title=To');

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).detailText).toEqual({
      da: 'Feltet title er sendt mere end én gang.',
      en: 'The field title was sent more than once.',
    });
  });

  it.each(['__proto__=a&__proto__=b', 'title=Bøvl&__proto__=a', 'constructor=x', 'prototype=x'])('refuses the form %j, whose field name an object treats specially', (text) => {
    // Prepare
    const event = formPost('/ideas', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(MalformedBodyError);
    expect((error as MalformedBodyError).detailText?.en).toMatch(/^The field (__proto__|constructor|prototype) is not allowed\.$/);
  });
});

describe('readBody: content types', () => {
  it.each([undefined, 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'text/json'])('refuses content type %j with 415', (contentType) => {
    // Prepare
    const event = post(contentType, '{"title":"Bøvl"}');

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((error as UnsupportedMediaTypeError).status).toBe(415);
    expect((error as UnsupportedMediaTypeError).detailText?.en).toBe('Send application/json, application/x-www-form-urlencoded.');
  });

  it('refuses a form on a route that only takes JSON, naming what it takes', () => {
    // Prepare
    const event = formPost('/ideas', { title: 'Bøvl' });

    // Act
    const error = thrownBy(() => readBody(event, ['json']));

    // Assess
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((error as UnsupportedMediaTypeError).detailText).toEqual({ da: 'Send application/json.', en: 'Send application/json.' });
  });
});

describe('readBody: size cap', () => {
  const jsonOfBytes = (bytes: number) => {
    const frame = '{"t":""}';
    return `{"t":"${'a'.repeat(bytes - frame.length)}"}`;
  };

  it('accepts a body of exactly the cap', () => {
    // Prepare
    const event = post('application/json', jsonOfBytes(MAX_BODY_BYTES));

    // Act
    const body = readBody(event);

    // Assess
    expect(body.format).toBe('json');
  });

  it('refuses a body one byte over the cap with 413', () => {
    // Prepare
    const event = post('application/json', jsonOfBytes(MAX_BODY_BYTES + 1));

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).status).toBe(413);
    expect((error as PayloadTooLargeError).detailText).toEqual({ da: 'Højst 32 KiB er tilladt.', en: 'At most 32 KiB is allowed.' });
  });

  it('counts bytes, not characters, so Danish letters weigh two bytes each', () => {
    // Prepare: fewer characters than the cap, but more UTF-8 bytes
    const text = JSON.stringify({ t: 'ø'.repeat(MAX_BODY_BYTES / 2) });
    const event = post('application/json', text);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(text.length).toBeLessThan(MAX_BODY_BYTES);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
  });

  it('measures a base64 body after decoding it', () => {
    // Prepare: the base64 text is larger than the cap, the body it carries is not
    const raw = jsonOfBytes(MAX_BODY_BYTES - 100);
    const encoded = Buffer.from(raw, 'utf8').toString('base64');
    const event = post('application/json', encoded, true);

    // Act
    const body = readBody(event);

    // Assess
    expect(encoded.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(body.format).toBe('json');
  });

  it('refuses a base64 body that is over the cap once decoded', () => {
    // Prepare
    const event = post('application/json', Buffer.from(jsonOfBytes(MAX_BODY_BYTES + 1), 'utf8').toString('base64'), true);

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(PayloadTooLargeError);
  });

  it('checks the size before the content type, so a huge body of any type is refused as too large', () => {
    // Prepare
    const event = post('text/plain', 'x'.repeat(MAX_BODY_BYTES + 1));

    // Act
    const error = thrownBy(() => readBody(event));

    // Assess
    expect(error).toBeInstanceOf(PayloadTooLargeError);
  });
});
