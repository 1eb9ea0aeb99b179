/**
 * An idea's comments, a page at a time (issue 11: cap the comments per idea that one read
 * returns): the idea's page carries the oldest COMMENTS_PER_READ and a signed `commentsCursor`,
 * GET /ideas/{id}/comments reads on page by page, the submitter sees only what was written to
 * them, and a cursor the server did not issue for that idea is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { COMMENTS_PER_READ } from '../../shared/store/ports.ts';
import { FRICTION, IDEA, problemOf, startWithCast, submitAll, submitAnonymous, type Person } from './support.ts';

/** Comments on the idea: two and a half pages. Every fourth is to the submitter. */
const COUNT = COMMENTS_PER_READ * 2 + 20;
const visibilityOf = (n: number) => (n % 4 === 0 ? 'submitter' : 'internal');
const textOf = (n: number) => `Kommentar ${String(n).padStart(3, '0')}: vi kigger på æbler, øl og ål`;

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let tove: Person;
let ideaId: string;
let otherId: string;

interface CommentItem {
  id: string;
  at: string;
  text: string;
  visibility?: string;
  kind?: string;
}

beforeAll(async () => {
  ({ runtime, anna, bent, tove } = await startWithCast());
  [ideaId, otherId] = (await submitAll(anna, [{ ...FRICTION, title: 'Mange kommentarer' }, { ...IDEA, title: 'Få kommentarer' }])) as [string, string];
  // One at a time, so each is later than the one before.
  for (let n = 0; n < COUNT; n++) {
    const response = await tove.request('POST', `/console/ideas/${ideaId}/comments`, { body: { text: textOf(n), visibility: visibilityOf(n) } });
    if (response.status !== 201) throw new Error(`Comment ${n} answered ${response.status}: ${await response.text()}`);
  }
  const response = await tove.request('POST', `/console/ideas/${otherId}/comments`, { body: { text: 'En enkelt kommentar.', visibility: 'internal' } });
  if (response.status !== 201) throw new Error(`Comment answered ${response.status}`);
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
});

/** Every page of GET /ideas/{id}/comments after `cursor`, as `person` reads them. */
async function readOn(person: Person, id: string, cursor: string | undefined, headers: Record<string, string> = {}): Promise<CommentItem[][]> {
  const pages: CommentItem[][] = [];
  for (let next = cursor; next !== undefined; ) {
    const response = await person.request('GET', `/ideas/${id}/comments?cursor=${encodeURIComponent(next)}`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: CommentItem[]; nextCursor?: string };
    pages.push(body.items);
    next = body.nextCursor;
  }
  return pages;
}

describe('triage reading a long discussion', () => {
  it('gets the oldest COMMENTS_PER_READ comments with the whole idea, and a commentsCursor', async () => {
    // Act
    const response = await tove.request('GET', `/console/ideas/${ideaId}`);

    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as { comments: CommentItem[]; commentsCursor?: string };
    expect(body.comments).toHaveLength(COMMENTS_PER_READ);
    expect(body.comments.map((comment) => comment.text)).toEqual(Array.from({ length: COMMENTS_PER_READ }, (_, n) => textOf(n)));
    expect(body.commentsCursor).toEqual(expect.any(String));
  });

  it('reads every other comment, once and in order, page by page, each page at most COMMENTS_PER_READ', async () => {
    // Prepare
    const first = (await (await tove.request('GET', `/console/ideas/${ideaId}`)).json()) as { comments: CommentItem[]; commentsCursor: string };

    // Act
    const pages = await readOn(tove, ideaId, first.commentsCursor);

    // Assess
    expect(pages.map((page) => page.length)).toEqual([COMMENTS_PER_READ, COUNT - 2 * COMMENTS_PER_READ]);
    const all = [...first.comments, ...pages.flat()];
    expect(all.map((comment) => comment.text)).toEqual(Array.from({ length: COUNT }, (_, n) => textOf(n)));
    expect(new Set(all.map((comment) => comment.id)).size).toBe(COUNT);
    expect(all.map((comment) => comment.visibility)).toEqual(Array.from({ length: COUNT }, (_, n) => visibilityOf(n)));
  });

  it('gets the same first page and cursor from GET /ideas/{id}', async () => {
    // Act
    const fromConsole = (await (await tove.request('GET', `/console/ideas/${ideaId}`)).json()) as { comments: CommentItem[]; commentsCursor: string };
    const page = (await (await tove.request('GET', `/ideas/${ideaId}`)).json()) as { comments: CommentItem[]; commentsCursor: string };

    // Assess
    expect(page.comments).toEqual(fromConsole.comments);
    expect(page.commentsCursor).toBe(fromConsole.commentsCursor);
  });

  it('gets no commentsCursor for an idea whose comments fit on the page', async () => {
    // Act
    const body = (await (await tove.request('GET', `/console/ideas/${otherId}`)).json()) as Record<string, unknown>;

    // Assess
    expect(body['comments']).toHaveLength(1);
    expect(body).not.toHaveProperty('commentsCursor');
  });
});

describe('the submitter reading what was written to them', () => {
  it('sees among the messages of their page only the comments to them from the first page, and reads on with the cursor', async () => {
    // Prepare
    const toSubmitter = Array.from({ length: COUNT }, (_, n) => n).filter((n) => visibilityOf(n) === 'submitter');

    // Act
    const page = (await (await anna.request('GET', `/ideas/${ideaId}`)).json()) as { messages: { kind: string; text: string }[]; commentsCursor: string; comments?: unknown };
    const rest = (await readOn(anna, ideaId, page.commentsCursor)).flat();

    // Assess
    expect(page).not.toHaveProperty('comments');
    const onPage = page.messages.filter((message) => message.kind === 'comment').map((message) => message.text.split('\n').at(-1));
    expect(onPage).toEqual(toSubmitter.filter((n) => n < COMMENTS_PER_READ).map(textOf));
    expect(rest.map((comment) => comment.text.split('\n').at(-1))).toEqual(toSubmitter.filter((n) => n >= COMMENTS_PER_READ).map(textOf));
    expect(rest.every((comment) => comment.kind === 'comment' && comment.visibility === undefined)).toBe(true);
    expect(JSON.stringify(rest)).not.toContain('tove');
  });

  it('reads the comments of an anonymous idea with its follow-up token, and nobody else does', async () => {
    // Prepare
    const anonymous = await submitAnonymous(anna, { ...IDEA, title: 'Anonym med kommentarer' });
    await tove.request('POST', `/console/ideas/${anonymous.id}/comments`, { body: { text: 'Tak for idéen.', visibility: 'submitter' } });

    // Act
    const withToken = await bent.request('GET', `/ideas/${anonymous.id}/comments`, { headers: { 'x-follow-up-token': anonymous.token } });
    const without = await anna.request('GET', `/ideas/${anonymous.id}/comments`);

    // Assess
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { items: CommentItem[] }).items.map((item) => item.text)).toEqual(['Besked fra digitaliseringsteamet:\n\nTak for idéen.']);
    expect(without.status).toBe(404);
  });
});

describe('cursors and access', () => {
  it('tells another employee the idea does not exist', async () => {
    // Act
    const response = await bent.request('GET', `/ideas/${ideaId}/comments`);

    // Assess
    expect(response.status).toBe(404);
    expect((await problemOf(response)).type).toBe('/api/problems/not-found');
  });

  it('refuses a changed cursor, and one issued for another idea, with 400 invalid-cursor', async () => {
    // Prepare
    const { commentsCursor } = (await (await tove.request('GET', `/console/ideas/${ideaId}`)).json()) as { commentsCursor: string };
    const changed = `${commentsCursor.slice(0, 10)}${commentsCursor[10] === 'A' ? 'B' : 'A'}${commentsCursor.slice(11)}`;

    // Act
    const tampered = await tove.request('GET', `/ideas/${ideaId}/comments?cursor=${encodeURIComponent(changed)}`);
    const elsewhere = await tove.request('GET', `/ideas/${otherId}/comments?cursor=${encodeURIComponent(commentsCursor)}`);
    const listCursor = await tove.request('GET', `/ideas/${ideaId}/comments?cursor=${encodeURIComponent('eyJQSyI6IklERUEjeCJ9.AAAA')}`);

    // Assess
    for (const response of [tampered, elsewhere, listCursor]) {
      expect(response.status).toBe(400);
      expect((await problemOf(response)).type).toBe('/api/problems/invalid-cursor');
    }
  });
});
