import { describe, expect, it } from 'vitest';
import type { Idea, IdeaDecision } from '../../../shared/domain/idea.ts';
import { submitterMessage } from '../../../shared/domain/messages.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { commentNotification, statusNotification, triageDigest } from '../../../shared/notify/compose.ts';
import { anAnonymousIdea, anIdea, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';

const AT = '2026-02-03T10:15:00.000Z';
const EMAIL = 'birthe.soerensen@kommune.example';
const STAFF = { sub: 'triage-1', name: 'Søren Ærø' };

/** A declined idea whose submitter signed in with an e-mail address, at version 4. */
function aDeclinedIdea(overrides: Partial<Idea> = {}): Idea {
  const decision: IdeaDecision = { kind: 'decline', at: AT, by: STAFF, reasonCode: 'already_solved', message: 'Det nye omsorgssystem løser det.' };
  return anIdea({
    status: 'declined',
    version: 4,
    statusChangedAt: AT,
    submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: EMAIL },
    decision,
    ...overrides,
  });
}

function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c-1',
    ideaId: IDEA_ID,
    at: '2026-02-04T09:00:00.000Z',
    author: STAFF,
    visibility: 'submitter',
    text: 'Vi har talt med leverandøren – det ser lovende ud.',
    ...overrides,
  };
}

describe('statusNotification', () => {
  it('writes the submitter an e-mail about the new status, numbered by the idea’s version', () => {
    // Prepare
    const idea = aDeclinedIdea();

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification).toEqual({
      id: `${IDEA_ID}.v4`,
      kind: 'idea-status',
      ideaId: IDEA_ID,
      to: EMAIL,
      language: 'da',
      subject: `Nyt om din idé: ${idea.title}`,
      text: expect.stringContaining(submitterMessage('declined', idea.decision, 'da')),
      createdAt: AT,
    });
  });

  it('gives each version of the idea its own id, so a redelivery cannot send it twice but a new change can', () => {
    // Act
    const first = statusNotification(aDeclinedIdea({ version: 4 }), AT);
    const again = statusNotification(aDeclinedIdea({ version: 4 }), '2026-02-03T10:16:00.000Z');
    const next = statusNotification(aDeclinedIdea({ version: 5 }), AT);

    // Assess
    expect(first?.id).toBe(again?.id);
    expect(next?.id).toBe(`${IDEA_ID}.v5`);
  });

  it('tells the reason for a decline by its label, in Danish with æ, ø and å intact', () => {
    // Act
    const notification = statusNotification(aDeclinedIdea(), AT);

    // Assess
    expect(notification?.text).toContain('Begrundelse: Der findes allerede en løsning.');
    expect(notification?.text).toContain('Det nye omsorgssystem løser det.');
  });

  it('greets the submitter by name', () => {
    // Act
    const notification = statusNotification(aDeclinedIdea(), AT);

    // Assess
    expect(notification?.text.startsWith('Hej Birthe Sørensen,')).toBe(true);
  });

  it('greets a submitter without a name plainly', () => {
    // Prepare
    const idea = aDeclinedIdea({ submitter: { sub: SUBMITTER_SUB, email: EMAIL } });

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification?.text.startsWith('Hej,')).toBe(true);
  });

  it('writes in the idea’s language', () => {
    // Prepare
    const idea = aDeclinedIdea({ language: 'en' });

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification?.language).toBe('en');
    expect(notification?.subject).toBe(`News about your idea: ${idea.title}`);
    expect(notification?.text).toContain('Reason: A solution already exists.');
  });

  it('never names the member of staff who decided', () => {
    // Act
    const notification = statusNotification(aDeclinedIdea(), AT);

    // Assess
    expect(JSON.stringify(notification)).not.toContain('Søren Ærø');
    expect(JSON.stringify(notification)).not.toContain('triage-1');
  });

  it('sends nothing about an anonymous idea', () => {
    // Prepare
    const idea = anAnonymousIdea('hash', { status: 'in_triage', version: 2 });

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification).toBeUndefined();
  });

  it('sends nothing about an idea marked anonymous, even if an address was somehow kept', () => {
    // Prepare
    const idea = aDeclinedIdea({ anonymous: true });

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification).toBeUndefined();
  });

  it('sends nothing to a submitter whose token carried no e-mail address', () => {
    // Prepare
    const idea = aDeclinedIdea({ submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen' } });

    // Act
    const notification = statusNotification(idea, AT);

    // Assess
    expect(notification).toBeUndefined();
  });
});

describe('commentNotification', () => {
  it('writes the submitter an e-mail with a comment meant for them', () => {
    // Prepare
    const idea = aDeclinedIdea({ status: 'in_triage' });

    // Act
    const notification = commentNotification(idea, aComment());

    // Assess
    expect(notification).toEqual({
      id: `${IDEA_ID}.cc-1`,
      kind: 'idea-comment',
      ideaId: IDEA_ID,
      to: EMAIL,
      language: 'da',
      subject: `Nyt om din idé: ${idea.title}`,
      text: expect.stringContaining('Besked fra digitaliseringsteamet:\n\nVi har talt med leverandøren – det ser lovende ud.'),
      createdAt: '2026-02-04T09:00:00.000Z',
    });
  });

  it('sends nothing for an internal comment', () => {
    // Act
    const notification = commentNotification(aDeclinedIdea(), aComment({ visibility: 'internal' }));

    // Assess
    expect(notification).toBeUndefined();
  });

  it('sends nothing about an anonymous idea', () => {
    // Act
    const notification = commentNotification(anAnonymousIdea('hash'), aComment());

    // Assess
    expect(notification).toBeUndefined();
  });

  it('sends nothing to a submitter without an e-mail address', () => {
    // Act
    const notification = commentNotification(aDeclinedIdea({ submitter: { sub: SUBMITTER_SUB } }), aComment());

    // Assess
    expect(notification).toBeUndefined();
  });

  it('never names the member of staff who wrote the comment', () => {
    // Act
    const notification = commentNotification(aDeclinedIdea(), aComment());

    // Assess
    expect(JSON.stringify(notification)).not.toContain('Søren Ærø');
    expect(JSON.stringify(notification)).not.toContain('triage-1');
  });

  it('gives each comment its own id', () => {
    // Act
    const first = commentNotification(aDeclinedIdea(), aComment({ id: 'c-1' }));
    const second = commentNotification(aDeclinedIdea(), aComment({ id: 'c-2' }));

    // Assess
    expect(first?.id).not.toBe(second?.id);
  });
});

describe('triageDigest', () => {
  const NOW = new Date('2026-03-10T07:00:00.000Z');
  const overdue = [
    { id: IDEA_ID, title: 'Færre dobbeltregistreringer', department: 'Ældre og sundhed', statusChangedAt: '2026-02-25T19:00:00.000Z' },
    { id: OTHER_IDEA_ID, title: 'Nøglebokse på hjemmeplejen', department: 'Hjemmeplejen Syd', statusChangedAt: '2026-02-27T07:00:00.000Z' },
  ];
  const settings = { to: 'digitalisering@kommune.example', serviceLevelDays: 10, language: 'da' as const };

  it('lists each overdue idea with its department, days waited with a decimal comma, and id', () => {
    // Act
    const digest = triageDigest(overdue, settings, NOW);

    // Assess
    expect(digest.text).toBe(
      [
        'Disse idéer har ventet længere end servicemålet på 10 dage:',
        `- Færre dobbeltregistreringer (Ældre og sundhed): 12,5 dage — ${IDEA_ID}\n- Nøglebokse på hjemmeplejen (Hjemmeplejen Syd): 11 dage — ${OTHER_IDEA_ID}`,
      ].join('\n\n'),
    );
  });

  it('counts the overdue ideas and names the service level in the subject', () => {
    // Act
    const digest = triageDigest(overdue, settings, NOW);

    // Assess
    expect(digest.subject).toBe('2 idéer har ventet mere end 10 dage på en vurdering');
  });

  it('says one idea in the singular', () => {
    // Act
    const danish = triageDigest(overdue.slice(0, 1), settings, NOW);
    const english = triageDigest(overdue.slice(0, 1), { ...settings, language: 'en' }, NOW);

    // Assess
    expect(danish.subject).toBe('1 idé har ventet mere end 10 dage på en vurdering');
    expect(english.subject).toBe('1 idea has waited more than 10 days for triage');
  });

  it('is named after the day in Copenhagen, which starts an hour or two before the UTC day', () => {
    // Act: 23:30 UTC on 31 January is already 1 February in Copenhagen.
    const digest = triageDigest(overdue, settings, new Date('2026-01-31T23:30:00.000Z'));

    // Assess
    expect(digest.id).toBe('digest.2026-02-01');
  });

  it('is one notification per day, to the team, in its language', () => {
    // Act
    const digest = triageDigest(overdue, settings, NOW);

    // Assess
    expect(digest).toMatchObject({
      id: 'digest.2026-03-10',
      kind: 'triage-digest',
      to: 'digitalisering@kommune.example',
      language: 'da',
      createdAt: '2026-03-10T07:00:00.000Z',
    });
    expect(digest).not.toHaveProperty('ideaId');
  });

  it('writes the digest in English with decimal points', () => {
    // Act
    const digest = triageDigest(overdue, { ...settings, language: 'en' }, NOW);

    // Assess
    expect(digest.subject).toBe('2 ideas have waited more than 10 days for triage');
    expect(digest.text).toContain('These ideas have waited longer than the 10-day service level:');
    expect(digest.text).toContain(`- Færre dobbeltregistreringer (Ældre og sundhed): 12.5 days — ${IDEA_ID}`);
  });

  it('keeps the order it is given, longest waiting first', () => {
    // Act
    const digest = triageDigest(overdue, settings, NOW);

    // Assess
    expect(digest.text.indexOf(IDEA_ID)).toBeLessThan(digest.text.indexOf(OTHER_IDEA_ID));
  });
});
