import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { consoleEtag, decideNow, FRICTION, IDEA, outbox, problemOf, startWithCast, submitAll, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let tove: Person;
let ulla: Person;

beforeAll(async () => {
  ({ runtime, anna, tove, ulla } = await startWithCast());
});

afterAll(async () => {
  await runtime?.stop();
});

interface Row {
  id: string;
  title: string;
  kind: string;
  department: string;
  status: string;
  statusChangedAt: string;
  daysInStatus: number;
  overdue: boolean;
  themes: { themeId: string; score: number }[];
  frictionHoursPerYear?: number;
  priority: number;
  priorityComplete: boolean;
  priorityBasis: 'suggested' | 'partly-scored' | 'scored';
  duplicateCandidates: number;
  assignee?: { sub: string; name?: string };
}

interface InboxPage {
  status: string;
  sort: string;
  serviceLevelDays: number;
  items: Row[];
  nextCursor?: string;
}

async function inbox(query: Record<string, string>, reader: Person = tove): Promise<InboxPage> {
  const response = await reader.request('GET', `/console/inbox?${new URLSearchParams(query)}`);
  expect(response.status, JSON.stringify(query)).toBe(200);
  return (await response.json()) as InboxPage;
}

/** Walks a list page by page; every page and the number of pages. */
async function walk(query: Record<string, string>, limit: number): Promise<{ rows: Row[]; pages: number[] }> {
  const rows: Row[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await inbox({ ...query, limit: String(limit), ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...page.items);
    pages.push(page.items.length);
    cursor = page.nextCursor;
    if (pages.length > 50) throw new Error('too many pages');
  } while (cursor !== undefined);
  return { rows, pages };
}

const tenths = (row: Row) => Math.round(row.priority * 10);

describe('the inbox, page by page', () => {
  it('pages through more than three pages in both orders with no duplicates and no gaps, the same every time', async () => {
    // Prepare: thirteen ideas of one department, with different friction and so different priorities (and ties).
    const department = 'Pagineringskontoret på Ærø';
    const people = [1, 2, 3, 5, 8, 13, 20, 40, 80, 150, 300, 600, 1200];
    const bodies = people.map((peopleAffected, n) => (n % 4 === 3 ? { ...IDEA, title: `Idé nummer ${n}`, department } : { ...FRICTION, title: `Bøvl nummer ${n}`, department, peopleAffected }));
    const ids = await submitAll(anna, bodies);

    for (const sort of ['priority', 'age']) {
      // Act
      const { rows, pages } = await walk({ department, sort }, 3);
      const again = await walk({ department, sort }, 3);
      const whole = await inbox({ department, sort, limit: '100' });

      // Assess
      expect(pages, sort).toEqual([3, 3, 3, 3, 1]);
      expect(rows.map((row) => row.id), sort).toEqual(whole.items.map((row) => row.id));
      expect(new Set(rows.map((row) => row.id)), sort).toEqual(new Set(ids));
      expect(again.rows.map((row) => row.id), sort).toEqual(rows.map((row) => row.id));
      for (let n = 1; n < rows.length; n++) {
        const [a, b] = [rows[n - 1] as Row, rows[n] as Row];
        if (sort === 'age') {
          expect(a.statusChangedAt <= b.statusChangedAt, `${sort} ${n}`).toBe(true);
        } else {
          expect(tenths(a) >= tenths(b), `${sort} ${n}`).toBe(true);
          if (tenths(a) === tenths(b)) expect(a.statusChangedAt <= b.statusChangedAt, `${sort} tie ${n}`).toBe(true);
        }
      }
      if (sort === 'priority') expect(new Set(rows.map(tenths)).size).toBeGreaterThan(2);
    }

    // The whole in_triage list pages the same way, with every idea of the department in it.
    const { rows, pages } = await walk({}, 4);
    expect(pages.length).toBeGreaterThan(3);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.map((row) => row.id)).toEqual((await inbox({ limit: '100' })).items.map((row) => row.id));
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(ids));
  });

  it('refuses a cursor from another list, another order or nowhere with 400 invalid-cursor', async () => {
    // Prepare
    const department = 'Cursorafdelingen Øst';
    await submitAll(anna, [1, 2, 3].map((n) => ({ ...FRICTION, title: `Cursorbøvl ${n}`, department })));
    const ofDepartment = (await inbox({ department, limit: '1' })).nextCursor as string;
    const ofAge = (await inbox({ department, sort: 'age', limit: '1' })).nextCursor as string;
    const ofFriction = (await inbox({ department, kind: 'friction', limit: '1' })).nextCursor as string;
    expect([ofDepartment, ofAge, ofFriction].every((cursor) => typeof cursor === 'string')).toBe(true);
    const forged = Buffer.from(JSON.stringify({ PK: 'IDEA#x', SK: 'META' })).toString('base64url');

    // Act
    const queries: Record<string, string>[] = [
      { department, sort: 'age', cursor: ofDepartment },
      { department, sort: 'priority', cursor: ofAge },
      { cursor: ofDepartment },
      { department: 'Ældreplejen Nørrebro', cursor: ofDepartment },
      { department, cursor: ofFriction },
      { department, status: 'parked', cursor: ofDepartment },
      { cursor: forged },
      { cursor: 'ikke-en-cursor' },
    ];
    const answers = await Promise.all(queries.map((query) => tove.request('GET', `/console/inbox?${new URLSearchParams(query)}`)));

    // Assess
    for (const response of answers) {
      expect(response.status).toBe(400);
      expect((await problemOf(response)).type).toBe('/api/problems/invalid-cursor');
    }
    expect((await inbox({ department, cursor: ofDepartment, limit: '1' })).items).toHaveLength(1);
  });
});

describe('the inbox, narrowed', () => {
  it('narrows by department however it is typed: case, spacing, Unicode form and pasted invisible characters do not matter', async () => {
    // Prepare
    const [aabyhoej, other] = await submitAll(anna, [
      { ...FRICTION, title: 'Bøvl i Åbyhøj', department: 'Børn og Unge, Åbyhøj' },
      { ...FRICTION, title: 'Bøvl i Ølstykke', department: 'Børn og Unge, Ølstykke' },
    ]);

    // Act
    const typed = ['Børn og Unge, Åbyhøj', '  BØRN OG UNGE,   ÅBYHØJ ', 'børn og unge, a\u030Abyhøj', 'Børn og\u00AD Unge, Åby\u200Bhøj'];
    const lists = await Promise.all(typed.map((department) => inbox({ department })));

    // Assess
    for (const [n, list] of lists.entries()) expect(list.items.map((row) => row.id), typed[n]).toEqual([aabyhoej]);
    expect(lists[0]?.items[0]?.department).toBe('Børn og Unge, Åbyhøj');
    expect((await inbox({ department: 'børn og unge, ølstykke' })).items.map((row) => row.id)).toEqual([other]);
    expect((await inbox({ department: 'Børn og Unge' })).items).toEqual([]);
  });

  it('narrows by kind, by theme and by status, alone and together', async () => {
    // Prepare
    const department = 'Filterforvaltningen Æbelø';
    const [friction, idea, asked] = (await submitAll(anna, [
      { ...FRICTION, title: 'Borgerdata tastes tre gange', department },
      { ...IDEA, title: 'Talegenkendelse på plejecentrene', department },
      { ...FRICTION, title: 'Borgerdata tastes tre gange igen', department },
    ])) as [string, string, string];
    expect((await decideNow(tove, asked, { decision: 'needs_info', question: 'Hvilke systemer bruger I på Æbelø?' })).status).toBe(200);
    const alignment = async (id: string) =>
      ((await (await tove.request('GET', `/console/ideas/${id}`)).json()) as { themeAlignment: { scores: { themeId: string; score: number }[] } }).themeAlignment.scores;
    const listedUnder = async (id: string) => (await alignment(id)).filter((score) => score.score >= 0.2).slice(0, 2).map((score) => score.themeId);

    // Act
    const byKind = await inbox({ department, kind: 'friction' });
    const ideas = await inbox({ department, kind: 'idea' });
    const automation = await inbox({ department, theme: 'automatisering' });
    const needsInfo = await inbox({ department, status: 'needs_info' });
    const askedFriction = await inbox({ department, status: 'needs_info', kind: 'friction', theme: 'automatisering' });
    const askedIdeas = await inbox({ department, status: 'needs_info', kind: 'idea' });

    // Assess
    expect(byKind.items.map((row) => row.id)).toEqual([friction]);
    expect(ideas.items.map((row) => row.id)).toEqual([idea]);
    expect(automation.items.map((row) => row.id)).toContain(friction);
    expect(automation.items.map((row) => row.id).includes(idea)).toBe((await listedUnder(idea)).includes('automatisering'));
    for (const themeId of ['automatisering', 'dataunderstoettelse', 'teknologianvendelse', 'organisatorisk_sammenhaeng']) {
      const listed = (await inbox({ department, theme: themeId })).items.map((row) => row.id).sort();
      const expected = (await Promise.all([friction, idea].map(async (id) => ((await listedUnder(id)).includes(themeId) ? [id] : [])))).flat().sort();
      expect(listed, themeId).toEqual(expected);
    }
    expect(needsInfo).toMatchObject({ status: 'needs_info' });
    expect(needsInfo.items.map((row) => row.id)).toEqual([asked]);
    expect(needsInfo.items[0]?.status).toBe('needs_info');
    expect(askedFriction.items.map((row) => row.id)).toEqual([asked]);
    expect(askedIdeas.items).toEqual([]);
    expect((await inbox({ department })).items.map((row) => row.id).sort()).toEqual([friction, idea].sort());
  });

  it('refuses a query it does not understand with 400 and the field at fault', async () => {
    // Act
    const queries: [string, string][] = [
      ['status=in-triage', '/status'],
      ['status=ukendt', '/status'],
      ['kind=b%C3%B8vl', '/kind'],
      ['sort=newest', '/sort'],
      ['limit=0', '/limit'],
      ['limit=101', '/limit'],
      ['limit=ti', '/limit'],
      ['theme=Automatisering!', '/theme'],
      ['department=%C3%86', '/department'],
      ['colour=red', ''],
    ];
    const answers = await Promise.all(queries.map(([query]) => tove.request('GET', `/console/inbox?${query}`)));

    // Assess
    for (const [n, response] of answers.entries()) {
      const [query, pointer] = queries[n] as [string, string];
      expect(response.status, query).toBe(400);
      const problem = await problemOf(response);
      expect(problem.type, query).toBe('/api/problems/validation');
      if (pointer !== '') expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer), query).toContain(pointer);
    }
  });
});

describe('the rows and the service level', () => {
  it('shows each row with its age, priority, themes and duplicates, not overdue within the 14-day service level; no digest is sent', async () => {
    // Prepare
    const department = 'Rækkekontoret Nørresundby';
    const [id] = (await submitAll(anna, [{ ...FRICTION, department }])) as [string];

    // Act
    const page = await inbox({ department });
    const digest = await runtime.runSchedule('triageDigest');
    const read = await tove.request('GET', `/console/ideas/${id}`);
    const idea = (await read.json()) as Record<string, unknown> & { version: number; duplicateCandidates: Record<string, unknown>[] };

    // Assess
    expect(page.serviceLevelDays).toBe(14);
    const row = page.items[0] as Row;
    expect(Object.keys(row).sort()).toEqual(
      ['daysInStatus', 'department', 'duplicateCandidates', 'frictionHoursPerYear', 'id', 'kind', 'overdue', 'priority', 'priorityBasis', 'priorityComplete', 'status', 'statusChangedAt', 'themes', 'title'].sort(),
    );
    expect(row).toMatchObject({ id, title: FRICTION.title, kind: 'friction', department, status: 'in_triage', overdue: false, frictionHoursPerYear: 920, priorityComplete: false, priorityBasis: 'suggested' });
    expect(row.daysInStatus).toBeLessThan(0.1);
    expect(row.themes[0]?.themeId).toBe('automatisering');
    expect(row.themes.length).toBeLessThanOrEqual(3);
    expect(row.priority).toBeGreaterThan(0);
    expect(row.duplicateCandidates).toBeGreaterThanOrEqual(1);
    expect(idea).toMatchObject({ overdue: false, status: 'in_triage', daysInStatus: 0, allowedDecisions: ['needs_info', 'accept', 'park', 'decline', 'duplicate', 'redirect'] });
    expect(read.headers.get('etag')).toBe(`"${idea.version}"`);
    // The same friction was reported by the earlier tests: the candidates come with their titles.
    expect(idea.duplicateCandidates).toHaveLength(row.duplicateCandidates);
    for (const candidate of idea.duplicateCandidates) {
      expect(Object.keys(candidate).sort()).toEqual(['department', 'ideaId', 'similarity', 'status', 'title']);
      expect(typeof candidate['title']).toBe('string');
      expect(String(candidate['title']).length).toBeGreaterThan(2);
    }
    expect(digest).toMatchObject({ overdue: 0 });
    expect((await outbox(runtime, 'digitalisering@spire.localhost'))).toEqual([]);
  });

  it('assigns an idea with If-Match and shows the assignee on its row; the submitter never sees it', async () => {
    // Prepare
    const department = 'Tildelingskontoret Ålborg';
    const [id] = (await submitAll(anna, [{ ...FRICTION, department }])) as [string];
    const etag = await consoleEtag(tove, id);

    // Act
    const assigned = await tove.request('PUT', `/console/ideas/${id}/assignee`, { body: { assignee: { sub: 'søren', name: 'Søren Ærbødig' } }, headers: { 'if-match': etag } });
    const stale = await tove.request('PUT', `/console/ideas/${id}/assignee`, { body: { assignee: null }, headers: { 'if-match': etag } });
    const row = (await inbox({ department })).items[0] as Row;
    const unassigned = await tove.request('PUT', `/console/ideas/${id}/assignee`, { body: { assignee: null }, headers: { 'if-match': assigned.headers.get('etag') as string } });
    const rowAfter = (await inbox({ department })).items[0] as Row;

    // Assess
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toEqual({ id, assignee: { sub: 'søren', name: 'Søren Ærbødig' }, version: 3 });
    expect(stale.status).toBe(412);
    expect(row.assignee).toEqual({ sub: 'søren', name: 'Søren Ærbødig' });
    expect(unassigned.status).toBe(200);
    expect(await unassigned.json()).toEqual({ id, assignee: null, version: 4 });
    expect(rowAfter).not.toHaveProperty('assignee');
    const staff = (await (await tove.request('GET', `/console/ideas/${id}`)).json()) as { history: { change?: string; status: string }[] };
    expect(staff.history.filter((event) => event.change === 'assignment')).toHaveLength(2);
    const own = await (await anna.request('GET', `/ideas/${id}`)).text();
    expect(own).not.toMatch(/søren|Søren|Ærbødig|assign/);
    expect((JSON.parse(own) as { history: unknown[] }).history).toHaveLength(2);
  });

  it('lists the ideas assigned to the caller with assignee=me, in their status, and moves them as they are reassigned or decided', async () => {
    // Prepare
    const department = 'Egne sager Ærøskøbing';
    const [mine, ullas, nobodys] = (await submitAll(anna, [
      { ...FRICTION, department, title: 'Toves bøvl med nøglebokse' },
      { ...IDEA, department, title: 'Ullas idé om åbne data' },
      { ...IDEA, department, title: 'Ingens idé om nattevagter' },
    ])) as [string, string, string];
    const assign = async (id: string, assignee: { sub: string; name: string } | null) =>
      tove.request('PUT', `/console/ideas/${id}/assignee`, { body: { assignee }, headers: { 'if-match': await consoleEtag(tove, id) } });
    expect((await assign(mine, { sub: 'tove', name: 'Tove Ågård' })).status).toBe(200);
    expect((await assign(ullas, { sub: 'ulla', name: 'Ulla Høj' })).status).toBe(200);
    const ids = (page: InboxPage) => page.items.map((row) => row.id);

    // Act
    const toves = await inbox({ assignee: 'me' });
    const ullasList = await inbox({ assignee: 'me', sort: 'age' }, ulla);
    expect((await decideNow(tove, mine, { decision: 'needs_info', question: 'Hvor mange nøglebokse har I på Åparken?' })).status).toBe(200);
    const afterQuestion = { triage: await inbox({ assignee: 'me' }), asked: await inbox({ assignee: 'me', status: 'needs_info' }) };
    expect((await assign(ullas, { sub: 'tove', name: 'Tove Ågård' })).status).toBe(200);
    const afterReassign = { tove: await inbox({ assignee: 'me' }), ulla: await inbox({ assignee: 'me' }, ulla) };

    // Assess
    expect(ids(toves)).toContain(mine);
    expect(ids(toves)).not.toContain(ullas);
    expect(ids(toves)).not.toContain(nobodys);
    expect(toves.items.find((row) => row.id === mine)?.assignee).toEqual({ sub: 'tove', name: 'Tove Ågård' });
    expect(ids(ullasList)).toEqual([ullas]);
    expect(ids(afterQuestion.triage)).not.toContain(mine);
    expect(ids(afterQuestion.asked)).toEqual([mine]);
    expect(ids(afterReassign.tove)).toContain(ullas);
    expect(ids(afterReassign.ulla)).toEqual([]);
  });

  it('refuses assignee=me narrowed by kind, department or theme with 400 naming each, and assignee=<somebody else>', async () => {
    // Act
    const combined = await tove.request('GET', `/console/inbox?assignee=me&kind=idea&department=${encodeURIComponent('Ældreplejen')}&theme=automatisering`);
    const other = await tove.request('GET', '/console/inbox?assignee=ulla');

    // Assess
    expect(combined.status).toBe(400);
    expect(((await problemOf(combined))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/kind', '/department', '/theme']);
    expect(other.status).toBe(400);
    expect(((await problemOf(other))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/assignee']);
  });

  it('marks a priority that is only suggested until the team scores, and keeps every list of the idea in step with its scorecard', async () => {
    // Prepare
    const department = 'Scoringskontoret Ærøskøbing';
    const [id] = (await submitAll(anna, [{ ...FRICTION, department }])) as [string];
    const suggested = (await inbox({ department })).items[0] as Row;
    const score = async (scores: Record<string, number>) => {
      const response = await tove.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores }, headers: { 'if-match': await consoleEtag(tove, id) } });
      expect(response.status).toBe(200);
    };

    // Act
    await score({ feasibility: 3 });
    const partly = await Promise.all([inbox({ department }), inbox({ department, sort: 'age' }), inbox({ department, kind: 'friction', sort: 'age' })]);
    await score({ strategic_fit: 3, benefit: 3, feasibility: 3, risk_compliance: 2, reach: 2 });
    const scored = await Promise.all([inbox({ department }), inbox({ department, sort: 'age' }), inbox({ department, kind: 'friction' })]);

    // Assess
    expect(suggested).toMatchObject({ id, priorityBasis: 'suggested', priorityComplete: false });
    for (const page of partly) expect(page.items.find((row) => row.id === id)?.priorityBasis).toBe('partly-scored');
    for (const page of scored) expect(page.items.find((row) => row.id === id)).toMatchObject({ priorityBasis: 'scored', priorityComplete: true });
  });
});
