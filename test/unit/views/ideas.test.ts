import { describe, expect, it } from 'vitest';
import type { Idea, IdeaDecision, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { ideaDocument, ideaSummary } from '../../../shared/views/ideas.ts';
import { aFrictionIdea, aFrictionIdeaWithoutFigures, anAnonymousIdea, anIdea, aSubmittedEvent, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';

const STAFF = { sub: 'triage-1', name: 'Søren Ærø' };
const decline: IdeaDecision = {
  kind: 'decline',
  at: '2026-01-06T09:00:00.000Z',
  by: STAFF,
  reasonCode: 'already_solved',
  message: 'Det nye omsorgssystem løser det til sommer.',
};
const DECLINED_DA = [
  'Vi går ikke videre med din idé. Se begrundelsen nedenfor.',
  'Begrundelse: Der findes allerede en løsning.',
  'Det nye omsorgssystem løser det til sommer.',
].join('\n\n');
const DECLINED_EN = [
  'We will not take your idea further. See the reason below.',
  'Reason: A solution already exists.',
  'Det nye omsorgssystem løser det til sommer.',
].join('\n\n');

const idea = aFrictionIdea({ status: 'declined', version: 3, frictionHoursPerYear: 1380, statusChangedAt: '2026-01-06T09:00:00.000Z', decision: decline });
const history: IdeaEvent[] = [
  aSubmittedEvent(idea),
  { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } },
  {
    ideaId: IDEA_ID,
    version: 3,
    at: '2026-01-06T09:00:00.000Z',
    from: 'in_triage',
    to: 'declined',
    actor: { kind: 'staff', ...STAFF },
    reason: 'Løses allerede af det nye omsorgssystem.',
    decision: decline,
  },
];

describe('ideaDocument', () => {
  it('shows the submitter the idea, its status and history, naming nobody', () => {
    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da');

    // Assess
    expect(document).toEqual({
      id: IDEA_ID,
      kind: 'friction',
      title: 'Bøvl med at låse døren op i appen',
      description: idea.description,
      department: 'Ældre og sundhed',
      language: 'da',
      anonymous: false,
      status: 'declined',
      statusMessage: DECLINED_DA,
      submittedAt: idea.createdAt,
      statusChangedAt: '2026-01-06T09:00:00.000Z',
      friction: { frequency: 3, frequencyUnit: 'day', minutesEach: 10, peopleAffected: 12 },
      frictionHoursPerYear: 1380,
      decision: { kind: 'decline', at: '2026-01-06T09:00:00.000Z', reasonCode: 'already_solved', message: 'Det nye omsorgssystem løser det til sommer.' },
      history: [
        { at: idea.createdAt, status: 'submitted', message: expect.stringContaining('Tak!') },
        { at: '2026-01-05T08:31:00.000Z', from: 'submitted', status: 'in_triage', message: expect.any(String) },
        {
          at: '2026-01-06T09:00:00.000Z',
          from: 'in_triage',
          status: 'declined',
          message: DECLINED_DA,
          reason: 'Løses allerede af det nye omsorgssystem.',
        },
      ],
      messages: [
        { at: idea.createdAt, kind: 'status', status: 'submitted', text: expect.stringContaining('Tak!') },
        { at: '2026-01-05T08:31:00.000Z', kind: 'status', status: 'in_triage', text: expect.any(String) },
        { at: '2026-01-06T09:00:00.000Z', kind: 'status', status: 'declined', text: DECLINED_DA },
      ],
    });
    expect(JSON.stringify(document)).not.toContain('Søren Ærø');
    expect(JSON.stringify(document)).not.toContain('triage-1');
    expect(JSON.stringify(document)).not.toContain(SUBMITTER_SUB);
  });

  it('shows staff who submitted the idea, who did what, and the version', () => {
    // Act
    const document = ideaDocument(idea, history, 'staff', 'da');

    // Assess
    expect(document.submitter).toEqual({ sub: SUBMITTER_SUB, name: 'Birthe Sørensen' });
    expect(document.version).toBe(3);
    expect(document.history.map((event) => event.actor)).toEqual(history.map((event) => event.actor));
  });

  it.each(['submitter', 'staff'] as const)('tells the %s that the friction figures, and so the hours, are unknown: figuresUnknown, no friction, no hours', (view) => {
    // Prepare
    const report = aFrictionIdeaWithoutFigures({ status: 'in_triage', version: 2 });

    // Act
    const document = ideaDocument(report, [aSubmittedEvent(report)], view, 'da');

    // Assess
    expect(document).toMatchObject({ kind: 'friction', title: 'Nøglerne til medicinskabet bliver væk', department: 'Hjemmeplejen Øst', figuresUnknown: true });
    expect(document).not.toHaveProperty('friction');
    expect(document).not.toHaveProperty('frictionHoursPerYear');
  });

  it('shows staff no submitter on an anonymous idea', () => {
    // Prepare
    const anonymous = anAnonymousIdea('hash');

    // Act
    const document = ideaDocument(anonymous, [aSubmittedEvent(anonymous)], 'staff', 'da');

    // Assess
    expect(document).not.toHaveProperty('submitter');
    expect(document).not.toHaveProperty('followUpTokenHash');
    expect(document.history[0]?.actor).toEqual({ kind: 'submitter' });
  });

  it('never shows the follow-up token hash or the re-queue count', () => {
    // Prepare
    const anonymous = anAnonymousIdea('secret-hash', { requeueCount: 2 });

    // Act
    const document = ideaDocument(anonymous, [], 'submitter', 'da');

    // Assess
    expect(JSON.stringify(document)).not.toContain('secret-hash');
    expect(document).not.toHaveProperty('requeueCount');
  });

  it('shows theme scores and duplicate candidates to staff only, never the shingles', () => {
    // Prepare
    const idea = anIdea({
      themeAlignment: { strategyVersion: 2, scores: [{ themeId: 'automatisering', score: 0.7, matchedTerms: ['dobbeltindtastning'] }] },
      duplicateCandidates: [{ ideaId: 'other', similarity: 0.8 }],
      shingles: ['robot', 'robot'],
    });

    // Act
    const staff = ideaDocument(idea, [], 'staff', 'da');
    const submitter = ideaDocument(idea, [], 'submitter', 'da');

    // Assess
    expect(staff).toMatchObject({ themeAlignment: idea.themeAlignment, duplicateCandidates: idea.duplicateCandidates });
    expect(submitter).not.toHaveProperty('themeAlignment');
    expect(submitter).not.toHaveProperty('duplicateCandidates');
    expect(staff).not.toHaveProperty('shingles');
  });

  it('writes status messages in the language asked for', () => {
    // Act
    const document = ideaDocument(idea, history, 'submitter', 'en');

    // Assess
    expect(document.statusMessage).toBe(DECLINED_EN);
    expect(document.history[0]?.message).toBe('Thank you! We have received and stored your idea. The digitalisation team will have it shortly.');
  });

  it('leaves out friction for a plain idea', () => {
    // Act
    const document = ideaDocument(anIdea(), [], 'submitter', 'da');

    // Assess
    expect(document).not.toHaveProperty('friction');
    expect(document).not.toHaveProperty('frictionHoursPerYear');
  });
});

/** A comment on the idea by the team; to the submitter unless said otherwise. */
function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c-1',
    ideaId: IDEA_ID,
    at: '2026-01-05T12:00:00.000Z',
    author: STAFF,
    visibility: 'submitter',
    text: 'Vi har talt med leverandøren – det ser lovende ud.',
    ...overrides,
  };
}

/** An idea in triage that has been assigned, scored and commented on, with its history. */
function aWorkedOnIdea(): { idea: Idea; history: IdeaEvent[]; comments: Comment[] } {
  const triaged = anIdea({
    status: 'needs_info',
    version: 5,
    statusChangedAt: '2026-01-07T10:00:00.000Z',
    assignee: { sub: 'triage-2', name: 'Åse Østergård' },
    scorecard: { strategyVersion: 1, scores: {}, priority: 64, complete: true, scoredAt: '2026-01-06T08:00:00.000Z', scoredBy: 'triage-2' },
    decision: { kind: 'needs_info', at: '2026-01-07T10:00:00.000Z', by: STAFF, message: 'Hvilke tre systemer drejer det sig om?' },
  });
  const history: IdeaEvent[] = [
    aSubmittedEvent(triaged),
    { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } },
    { ideaId: IDEA_ID, version: 3, at: '2026-01-05T13:00:00.000Z', change: 'assignment', to: 'in_triage', actor: { kind: 'staff', sub: 'triage-2', name: 'Åse Østergård' } },
    { ideaId: IDEA_ID, version: 4, at: '2026-01-06T08:00:00.000Z', change: 'scorecard', to: 'in_triage', actor: { kind: 'staff', sub: 'triage-2', name: 'Åse Østergård' } },
    {
      ideaId: IDEA_ID,
      version: 5,
      at: '2026-01-07T10:00:00.000Z',
      from: 'in_triage',
      to: 'needs_info',
      actor: { kind: 'staff', ...STAFF },
      decision: triaged.decision,
    },
  ];
  const comments = [
    aComment({ id: 'c-1', at: '2026-01-05T12:00:00.000Z', visibility: 'submitter', text: 'Tak – vi kigger på den i denne uge.' }),
    aComment({ id: 'c-2', at: '2026-01-06T09:00:00.000Z', visibility: 'internal', author: { sub: 'triage-2', name: 'Åse Østergård' }, text: 'Leverandøren tager 40.000 kr. for modulet.' }),
    aComment({ id: 'c-3', at: '2026-01-08T09:00:00.000Z', visibility: 'submitter', text: 'Har du set vores spørgsmål?' }),
  ];
  return { idea: triaged, history, comments };
}

describe('ideaDocument for the submitter', () => {
  it('tells the submitter why the idea was declined, by the reason’s label', () => {
    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da');

    // Assess
    expect(document.statusMessage).toContain('Begrundelse: Der findes allerede en løsning.');
    expect(document.statusMessage).toContain('Det nye omsorgssystem løser det til sommer.');
  });

  it('shows the decision without the member of staff who took it', () => {
    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da');

    // Assess
    expect(document.decision).toEqual({ kind: 'decline', at: decline.at, reasonCode: 'already_solved', message: decline.message });
    expect(document.decision).not.toHaveProperty('by');
  });

  it('shows triage’s question in the status message while the idea awaits an answer', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(document.statusMessage).toContain('Spørgsmål: Hvilke tre systemer drejer det sig om?');
  });

  it('tells the submitter of an idea whose intake was given up that it is delayed and the team can see it, not that it arrives shortly', () => {
    // Prepare
    const stuck = anIdea({ requeueCount: 5, version: 2, intakeAbandonedAt: '2026-01-05T09:00:00.000Z' });
    const given = [aSubmittedEvent(stuck), { ideaId: stuck.id, version: 2, at: '2026-01-05T09:00:00.000Z', from: 'submitted', to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' } } satisfies IdeaEvent];

    // Act
    const document = ideaDocument(stuck, given, 'submitter', 'da');
    const row = ideaSummary(stuck, 'en');

    // Assess
    expect(document.status).toBe('submitted');
    expect(document.statusMessage).toBe('Din idé er gemt, men en teknisk fejl har forsinket den på vej til digitaliseringsteamet. Teamet kan se den på deres liste.');
    expect(row.statusMessage).toBe('Your idea is saved, but a technical fault has delayed it on its way to the digitalisation team. The team can see it in their list.');
    expect(document.history).toHaveLength(1);
  });

  it('names no member of staff anywhere: not who decided, was assigned, scored or commented', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const text = JSON.stringify(ideaDocument(idea, history, 'submitter', 'da', { comments }));

    // Assess
    for (const secret of ['Søren Ærø', 'triage-1', 'Åse Østergård', 'triage-2']) expect(text).not.toContain(secret);
    expect(text).not.toContain('author');
    expect(text).not.toContain('assignee');
  });

  it('never shows internal comments', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(JSON.stringify(document)).not.toContain('40.000 kr.');
    expect(document).not.toHaveProperty('comments');
  });

  it('gives the submitter’s messages, status changes and comments to them, oldest first', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(document.messages.map((message) => [message.at, message.kind])).toEqual([
      ['2026-01-05T08:30:00.000Z', 'status'],
      ['2026-01-05T08:31:00.000Z', 'status'],
      ['2026-01-05T12:00:00.000Z', 'comment'],
      ['2026-01-07T10:00:00.000Z', 'status'],
      ['2026-01-08T09:00:00.000Z', 'comment'],
    ]);
  });

  it('words each message as the e-mail did: the status message with its decision, the comment as from the team', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(document.messages[2]).toEqual({ at: '2026-01-05T12:00:00.000Z', kind: 'comment', text: 'Besked fra digitaliseringsteamet:\n\nTak – vi kigger på den i denne uge.' });
    expect(document.messages[3]).toEqual({
      at: '2026-01-07T10:00:00.000Z',
      kind: 'status',
      status: 'needs_info',
      text: 'Digitaliseringsteamet har et spørgsmål til dig. Svar gerne, så vi kan komme videre.\n\nSpørgsmål: Hvilke tre systemer drejer det sig om?',
    });
  });

  it('gives the messages in the language asked for', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'en', { comments });

    // Assess
    expect(document.messages[2]?.text).toBe('Message from the digitalisation team:\n\nTak – vi kigger på den i denne uge.');
    expect(document.messages[3]?.text).toContain('Question: Hvilke tre systemer drejer det sig om?');
  });

  it('leaves triage’s own work (assignment, scoring) out of the history and the messages', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(document.history.map((event) => event.status)).toEqual(['submitted', 'in_triage', 'needs_info']);
    expect(document.messages.filter((message) => message.kind === 'status')).toHaveLength(3);
  });

  it('shows the submitter’s own answer in the history', () => {
    // Prepare
    const answered: IdeaEvent = {
      ideaId: IDEA_ID,
      version: 6,
      at: '2026-01-09T08:00:00.000Z',
      from: 'needs_info',
      to: 'in_triage',
      actor: { kind: 'submitter', sub: SUBMITTER_SUB },
      answer: 'Journalen, medicinmodulet og vagtplanen.',
    };

    // Act
    const document = ideaDocument(anIdea({ status: 'in_triage' }), [answered], 'submitter', 'da');

    // Assess
    expect(document.history).toEqual([
      { at: '2026-01-09T08:00:00.000Z', from: 'needs_info', status: 'in_triage', message: expect.any(String), answer: 'Journalen, medicinmodulet og vagtplanen.' },
    ]);
  });

  it('shows no messages and no decision for an idea nobody has touched', () => {
    // Act
    const document = ideaDocument(anIdea(), [], 'submitter', 'da');

    // Assess
    expect(document.messages).toEqual([]);
    expect(document).not.toHaveProperty('decision');
    expect(document).not.toHaveProperty('supportCount');
    expect(document).not.toHaveProperty('mergedInto');
  });

  it('shows how many colleagues support the idea', () => {
    // Act
    const document = ideaDocument(anIdea({ status: 'in_triage' }), [], 'submitter', 'da', { supportCount: 7 });

    // Assess
    expect(document.supportCount).toBe(7);
  });

  it('shows a merged idea where it now lives: its title and its status as a label, in the reader’s language', () => {
    // Prepare
    const merged = anIdea({
      status: 'duplicate',
      decision: { kind: 'duplicate', at: '2026-01-07T10:00:00.000Z', by: STAFF, mergedInto: OTHER_IDEA_ID },
    });
    const survivor = { id: OTHER_IDEA_ID, title: 'Én registrering på plejecentret', status: 'accepted' as const };

    // Act
    const danish = ideaDocument(merged, [], 'submitter', 'da', { mergedInto: survivor });
    const english = ideaDocument(merged, [], 'submitter', 'en', { mergedInto: survivor });

    // Assess
    expect(danish.mergedInto).toEqual({ id: OTHER_IDEA_ID, title: 'Én registrering på plejecentret', status: 'accepted', statusLabel: 'Valgt til afprøvning' });
    expect(english.mergedInto).toMatchObject({ statusLabel: 'Selected for a trial' });
  });

  it.each([
    ['a question', aDecisionOn('needs_info', { message: 'Gælder det borgeren med CPR-nummer 010190-1234?' }), 'needs_info'],
    ['a decline with its message', aDecisionOn('decline', { reasonCode: 'legal_or_compliance', message: 'Borgeren 010190-1234 har klaget.' }), 'declined'],
    ['an accept with its message', aDecisionOn('accept', { message: 'Vi ringer til dig om 010190-1234 i morgen.' }), 'accepted'],
  ] as const)('never shows what triage wrote to the surviving idea’s submitter (%s), nor the message addressed to them', (_case, decision, status) => {
    // Prepare: the whole surviving idea, as the store reads it.
    const merged = anIdea({ status: 'duplicate', decision: { kind: 'duplicate', at: '2026-01-07T10:00:00.000Z', by: STAFF, mergedInto: OTHER_IDEA_ID } });
    const survivor = anIdea({ id: OTHER_IDEA_ID, title: 'Én registrering på plejecentret', status, decision });

    // Act
    const text = JSON.stringify(ideaDocument(merged, [], 'submitter', 'da', { mergedInto: survivor }));

    // Assess
    expect(text).not.toContain('010190-1234');
    expect(text).not.toContain('Begrundelse');
    expect(text).not.toContain('din idé er valgt');
    expect(text).not.toContain('spørgsmål til dig');
    expect(text).not.toContain('Søren Ærø');
  });
});

/** A decision of triage on the surviving idea. */
function aDecisionOn(kind: IdeaDecision['kind'], fields: Partial<IdeaDecision>): IdeaDecision {
  return { kind, at: '2026-01-08T10:00:00.000Z', by: STAFF, ...fields };
}

describe('ideaDocument for staff', () => {
  it('shows every comment, internal ones included, with its author', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'staff', 'da', { comments });

    // Assess
    expect(document.comments).toEqual(comments);
  });

  it('shows an empty list of comments when there are none', () => {
    // Act
    const document = ideaDocument(anIdea(), [], 'staff', 'da');

    // Assess
    expect(document.comments).toEqual([]);
  });

  it('shows the assignee, the version and who took the decision', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'staff', 'da', { comments });

    // Assess
    expect(document.assignee).toEqual({ sub: 'triage-2', name: 'Åse Østergård' });
    expect(document.version).toBe(5);
    expect(document.decision).toEqual({ kind: 'needs_info', at: '2026-01-07T10:00:00.000Z', by: STAFF, message: 'Hvilke tre systemer drejer det sig om?' });
  });

  it('shows triage’s own work in the history, marked by its change', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const document = ideaDocument(idea, history, 'staff', 'da', { comments });

    // Assess
    expect(document.history.map((event) => ('change' in event ? event.change : undefined))).toEqual([undefined, undefined, 'assignment', 'scorecard', undefined]);
  });

  it('shows staff the messages exactly as the submitter has them', () => {
    // Prepare
    const { idea, history, comments } = aWorkedOnIdea();

    // Act
    const staff = ideaDocument(idea, history, 'staff', 'da', { comments });
    const submitter = ideaDocument(idea, history, 'submitter', 'da', { comments });

    // Assess
    expect(staff.messages).toEqual(submitter.messages);
    expect(JSON.stringify(staff.messages)).not.toContain('40.000 kr.');
  });

  it('shows no assignee on an idea nobody looks after', () => {
    // Act
    const document = ideaDocument(anIdea({ status: 'in_triage' }), [], 'staff', 'da');

    // Assess
    expect(document).not.toHaveProperty('assignee');
  });
});

describe('ideaSummary', () => {
  it('gives one row of the submitter’s list, with the status message in their language', () => {
    // Act
    const row = ideaSummary(idea, 'en');

    // Assess
    expect(row).toEqual({
      id: IDEA_ID,
      kind: 'friction',
      title: 'Bøvl med at låse døren op i appen',
      status: 'declined',
      statusMessage: DECLINED_EN,
      submittedAt: idea.createdAt,
      statusChangedAt: '2026-01-06T09:00:00.000Z',
    });
  });

  it('points a merged idea’s row at the idea it now lives on', () => {
    // Prepare
    const merged = anIdea({
      status: 'duplicate',
      decision: { kind: 'duplicate', at: '2026-01-06T09:00:00.000Z', by: { sub: 'triage-1' }, mergedInto: OTHER_IDEA_ID },
    });

    // Act
    const row = ideaSummary(merged, 'da');

    // Assess
    expect(row).toMatchObject({ status: 'duplicate', mergedInto: OTHER_IDEA_ID });
  });

  it('tells the reason for a decline in the row’s status message', () => {
    // Act
    const row = ideaSummary(idea, 'da');

    // Assess
    expect(row.statusMessage).toBe(DECLINED_DA);
  });

  it('shows the plain status message while triage has added nothing', () => {
    // Act
    const row = ideaSummary(anIdea({ status: 'in_triage' }), 'da');

    // Assess
    expect(row.statusMessage).toBe('Digitaliseringsteamet har fået din idé og vurderer den. Du får besked, når der er nyt.');
  });

  it('names nobody', () => {
    // Act
    const row = JSON.stringify(ideaSummary(idea, 'da'));

    // Assess
    expect(row).not.toContain('Søren Ærø');
    expect(row).not.toContain(SUBMITTER_SUB);
  });
});
