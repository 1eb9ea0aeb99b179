import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { allItems, call, FRICTION, IDEA, signIn, startTestRuntime, waitForStatus, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let triage: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  bent = await signIn(runtime, 'bent', ['employee'], 'Bent Ørsted');
  triage = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
});

afterAll(async () => {
  await runtime?.stop();
});

describe('submitting an idea through the HTTP API', () => {
  it('stores a JSON friction report with æøå intact and brings it to in_triage with its friction hours', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: FRICTION });

    // Assess
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string };
    expect(body.status).toBe('submitted');
    expect(response.headers.get('location')).toBe(`/api/ideas/${body.id}`);
    const idea = await waitForStatus(anna, body.id, 'in_triage');
    expect(idea['title']).toBe(FRICTION.title);
    expect(idea['department']).toBe('Ældreplejen Nørrebro');
    expect(idea['description']).toContain('plejen');
    // 4 a day × 230 working days × 5 minutes × 12 people / 60
    expect(idea['frictionHoursPerYear']).toBe(920);
    const history = idea['history'] as { status: string; message: string }[];
    expect(history.map((event) => event.status)).toEqual(['submitted', 'in_triage']);
    expect(history[1]?.message).toMatch(/Digitaliseringsteamet/);
  });

  it('accepts a plain HTML form post, keeping æ, ø and å', async () => {
    // Prepare
    const form = new URLSearchParams({ kind: 'idea', title: 'Fælles kalender for små skoler', description: 'Lærerne på de små skoler på Ærø bruger hver deres kalender; en fælles ville spare møder.', department: 'Børn og Unge', frequency: '' });

    // Act
    const response = await anna.request('POST', '/ideas', { body: form });

    // Assess
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const idea = await waitForStatus(anna, id, 'in_triage');
    expect(idea['title']).toBe('Fælles kalender for små skoler');
    expect(idea['description']).toContain('Ærø');
  });

  it('lets an anonymous submitter follow the idea with the follow-up token only, and stores no identity', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: new URLSearchParams({ ...IDEA, anonymous: 'on' }) });

    // Assess
    expect(response.status).toBe(202);
    const { id, followUpToken } = (await response.json()) as { id: string; followUpToken: string };
    expect(followUpToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await waitForStatus(anna, id, 'in_triage', { 'x-follow-up-token': followUpToken });
    expect((await anna.request('GET', `/ideas/${id}`)).status).toBe(404);
    expect((await bent.request('GET', `/ideas/${id}`, { headers: { 'x-follow-up-token': 'wrong' } })).status).toBe(404);
    const asTriage = (await (await triage.request('GET', `/ideas/${id}`)).json()) as Record<string, unknown>;
    expect(asTriage['anonymous']).toBe(true);
    expect(asTriage).not.toHaveProperty('submitter');
    const stored = (await allItems(runtime.tableName)).filter((item) => item['id'] === id || item['ideaId'] === id);
    expect(JSON.stringify(stored)).not.toContain('anna');
    expect(JSON.stringify(stored)).not.toContain(followUpToken);
  });

  it('returns the same idea for a retried submit with the same Idempotency-Key and stores it once', async () => {
    // Prepare
    const headers = { 'idempotency-key': 'retry-7f1c' };
    const first = await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Én gang, ikke to' }, headers });

    // Act
    const second = await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Én gang, ikke to' }, headers });

    // Assess
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [(await first.json()) as { id: string }, (await second.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    const stored = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'idea' && item['title'] === 'Én gang, ikke to');
    expect(stored).toHaveLength(1);
  });

  it('refuses to reuse an Idempotency-Key for a different idea with 422', async () => {
    // Prepare
    const headers = { 'idempotency-key': 'reuse-91ab' };
    await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Første idé' }, headers });

    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'En helt anden idé' }, headers });

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const stored = (await allItems(runtime.tableName)).filter((item) => item['title'] === 'En helt anden idé');
    expect(stored).toHaveLength(0);
  });
});

describe('bad input is refused with a problem document and changes nothing', () => {
  const cases: { name: string; body: string; contentType: string; status: number; type: string }[] = [
    { name: 'malformed JSON', body: '{"kind":"idea",', contentType: 'application/json', status: 400, type: 'malformed-body' },
    { name: 'a JSON array', body: '[1,2]', contentType: 'application/json', status: 400, type: 'malformed-body' },
    { name: 'an unknown field', body: JSON.stringify({ ...IDEA, priority: 'high' }), contentType: 'application/json', status: 400, type: 'validation' },
    { name: 'a too short title', body: JSON.stringify({ ...IDEA, title: 'x' }), contentType: 'application/json', status: 400, type: 'validation' },
    { name: 'friction without minutes', body: JSON.stringify({ ...FRICTION, minutesEach: undefined }), contentType: 'application/json', status: 400, type: 'validation' },
    { name: 'friction fields on an idea', body: JSON.stringify({ ...IDEA, peopleAffected: 3 }), contentType: 'application/json', status: 400, type: 'validation' },
    { name: 'an unsupported content type', body: 'title=x', contentType: 'text/plain', status: 415, type: 'unsupported-media-type' },
    { name: 'a body over the size cap', body: JSON.stringify({ ...IDEA, description: 'æ'.repeat(40_000) }), contentType: 'application/json', status: 413, type: 'payload-too-large' },
    { name: 'a repeated form field', body: 'kind=idea&kind=friction', contentType: 'application/x-www-form-urlencoded', status: 400, type: 'malformed-body' },
  ];

  /** What a submit stores: ideas and idempotency records (the worker adds events and index items on its own time). */
  const submitted = async () => (await allItems(runtime.tableName)).filter((item) => item['type'] === 'idea' || item['type'] === 'idempotency').length;

  it.each(cases)('$name → $status', async ({ body, contentType, status, type }) => {
    // Prepare
    const before = await submitted();

    // Act
    const response = await bent.request('POST', '/ideas', { body, headers: { 'content-type': contentType } });

    // Assess
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { type: string; status: number; title: string };
    expect(problem.type).toBe(`/api/problems/${type}`);
    expect(problem.status).toBe(status);
    expect(await submitted()).toBe(before);
  });

  it.each([
    ['JSON, the lone surrogate as the escape "\\ud800"', { ...IDEA, department: 'IT\ud800' }],
    ['a form, the lone surrogate as its UTF-8-like bytes %ED%A0%80 (not UTF-8)', `kind=idea&title=Fælles+kalender&description=${encodeURIComponent(IDEA.description)}&department=IT%ED%A0%80`],
  ])('refuses a department that is not well-formed Unicode in %s with 400 on the field, storing nothing', async (_format, body) => {
    // Prepare
    const before = await submitted();

    // Act
    const response = await bent.request('POST', '/ideas', {
      body,
      headers: typeof body === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    });

    // Assess
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { type: string; errors: { pointer: string; detail: string }[] };
    expect(problem.type).toBe('/api/problems/validation');
    expect(problem.errors).toEqual([{ pointer: '/department', detail: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)' }]);
    expect(await submitted()).toBe(before);
  });

  it('names each wrong field in Danish by default and in English on request', async () => {
    // Act
    const danish = await bent.request('POST', '/ideas', { body: { kind: 'idea', title: 'x' } });
    const english = await bent.request('POST', '/ideas', { body: { kind: 'idea', title: 'x' }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });

    // Assess
    const da = (await danish.json()) as { title: string; errors: { pointer: string; detail: string }[] };
    const en = (await english.json()) as { title: string; errors: { pointer: string; detail: string }[] };
    expect(da.title).toBe('Nogle felter er ikke udfyldt rigtigt');
    expect(da.errors).toContainEqual({ pointer: '/title', detail: 'Skal være mindst 3 tegn' });
    expect(da.errors).toContainEqual({ pointer: '/description', detail: 'Skal udfyldes' });
    expect(en.title).toBe('Some fields are not filled in correctly');
    expect(en.errors).toContainEqual({ pointer: '/title', detail: 'Must be at least 3 characters' });
  });
});

describe('who may read an idea', () => {
  it("hides another employee's idea as not found and shows it to triage with its submitter", async () => {
    // Prepare
    const { id } = (await (await anna.request('POST', '/ideas', { body: IDEA })).json()) as { id: string };

    // Act
    const asBent = await bent.request('GET', `/ideas/${id}`);
    const asTriage = await triage.request('GET', `/ideas/${id}`);
    const asAnna = await anna.request('GET', `/ideas/${id}`);

    // Assess
    expect(asBent.status).toBe(404);
    expect(asBent.headers.get('content-type')).toContain('application/problem+json');
    expect(asTriage.status).toBe(200);
    expect(((await asTriage.json()) as { submitter: unknown }).submitter).toEqual({ sub: 'anna', name: 'Anna Sørensen', email: 'anna@spire.localhost' });
    expect(asAnna.status).toBe(200);
    expect(asAnna.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(await asAnna.json()).not.toHaveProperty('submitter');
  });

  it('answers 401 without a token, with a forged token, and for an unknown id 404', async () => {
    // Prepare
    const [header = '', payload = ''] = anna.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;

    // Act
    const none = await call(runtime, 'GET', '/ideas/mine');
    const bad = await call(runtime, 'GET', '/ideas/mine', { headers: { authorization: `Bearer ${forged}` } });
    const unknown = await anna.request('GET', '/ideas/00000000-0000-4000-8000-000000000000');

    // Assess
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(bad.status).toBe(401);
    expect(unknown.status).toBe(404);
  });

  it('answers /health without a token', async () => {
    const response = await call(runtime, 'GET', '/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe("a submitter's own ideas", () => {
  it('lists them newest first across pages with an opaque cursor, without anonymous ones or other people', async () => {
    // Prepare
    const carl = await signIn(runtime, 'carl', ['employee'], 'Carl Æbelø');
    const ids: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const response = await carl.request('POST', '/ideas', { body: { ...IDEA, title: `Idé nr. ${n} fra Carl` } });
      ids.push(((await response.json()) as { id: string }).id);
    }
    await carl.request('POST', '/ideas', { body: { ...IDEA, anonymous: true } });
    await bent.request('POST', '/ideas', { body: IDEA });

    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await carl.request('GET', `/ideas/mine?limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string; title: string }[]; nextCursor?: string };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== undefined && pages < 10);

    // Assess
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('refuses a tampered cursor with 400', async () => {
    // Prepare
    const cursor = Buffer.from(JSON.stringify({ PK: 'IDEA#x', SK: 'META', GSI2PK: 'SUBMITTER#anna', GSI2SK: 'z' })).toString('base64url');

    // Act
    const response = await bent.request('GET', `/ideas/mine?cursor=${cursor}`);

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('/api/problems/invalid-cursor');
  });
});
