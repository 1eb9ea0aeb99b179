import { describe, expect, it } from 'vitest';
import { json, withStandardHeaders } from '../../../shared/http/response.ts';

describe('json', () => {
  it('says UTF-8 explicitly and forbids caching and sniffing', () => {
    // Act
    const response = json(200, { ok: true });

    // Assess
    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
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

describe('withStandardHeaders', () => {
  it('adds no-store and nosniff to an answer that has neither', () => {
    // Act
    const response = withStandardHeaders({ statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: 'a;b' });

    // Assess
    expect(response).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
      body: 'a;b',
    });
  });

  it('adds them to an answer without headers', () => {
    // Act
    const response = withStandardHeaders({ statusCode: 204 });

    // Assess
    expect(response.headers).toEqual({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  it('keeps a Cache-Control the answer chose, whatever its case', () => {
    // Act
    const response = withStandardHeaders({ statusCode: 200, headers: { 'Cache-Control': 'private, max-age=60' } });

    // Assess
    expect(response.headers).toEqual({ 'Cache-Control': 'private, max-age=60', 'x-content-type-options': 'nosniff' });
  });
});
