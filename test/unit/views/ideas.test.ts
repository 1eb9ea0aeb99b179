import { describe, expect, it } from 'vitest';
import type { IdeaEvent } from '../../../shared/domain/idea.ts';
import { ideaDocument, ideaSummary } from '../../../shared/views/ideas.ts';
import { aFrictionIdea, anAnonymousIdea, anIdea, aSubmittedEvent, IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';

const idea = aFrictionIdea({ status: 'declined', version: 3, frictionHoursPerYear: 1380, statusChangedAt: '2026-01-06T09:00:00.000Z' });
const history: IdeaEvent[] = [
  aSubmittedEvent(idea),
  { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } },
  {
    ideaId: IDEA_ID,
    version: 3,
    at: '2026-01-06T09:00:00.000Z',
    from: 'in_triage',
    to: 'declined',
    actor: { kind: 'staff', sub: 'triage-1', name: 'Søren Ærø' },
    reason: 'Løses allerede af det nye omsorgssystem.',
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
      statusMessage: 'Vi går ikke videre med din idé. Se begrundelsen nedenfor.',
      submittedAt: idea.createdAt,
      statusChangedAt: '2026-01-06T09:00:00.000Z',
      friction: { frequency: 3, frequencyUnit: 'day', minutesEach: 10, peopleAffected: 12 },
      frictionHoursPerYear: 1380,
      history: [
        { at: idea.createdAt, status: 'submitted', message: expect.stringContaining('Tak!') },
        { at: '2026-01-05T08:31:00.000Z', from: 'submitted', status: 'in_triage', message: expect.any(String) },
        {
          at: '2026-01-06T09:00:00.000Z',
          from: 'in_triage',
          status: 'declined',
          message: 'Vi går ikke videre med din idé. Se begrundelsen nedenfor.',
          reason: 'Løses allerede af det nye omsorgssystem.',
        },
      ],
    });
    expect(JSON.stringify(document)).not.toContain('Søren');
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
    expect(document.statusMessage).toBe('We will not take your idea further. See the reason below.');
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
      statusMessage: 'We will not take your idea further. See the reason below.',
      submittedAt: idea.createdAt,
      statusChangedAt: '2026-01-06T09:00:00.000Z',
    });
  });
});
