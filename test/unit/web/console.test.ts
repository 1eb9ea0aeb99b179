import { describe, expect, it } from 'vitest';
import { decisionInput, draftErrors, emptyDraft, submitterPreview, type DraftTexts } from '../../../web/src/pages/console/decision.ts';
import { highlightSegments } from '../../../web/src/pages/console/highlight.ts';
import { inboxAddress, inboxApiQuery, inboxViewOf } from '../../../web/src/pages/console/inbox-query.ts';
import { jwtClaims, rolesOfClaims } from '../../../web/src/session/person.ts';

const TEXTS: DraftTexts = {
  required: 'required',
  minChars: (min) => `min ${min}`,
  maxChars: (max) => `max ${max}`,
  dateInvalid: 'not a date',
  dateFuture: 'not after today',
  idInvalid: 'not an id',
};

describe('the roles of a sign-in', () => {
  it('reads the roles from an array claim or a single value, and gives everybody the employee role', () => {
    expect(rolesOfClaims(['triage'], undefined)).toEqual(['employee', 'triage']);
    expect(rolesOfClaims(undefined, 'director')).toEqual(['employee', 'director']);
    expect(rolesOfClaims(['root', 42], ['admin'])).toEqual(['employee', 'admin']);
    expect(rolesOfClaims()).toEqual(['employee']);
  });

  it('reads the claims of a token without trusting them, and none of what is not a token', () => {
    const payload = Buffer.from(JSON.stringify({ roles: ['triage'], name: 'Jonas Nørgaard' })).toString('base64url');
    expect(jwtClaims(`header.${payload}.signature`)).toEqual({ roles: ['triage'], name: 'Jonas Nørgaard' });
    expect(jwtClaims('opaque-token')).toEqual({});
    expect(jwtClaims('a.%%%.b')).toEqual({});
  });
});

describe('the inbox’s address', () => {
  it('holds only what differs from the default view, and reads back the same view', () => {
    const view = inboxViewOf({ status: 'needs_info', kind: 'friction', department: ' Ældreplejen ', theme: 'automatisering', sort: 'age', cursor: 'abc' });
    expect(inboxAddress(view)).toBe('/console?status=needs_info&kind=friction&department=%C3%86ldreplejen&theme=automatisering&sort=age&cursor=abc');
    expect(inboxViewOf(Object.fromEntries(new URL(inboxAddress(view), 'http://x').searchParams))).toEqual(view);
    expect(inboxAddress(inboxViewOf({}))).toBe('/console');
  });

  it('holds "assigned to me" as mine=1, which leaves out kind, department and theme as the API requires', () => {
    const view = inboxViewOf({ mine: '1', status: 'needs_info', kind: 'friction', department: 'Ældreplejen', theme: 'automatisering', sort: 'age' });
    expect(view).toEqual({ status: 'needs_info', mine: true, sort: 'age' });
    expect(inboxAddress(view)).toBe('/console?status=needs_info&mine=1&sort=age');
    expect(inboxApiQuery(view)).toEqual({ status: 'needs_info', sort: 'age', assignee: 'me' });
    expect(inboxViewOf({ mine: 'yes' })).toEqual({ status: 'in_triage', sort: 'priority' });
  });

  it('asks the API for the narrowed list without assignee when mine is not set', () => {
    const view = inboxViewOf({ kind: 'idea', department: 'Ældreplejen', cursor: 'abc' });
    expect(inboxApiQuery(view)).toEqual({ status: 'in_triage', sort: 'priority', kind: 'idea', department: 'Ældreplejen', cursor: 'abc' });
  });

  it('falls back to the default for values the API would refuse', () => {
    expect(inboxViewOf({ status: 'nonsense', kind: 'both', sort: 'random', department: '   ' })).toEqual({ status: 'in_triage', sort: 'priority' });
  });
});

describe('highlighting the words that matched a theme', () => {
  it('marks every occurrence whatever its case, phrases over any whitespace, and parts of longer words', () => {
    const segments = highlightSegments('Dobbeltindtastning af borgerdata. Borgerdata\ntastes  igen', ['borgerdata', 'tastes igen', 'indtastning']);
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['indtastning', 'borgerdata', 'Borgerdata', 'tastes  igen']);
    expect(segments.map((segment) => segment.text).join('')).toBe('Dobbeltindtastning af borgerdata. Borgerdata\ntastes  igen');
  });

  it('leaves the text whole when nothing matched, and reads terms as text, not patterns', () => {
    expect(highlightSegments('Et (lille) problem', [])).toEqual([{ text: 'Et (lille) problem', marked: false }]);
    expect(highlightSegments('Et (lille) problem', ['(lille)']).filter((segment) => segment.marked)).toEqual([{ text: '(lille)', marked: true }]);
  });
});

describe('a decision being written', () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it('needs what the API needs of each decision', () => {
    expect(draftErrors(emptyDraft('needs_info'), TEXTS, now)).toEqual([{ pointer: '/question', detail: 'required' }]);
    expect(draftErrors({ ...emptyDraft('needs_info'), question: 'Hvad?' }, TEXTS, now)).toEqual([]);
    expect(draftErrors(emptyDraft('accept'), TEXTS, now)).toEqual([]);
    expect(draftErrors({ ...emptyDraft('park'), revisitOn: '2026-12-06' }, TEXTS, now)).toEqual([{ pointer: '/revisitOn', detail: 'not after today' }]);
    expect(draftErrors(emptyDraft('decline'), TEXTS, now).map((error) => error.pointer)).toEqual(['/reasonCode', '/message']);
    expect(draftErrors({ ...emptyDraft('duplicate'), into: 'not-a-uuid' }, TEXTS, now)).toEqual([{ pointer: '/into', detail: 'not an id' }]);
    expect(draftErrors(emptyDraft('redirect'), TEXTS, now).map((error) => error.pointer)).toEqual(['/to', '/message']);
  });

  it('becomes the request body, with an empty optional message left out', () => {
    expect(decisionInput({ ...emptyDraft('park'), revisitOn: '2027-03-01', message: '  ' }, false)).toEqual({ decision: 'park', revisitOn: '2027-03-01' });
    expect(decisionInput({ ...emptyDraft('decline'), reasonCode: 'no_capacity', message: ' Ikke nu. ' }, true)).toEqual({ decision: 'decline', reasonCode: 'no_capacity', message: 'Ikke nu.', confirmPersonalData: true });
  });

  it('previews the message the submitter will get, as the API writes it', () => {
    const preview = submitterPreview({ ...emptyDraft('decline'), reasonCode: 'no_capacity', message: 'Vi ser på den igen til foråret.' }, 'da');
    expect(preview).toBe('Vi går ikke videre med din idé. Se begrundelsen nedenfor.\n\nBegrundelse: Vi har ikke kræfter til det lige nu.\n\nVi ser på den igen til foråret.');
    expect(submitterPreview({ ...emptyDraft('needs_info'), question: 'How many?' }, 'en')).toContain('Question: How many?');
  });
});
