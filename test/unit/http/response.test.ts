import { describe, expect, it } from 'vitest';
import { json } from '../../../shared/http/response.ts';

describe('json', () => {
  it('says UTF-8 explicitly and forbids caching', () => {
    // Act
    const response = json(200, { ok: true });

    // Assess
    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  });

  it('keeps æ, ø and å as they are in the body', () => {
    // Act
    const response = json(200, { title: 'Blå bøger på Ærø' });

    // Assess
    expect(response.body).toBe('{"title":"Blå bøger på Ærø"}');
  });

  it('answers with the given status and extra headers', () => {
    // Act
    const response = json(202, { id: '1' }, { location: '/ideas/1', etag: '"3"' });

    // Assess
    expect(response.statusCode).toBe(202);
    expect(response.headers).toMatchObject({ location: '/ideas/1', etag: '"3"', 'content-type': 'application/json; charset=utf-8' });
  });
});
