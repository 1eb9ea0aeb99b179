import { describe, expect, it } from 'vitest';
import { inboxRow } from '../../../shared/domain/inbox.ts';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import type { IdeaRecord } from '../../../shared/store/ports.ts';
import { consoleIdeaDocument, inboxRowView } from '../../../shared/views/console.ts';
import { anIdea, aSubmittedEvent, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { aPilotIn, aStoppedPilot, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-03-10T12:00:00.000Z');
const LEVEL = { days: 10, now: NOW };
const THIRD_IDEA_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const STAFF = { sub: 'triage-1', name: 'Søren Ærø' };

const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

/** An idea that entered triage `days` ago. */
function aTriagedIdea(days: number, overrides: Partial<Idea> = {}): Idea {
  return anIdea({ status: 'in_triage', version: 2, statusChangedAt: ago(days), ...overrides });
}

/** The idea's whole record, as the store reads it: history, comments and support. */
function aRecord(idea: Idea, comments: Comment[] = [], supportCount = 0): IdeaRecord {
  const history: IdeaEvent[] = [
    aSubmittedEvent(idea),
    { ideaId: idea.id, version: 2, at: idea.statusChangedAt, from: 'submitted', to: 'in_triage', actor: { kind: 'system' } },
  ];
  return { idea, history, comments, supportCount };
}

const internalComment: Comment = {
  id: 'c-1',
  ideaId: IDEA_ID,
  at: '2026-03-09T09:00:00.000Z',
  author: STAFF,
  visibility: 'internal',
  text: 'Leverandøren tager 40.000 kr. for modulet.',
};

describe('inboxRowView', () => {
  it('adds how many days the idea has been in its status', () => {
    // Act
    const view = inboxRowView(inboxRow(aTriagedIdea(3.25)), LEVEL);

    // Assess
    expect(view.daysInStatus).toBe(3.3);
  });

  it('marks an idea overdue that has waited in triage longer than the service level', () => {
    // Act
    const overdue = inboxRowView(inboxRow(aTriagedIdea(11)), LEVEL);
    const onTime = inboxRowView(inboxRow(aTriagedIdea(9)), LEVEL);

    // Assess
    expect(overdue.overdue).toBe(true);
    expect(onTime.overdue).toBe(false);
  });

  it('never marks an idea overdue that is not in triage', () => {
    // Act
    const view = inboxRowView(inboxRow(aTriagedIdea(40, { status: 'parked' })), LEVEL);

    // Assess
    expect(view.overdue).toBe(false);
    expect(view.daysInStatus).toBe(40);
  });

  it('keeps everything the row shows', () => {
    // Prepare
    const row = inboxRow(aTriagedIdea(2, { assignee: STAFF }));

    // Act
    const view = inboxRowView(row, LEVEL);

    // Assess
    expect(view).toEqual({ ...row, daysInStatus: 2, overdue: false });
  });
});

describe('consoleIdeaDocument', () => {
  it('shows the staff view with history, every comment, the support and the version', () => {
    // Prepare
    const idea = aTriagedIdea(2, { assignee: STAFF });

    // Act
    const document = consoleIdeaDocument(aRecord(idea, [internalComment], 4), { candidates: [], resembling: [] }, LEVEL, 'da');

    // Assess
    expect(document.comments).toEqual([internalComment]);
    expect(document.history).toHaveLength(2);
    expect(document.history[1]?.actor).toEqual({ kind: 'system' });
    expect(document.supportCount).toBe(4);
    expect(document.version).toBe(2);
    expect(document.assignee).toEqual(STAFF);
    expect(document.submitter).toEqual(idea.submitter);
  });

  it('names each duplicate candidate by title, status and department', () => {
    // Prepare
    const idea = aTriagedIdea(2, { duplicateCandidates: [{ ideaId: OTHER_IDEA_ID, similarity: 0.82 }] });
    const candidate = anIdea({ id: OTHER_IDEA_ID, title: 'Én registrering i stedet for tre', status: 'accepted', department: 'Hjemmeplejen' });

    // Act
    const document = consoleIdeaDocument(aRecord(idea), { candidates: [candidate], resembling: [] }, LEVEL, 'da');

    // Assess
    expect(document.duplicateCandidates).toEqual([
      { ideaId: OTHER_IDEA_ID, similarity: 0.82, title: 'Én registrering i stedet for tre', status: 'accepted', department: 'Hjemmeplejen' },
    ]);
  });

  it('keeps the candidates most similar first and leaves out those that no longer exist', () => {
    // Prepare
    const idea = aTriagedIdea(2, {
      duplicateCandidates: [
        { ideaId: OTHER_IDEA_ID, similarity: 0.9 },
        { ideaId: 'gone', similarity: 0.8 },
        { ideaId: THIRD_IDEA_ID, similarity: 0.7 },
      ],
    });
    const candidates = [anIdea({ id: THIRD_IDEA_ID }), anIdea({ id: OTHER_IDEA_ID })];

    // Act
    const document = consoleIdeaDocument(aRecord(idea), { candidates, resembling: [] }, LEVEL, 'da');

    // Assess
    expect(document.duplicateCandidates.map((candidate) => candidate.ideaId)).toEqual([OTHER_IDEA_ID, THIRD_IDEA_ID]);
  });

  it('shows no candidates for an idea without any', () => {
    // Act
    const document = consoleIdeaDocument(aRecord(aTriagedIdea(2)), { candidates: [], resembling: [] }, LEVEL, 'da');

    // Assess
    expect(document.duplicateCandidates).toEqual([]);
  });

  it('shows the stopped pilots the idea resembles with their title, stage, department and learnings, leaving out those gone', () => {
    // Prepare
    const idea = aTriagedIdea(2, {
      resemblingPilots: [
        { pilotId: PILOT_ID, score: 0.71 },
        { pilotId: 'gone', score: 0.66 },
        { pilotId: OTHER_PILOT_ID, score: 0.55 },
      ],
    });
    const stopped = aStoppedPilot('pilot', { title: 'Tablets til nattevagten på Ærø', department: 'Hjemmeplejen' });
    const realised = aPilotIn('realised', undefined, { id: OTHER_PILOT_ID, learnings: 'Gevinsten holdt. Vi fortsætter.' });

    // Act
    const document = consoleIdeaDocument(aRecord(idea), { candidates: [], resembling: [realised, stopped] }, LEVEL, 'da');

    // Assess
    expect(document.resemblingPilots).toEqual([
      { pilotId: PILOT_ID, score: 0.71, title: 'Tablets til nattevagten på Ærø', stage: 'stopped', department: 'Hjemmeplejen', learnings: LEARNINGS },
      { pilotId: OTHER_PILOT_ID, score: 0.55, title: realised.title, stage: 'realised', department: 'Ældre og sundhed', learnings: 'Gevinsten holdt. Vi fortsætter.' },
    ]);
    expect(JSON.parse(JSON.stringify(document)).resemblingPilots[0].title).toBe('Tablets til nattevagten på Ærø');
  });

  it('shows no resembling pilots for an idea without any', () => {
    // Act
    const document = consoleIdeaDocument(aRecord(aTriagedIdea(2)), { candidates: [], resembling: [aStoppedPilot()] }, LEVEL, 'da');

    // Assess
    expect(document.resemblingPilots).toEqual([]);
  });

  it.each([
    ['in_triage', ['needs_info', 'accept', 'park', 'decline', 'duplicate', 'redirect']],
    ['needs_info', ['park', 'decline', 'duplicate', 'redirect']],
    ['parked', ['decline', 'duplicate']],
    ['accepted', []],
  ] as const)('offers the decisions an idea in %s allows', (status, decisions) => {
    // Act
    const document = consoleIdeaDocument(aRecord(aTriagedIdea(2, { status })), { candidates: [], resembling: [] }, LEVEL, 'da');

    // Assess
    expect(document.allowedDecisions).toEqual(decisions);
  });

  it('shows how long the idea has waited and whether it is overdue', () => {
    // Act
    const overdue = consoleIdeaDocument(aRecord(aTriagedIdea(12.5)), { candidates: [], resembling: [] }, LEVEL, 'da');
    const onTime = consoleIdeaDocument(aRecord(aTriagedIdea(1)), { candidates: [], resembling: [] }, LEVEL, 'da');

    // Assess
    expect(overdue).toMatchObject({ daysInStatus: 12.5, overdue: true });
    expect(onTime).toMatchObject({ daysInStatus: 1, overdue: false });
  });

  it('writes the messages in the language asked for', () => {
    // Act
    const document = consoleIdeaDocument(aRecord(aTriagedIdea(2)), { candidates: [], resembling: [] }, LEVEL, 'en');

    // Assess
    expect(document.statusMessage).toBe('The digitalisation team has your idea and is assessing it. You will hear from us when there is news.');
  });
});
