/**
 * The table's key layout, pinned to literals: every kind of item declared in
 * shared/store/entities.ts, its key and index keys, its type marker, how its value is stored (flat,
 * beside the keys, or nested under one attribute) and read back. The items already stored in every
 * deployed table look like this; a change here is a migration of that data, not a refactoring.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredGateSettings } from '../../../shared/domain/gates.ts';
import { IDEA_KINDS, IDEA_STATUSES, type Idea, type IdeaEvent } from '../../../shared/domain/idea.ts';
import { INBOX_THEMES_PER_IDEA, inboxRow, inboxSortValue } from '../../../shared/domain/inbox.ts';
import { learningOf } from '../../../shared/domain/learnings.ts';
import type { MailSuppression } from '../../../shared/domain/mail-suppression.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { pilotRow, pilotSortValue } from '../../../shared/domain/pilot-lists.ts';
import { PILOT_STAGES, type GateRecord, type PilotEvent } from '../../../shared/domain/pilot.ts';
import type { Strategy } from '../../../shared/domain/strategy/strategy.ts';
import {
  commentEntity,
  ENTITIES,
  erasureEntity,
  gateRecordEntity,
  gateSettingsEntity,
  ideaEntity,
  ideaEventEntity,
  idempotencyEntity,
  inboxEntryEntity,
  inRange,
  keyText,
  learningEntity,
  mailSuppressionEntity,
  mergeEntity,
  notificationEntity,
  pilotEntity,
  pilotEventEntity,
  pilotListEntryEntity,
  pipelineShardEntity,
  rescoreJobEntity,
  retentionMarkEntity,
  revisitEntity,
  similarityBandEntity,
  strategyEntity,
  supportCountEntity,
  supporterEntity,
  usageEntity,
  USAGE_PREFIX,
  type SortKeyRange,
} from '../../../shared/store/entities.ts';
import type { ErasureRecord, IdempotencyRecord, StoredNotification } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { aComment, aDecision, aFrictionIdea, anAnonymousIdea, anIdea, anIdeaInTriage, aNotification, aParkedIdea, aSubmittedEvent, CREATED_AT, IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { aPilot, aPilotIn, aStoppedPilot, LEARNINGS, PILOT_ID } from '../support/pilots.ts';
import { aStrategy } from '../support/strategy.ts';

const AT = '2026-01-05T08:30:00.000Z';

/** The item's attribute names in the order it has them. */
const order = (item: Record<string, unknown>) => Object.keys(item);

describe('the idea’s partition', () => {
  it('keys an idea IDEA#<id>/META, indexed by status and by submitter, its fields flat beside the keys', () => {
    // Prepare
    const idea = anIdea();

    // Act
    const item = ideaEntity.toItem(idea);

    // Assess
    expect(item).toEqual({
      PK: `IDEA#${IDEA_ID}`,
      SK: 'META',
      GSI1PK: 'STATUS#submitted',
      GSI1SK: `${idea.statusChangedAt}#${IDEA_ID}`,
      GSI2PK: `SUBMITTER#${SUBMITTER_SUB}`,
      GSI2SK: `${idea.createdAt}#${IDEA_ID}`,
      type: 'idea',
      ...idea,
    });
    expect(order(item).slice(0, 7)).toEqual(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type']);
    expect(ideaEntity.key(IDEA_ID)).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'META' });
    expect(ideaEntity.fromItem(item)).toEqual(idea);
  });

  it('reads back every field an idea can have, and every field a history event can have (a field left out of the declaration would be lost on the next read)', () => {
    // Prepare
    const friction = aFrictionIdea();
    const decision = aDecision('park', { revisitOn: '2026-03-02' });
    const idea: Required<Idea> = {
      ...friction,
      submitter: { sub: SUBMITTER_SUB, name: 'Anna', email: 'anna@example.dk' },
      followUpTokenHash: 'c'.repeat(64),
      friction: friction.friction!,
      frictionHoursPerYear: 1380,
      figuresUnknown: true,
      intakeAbandonedAt: AT,
      themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.6, matchedTerms: ['robot'] }] },
      shingles: ['abc', 'bcd'],
      duplicateCandidates: [{ ideaId: 'other', similarity: 0.8 }],
      resemblingPilots: [{ pilotId: PILOT_ID, score: 0.4 }],
      scorecard: { strategyVersion: 1, scores: {}, priority: 40, complete: false, scoredAt: AT, scoredBy: 'triage-1' },
      assignee: { sub: 'triage-1', name: 'Søren' },
      decision,
    };
    const event: Required<IdeaEvent> = {
      ideaId: IDEA_ID,
      version: 4,
      at: AT,
      change: 'assignment',
      from: 'in_triage',
      to: 'parked',
      actor: { kind: 'staff', sub: 'triage-1', name: 'Søren' },
      reason: 'Senere.',
      decision,
      answer: 'Tre systemer.',
    };

    // Act
    const ideaRead = ideaEntity.fromItem(ideaEntity.toItem(idea));
    const eventRead = ideaEventEntity.fromItem(ideaEventEntity.toItem(event));

    // Assess
    expect(ideaRead).toEqual(idea);
    expect(eventRead).toEqual(event);
  });

  it('reads back every field a comment, a notification, an erasure record, a strategy, a mail suppression and an idempotency record can have', () => {
    // Prepare
    const comment: Required<Comment> = aComment({ visibility: 'submitter' });
    const notification: Required<StoredNotification> = { ...aNotification(), ideaId: IDEA_ID, sentAt: AT, requeues: 2, abandonedAt: AT, notSentAt: AT, notSentReason: 'erased' };
    const erasure: Required<ErasureRecord> = { id: 'e-1', requesterHash: 'r', requestedAt: AT, status: 'done', completedAt: AT, passes: 2, rewritten: 3, deleted: 4, ideas: 1 };

    const strategy: Required<Strategy> = { ...aStrategy(), version: 2, createdAt: AT, createdBy: 'admin-1' };
    const suppression: Required<MailSuppression> = { address: 'anna@example.dk', reason: 'complaint', detail: 'abuse', at: AT, feedbackId: 'f-1', notificationId: 'n-1' };
    const record: Required<IdempotencyRecord> = { keyHash: 'k', requestHash: 'r', ideaId: IDEA_ID, expiresAt: 1 };

    // Act, Assess
    expect(strategyEntity.fromItem(strategyEntity.toItem(strategy))).toEqual(strategy);
    expect(mailSuppressionEntity.fromItem(mailSuppressionEntity.toItem(suppression))).toEqual(suppression);
    expect(idempotencyEntity.fromItem(idempotencyEntity.toItem(record))).toEqual(record);
    expect(commentEntity.fromItem(commentEntity.toItem(comment))).toEqual(comment);
    expect(notificationEntity.fromItem(notificationEntity.toItem(notification))).toEqual(notification);
    expect(erasureEntity.fromItem(erasureEntity.toItem(erasure))).toEqual(erasure);
  });

  it('keeps an anonymous idea out of the submitter index', () => {
    // Act
    const item = ideaEntity.toItem(anAnonymousIdea('c'.repeat(64)));

    // Assess
    expect(item).not.toHaveProperty('GSI2PK');
    expect(item).not.toHaveProperty('GSI2SK');
  });

  it('indexes an idea the sweeper gave up on in a list of its own, apart from the submitted list, and under its status again once it moves on', () => {
    // Act
    const abandoned = ideaEntity.toItem(anIdea({ intakeAbandonedAt: AT }));
    const movedOn = ideaEntity.toItem(anIdea({ status: 'in_triage', intakeAbandonedAt: AT }));

    // Assess
    expect(abandoned).toMatchObject({ GSI1PK: 'STATUS#submitted#abandoned', GSI1SK: `${anIdea().statusChangedAt}#${IDEA_ID}` });
    expect(ideaEntity.inStatus('submitted').partition).toBe('STATUS#submitted');
    expect(movedOn['GSI1PK']).toBe('STATUS#in_triage');
  });

  it('reads back an idea’s own fields only: the keys, the type marker and anything else stored beside them are left out', () => {
    // Prepare
    const idea = anIdeaInTriage();

    // Act
    const read = ideaEntity.fromItem({ ...ideaEntity.toItem(idea), followUpToken: 'kept by an earlier version', stray: 1 });

    // Assess
    expect(read).toEqual(idea);
  });

  it('keeps an idea and its history in one partition, events sorted by version as text (version 10 after version 9)', () => {
    // Prepare
    const event: IdeaEvent = aSubmittedEvent(anIdea());

    // Act
    const item = ideaEventEntity.toItem(event);
    const sortKeys = [10, 2, 9, 1, 100].map((version) => ideaEventEntity.toItem({ ...event, version }).SK).sort();

    // Assess
    expect(item).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'EVENT#000001', type: 'event', ...event });
    expect(item.PK).toBe(ideaEntity.key(IDEA_ID).PK);
    expect(ideaEventEntity.fromItem(item)).toEqual(event);
    expect(sortKeys).toEqual(['EVENT#000001', 'EVENT#000002', 'EVENT#000009', 'EVENT#000010', 'EVENT#000100']);
    expect(ideaEventEntity.isOne(item)).toBe(true);
    expect(ideaEventEntity.isOne(ideaEntity.toItem(anIdea()))).toBe(false);
  });

  it('keeps comments with the idea, oldest first', () => {
    // Prepare
    const later = aComment({ id: 'c-2', at: '2026-02-04T09:00:00.000Z' });
    const earlier = aComment({ id: 'c-9', at: '2026-02-03T09:00:00.000Z' });

    // Act
    const item = commentEntity.toItem(later);

    // Assess
    expect(item).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'COMMENT#2026-02-04T09:00:00.000Z#c-2', type: 'comment', ...later });
    expect([item.SK, commentEntity.toItem(earlier).SK].sort()).toEqual([commentEntity.toItem(earlier).SK, item.SK]);
    expect(commentEntity.fromItem(item)).toEqual(later);
    expect(commentEntity.ofIdea(IDEA_ID)).toEqual({ partition: `IDEA#${IDEA_ID}`, sortKey: { beginsWith: 'COMMENT#' } });
  });

  it('keeps a supporter with the idea only as a hash, findable by that hash (never the subject) for their export', () => {
    // Prepare
    const support = { ideaId: IDEA_ID, supporterHash: 'f00d', at: AT };

    // Act
    const item = supporterEntity.toItem(support);

    // Assess
    expect(item).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTER#f00d', GSI2PK: 'SUPPORTS#f00d', GSI2SK: `${AT}#${IDEA_ID}`, type: 'supporter', ideaId: IDEA_ID, at: AT });
    expect(supporterEntity.fromItem(item)).toEqual(support);
    expect(supporterEntity.hashOf({ SK: 'SUPPORTER#f00d' })).toBe('f00d');
    expect(supporterEntity.key(IDEA_ID, 'f00d')).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTER#f00d' });
    expect(supporterEntity.bySupporter('f00d')).toEqual({ partition: 'SUPPORTS#f00d', index: TABLE.indexes.bySubmitter, newestFirst: true });
  });

  it('keeps the supporter count with the idea, reading a missing count as 0', () => {
    // Act
    const item = supportCountEntity.toItem({ ideaId: IDEA_ID, count: 3 });

    // Assess
    expect(item).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTERS', type: 'support-count', count: 3 });
    expect(supportCountEntity.fromItem(item)).toBe(3);
    expect(supportCountEntity.fromItem({ PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTERS' })).toBe(0);
  });

  it('keeps a pending merge with the idea, on the status index’s PENDING#merge list, apart from every status list', () => {
    // Prepare
    const merge = { ideaId: IDEA_ID, into: 'other', at: AT };

    // Act
    const item = mergeEntity.toItem(merge);

    // Assess
    expect(item).toEqual({ PK: `IDEA#${IDEA_ID}`, SK: 'MERGE', GSI1PK: 'PENDING#merge', GSI1SK: `${AT}#${IDEA_ID}`, type: 'merge', ...merge });
    expect(mergeEntity.fromItem(item)).toEqual(merge);
    expect(String(item['GSI1PK']).startsWith('STATUS#')).toBe(false);
    expect(mergeEntity.pendingBefore('T')).toEqual({ partition: 'PENDING#merge', index: TABLE.indexes.byStatus, sortKey: { below: 'T' } });
  });

  it('keeps comments, supporters, the count and the merge apart from the idea and its history, and out of the history’s range', () => {
    // Prepare
    const sortKeys = {
      idea: ideaEntity.key('abc').SK,
      event: ideaEventEntity.toItem({ ...aSubmittedEvent(anIdea()), ideaId: 'abc' }).SK,
      merge: mergeEntity.key('abc').SK,
      comment: commentEntity.toItem(aComment({ ideaId: 'abc' })).SK,
      supporter: supporterEntity.key('abc', 'h').SK,
      count: supportCountEntity.key('abc').SK,
    };

    // Act
    const range = ideaEntity.withHistory('abc').sortKey;

    // Assess
    expect(new Set(Object.values(sortKeys)).size).toBe(Object.keys(sortKeys).length);
    expect(range).toEqual({ between: ['EVENT#', 'SUPPORTER#'] });
    for (const kept of [sortKeys.idea, sortKeys.event, sortKeys.merge]) expect(inRange(kept, range)).toBe(true);
    for (const left of [sortKeys.comment, sortKeys.supporter, sortKeys.count]) expect(inRange(left, range)).toBe(false);
  });

  it('keeps idempotency records out of idea partitions', () => {
    // Prepare
    const record: IdempotencyRecord = { keyHash: 'f00d', requestHash: 'beef', ideaId: IDEA_ID, expiresAt: 1767344400 };

    // Act
    const item = idempotencyEntity.toItem(record);

    // Assess
    expect(item).toEqual({ PK: 'IDEMPOTENCY#f00d', SK: 'META', type: 'idempotency', ...record });
    expect(idempotencyEntity.fromItem({ ...item, followUpToken: 'kept by an earlier version' })).toEqual(record);
  });
});

describe('inbox entries', () => {
  const partition = (list: Parameters<typeof inboxEntryEntity.list>[0], sort: Parameters<typeof inboxEntryEntity.list>[1]) => inboxEntryEntity.list(list, sort).partition;

  it('names a status list and its order', () => {
    expect(partition({ status: 'in_triage' }, 'priority')).toBe('INBOX#in_triage#s=priority');
  });

  it('names kind, department and theme in a fixed order, whatever order the list gives them', () => {
    expect(partition({ theme: 'automatisering', department: 'ældreplejen', kind: 'friction', status: 'needs_info' }, 'age')).toBe('INBOX#needs_info#k=friction#d=%C3%A6ldreplejen#t=automatisering#s=age');
  });

  it('names the assignee of the list of one person’s ideas by their subject, URI-encoded, so no subject can fake another list', () => {
    expect(partition({ status: 'in_triage', assignee: 'søren#t=x' }, 'priority')).toBe('INBOX#in_triage#a=s%C3%B8ren%23t%3Dx#s=priority');
  });

  it('keeps the two orders of one list, and a list by department and one by a theme of the same name, in separate partitions', () => {
    expect(partition({ status: 'in_triage', kind: 'idea' }, 'priority')).not.toBe(partition({ status: 'in_triage', kind: 'idea' }, 'age'));
    expect(partition({ status: 'in_triage', department: 'it' }, 'age')).not.toBe(partition({ status: 'in_triage', theme: 'it' }, 'age'));
  });

  it('encodes the department, so its text cannot fake another list’s key', () => {
    // Prepare
    const honest = partition({ status: 'in_triage', department: 'hr', theme: 'automatisering' }, 'priority');

    // Act
    const faked = partition({ status: 'in_triage', department: 'hr#t=automatisering' }, 'priority');

    // Assess
    expect(faked).not.toBe(honest);
    expect(faked).toBe('INBOX#in_triage#d=hr%23t%3Dautomatisering#s=priority');
  });

  it('encodes æ, ø, å and spaces in the department', () => {
    // Act
    const key = partition({ status: 'parked', department: 'børn og unge på å' }, 'age');

    // Assess
    expect(key).toBe('INBOX#parked#d=b%C3%B8rn%20og%20unge%20p%C3%A5%20%C3%A5#s=age');
    expect(decodeURIComponent((key.split('#')[2] ?? '').slice(2))).toBe('børn og unge på å');
  });

  it('builds the key of text that is not well-formed Unicode (a lone surrogate, stored before such text was refused) without throwing, as U+FFFD', () => {
    // Act
    const inbox = partition({ status: 'in_triage', department: 'it\ud800', theme: '\udc00t' }, 'age');
    const pilots = pilotListEntryEntity.list({ owner: 'tove\ud800', department: 'it\ud800' }, 'newest').partition;

    // Assess
    expect(inbox).toBe('INBOX#in_triage#d=it%EF%BF%BD#t=%EF%BF%BDt#s=age');
    expect(pilots).toBe('PILOTS#all#d=it%EF%BF%BD#o=tove%EF%BF%BD#s=newest');
    expect(keyText('a\ud800')).toBe('a%EF%BF%BD');
  });

  it('sorts an entry by the idea’s sort value and carries its inbox row, nested under `row`', () => {
    // Prepare
    const idea = anIdeaInTriage();

    // Act
    const item = inboxEntryEntity.toItem({ list: { status: 'in_triage' }, sort: 'age', value: idea });

    // Assess
    expect(item).toEqual({ PK: 'INBOX#in_triage#s=age', SK: inboxSortValue(idea, 'age'), type: 'inbox', row: inboxRow(idea) });
    expect(item.SK).toBe(`${idea.statusChangedAt}#${IDEA_ID}`);
    expect(inboxEntryEntity.fromItem(item)).toEqual(inboxRow(idea));
  });
});

describe('revisit entries', () => {
  it('keeps every parked idea in one list, by day and then id, the id beside the key', () => {
    // Act
    const item = revisitEntity.toItem({ ideaId: 'abc', day: '2027-03-01' });

    // Assess
    expect(item).toEqual({ PK: 'REVISIT', SK: '2027-03-01#abc', type: 'revisit', ideaId: 'abc' });
    expect(revisitEntity.fromItem(item)).toBe('abc');
  });

  it('sorts revisits by day as text, and reads those due by a day as the entries below the next character after it', () => {
    // Prepare
    const keys = [
      { ideaId: 'b', day: '2027-03-01' },
      { ideaId: 'c', day: '2026-12-31' },
      { ideaId: 'a', day: '2027-03-01' },
      { ideaId: 'd', day: '2027-03-02' },
    ].map((entry) => revisitEntity.toItem(entry).SK);

    // Act
    const due = revisitEntity.dueBy('2027-03-01');

    // Assess
    expect([...keys].sort()).toEqual(['2026-12-31#c', '2027-03-01#a', '2027-03-01#b', '2027-03-02#d']);
    expect(due).toEqual({ partition: 'REVISIT', sortKey: { below: '2027-03-01$' } });
    expect(keys.filter((key) => inRange(key, due.sortKey))).toEqual(['2027-03-01#b', '2026-12-31#c', '2027-03-01#a']);
  });

  it('files only a parked idea with a day to come back', () => {
    expect(revisitEntity.of(aParkedIdea('2026-03-02'))).toEqual([{ ideaId: IDEA_ID, day: '2026-03-02' }]);
    expect(revisitEntity.of(anIdeaInTriage())).toEqual([]);
  });
});

describe('notifications', () => {
  it('keys a notification NOTIFICATION#<id>/META, on the PENDING#notification list until it is settled, its fields flat', () => {
    // Prepare
    const notification = aNotification({ id: `${IDEA_ID}.v2` });

    // Act
    const item = notificationEntity.toItem(notification);

    // Assess
    expect(item).toEqual({
      PK: `NOTIFICATION#${IDEA_ID}.v2`,
      SK: 'META',
      GSI1PK: 'PENDING#notification',
      GSI1SK: `${notification.createdAt}#${IDEA_ID}.v2`,
      type: 'notification',
      ...notification,
    });
    expect(notificationEntity.fromItem(item)).toEqual(notification);
    expect(notificationEntity.pendingAttributes).toEqual(['GSI1PK', 'GSI1SK']);
  });

  it.each<[string, Partial<StoredNotification>]>([
    ['sent', { sentAt: AT }],
    ['given up', { abandonedAt: AT }],
    ['not to be sent', { notSentAt: AT, notSentReason: 'address-bounced' as const }],
  ])('keeps a notification %s off the pending list', (_case, settled) => {
    // Act
    const item = notificationEntity.toItem({ ...aNotification(), ...settled });

    // Assess
    expect(item).not.toHaveProperty('GSI1PK');
    expect(item).not.toHaveProperty('GSI1SK');
  });

  it('keeps pending work apart from the status partitions of the same index', () => {
    expect(notificationEntity.pendingBefore('T').partition.startsWith('STATUS#')).toBe(false);
    expect(ideaEntity.inStatus('in_triage').partition.startsWith('PENDING#')).toBe(false);
  });
});

describe('the pilot’s partition and lists (nested items)', () => {
  it('keys a pilot PILOT#<id>/META, nested under `pilot`, with its version beside it for the condition of the next change', () => {
    // Prepare
    const pilot = aPilot();

    // Act
    const item = pilotEntity.toItem(pilot);

    // Assess
    expect(item).toEqual({ PK: `PILOT#${PILOT_ID}`, SK: 'META', type: 'pilot', version: pilot.version, pilot });
    expect(order(item)).toEqual(['PK', 'SK', 'type', 'version', 'pilot']);
    expect(pilotEntity.fromItem(item)).toEqual(pilot);
    expect(pilotEntity.key(PILOT_ID)).toEqual({ PK: `PILOT#${PILOT_ID}`, SK: 'META' });
  });

  it('keeps a pilot’s events and gate decisions in its partition, by version, nested', () => {
    // Prepare
    const pilot = aPilot();
    const event: PilotEvent = { pilotId: PILOT_ID, version: 2, at: AT, by: pilot.createdBy, change: 'gate', from: 'sprint', to: 'pilot', decision: 'go', reason: 'Klar.' };
    const gate: GateRecord = { decision: 'go', gate: 'pilot', from: 'sprint', to: 'pilot', at: AT, by: pilot.createdBy, role: 'director', reason: 'Klar.', checklist: [] };

    // Act
    const eventItem = pilotEventEntity.toItem(event);
    const gateItem = gateRecordEntity.toItem({ pilotId: PILOT_ID, version: 2, gate });

    // Assess
    expect(eventItem).toEqual({ PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000002', type: 'pilot-event', event });
    expect(pilotEventEntity.fromItem(eventItem)).toEqual(event);
    expect(gateItem).toEqual({ PK: `PILOT#${PILOT_ID}`, SK: 'GATE#000002', type: 'gate', pilotId: PILOT_ID, gate });
    expect(gateRecordEntity.fromItem(gateItem)).toEqual(gate);
    expect(pilotEntity.wholePartition(PILOT_ID)).toEqual({ partition: `PILOT#${PILOT_ID}` });
  });

  it('names a pilot list by stage (or all, or held), then theme, department and owner, URI-encoded, then its order; each entry carries the row', () => {
    // Prepare
    const pilot = aPilotIn('pilot', AT, { owner: { sub: 'o1', name: 'Ole' } });

    // Act
    const item = pilotListEntryEntity.toItem({ list: { stage: 'pilot', theme: 'automatisering' }, sort: 'in_stage', value: pilot });

    // Assess
    expect(item).toEqual({ PK: 'PILOTS#pilot#t=automatisering#s=in_stage', SK: pilotSortValue(pilot, 'in_stage'), type: 'pilot-entry', row: pilotRow(pilot) });
    expect(pilotListEntryEntity.fromItem(item)).toEqual(pilotRow(pilot));
    expect(pilotListEntryEntity.list({ held: true }, 'hold_until').partition).toBe('PILOTS#held#s=hold_until');
    expect(pilotListEntryEntity.list({ theme: 'a b', department: 'æ', owner: 'o#1' }, 'newest').partition).toBe('PILOTS#all#t=a%20b#d=%C3%A6#o=o%231#s=newest');
  });

  it('keeps every learning in one partition, by pilot, nested under `learning`', () => {
    // Prepare
    const learning = learningOf(aStoppedPilot('sprint'))!;

    // Act
    const item = learningEntity.toItem(learning);

    // Assess
    expect(item).toEqual({ PK: 'LEARNINGS', SK: PILOT_ID, type: 'learning', learning });
    expect(learningEntity.fromItem(item)).toEqual(learning);
    expect(learningEntity.of(aPilot())).toEqual([]);
  });

  it('keeps the gate settings in one item, nested under `settings`, with the version beside them', () => {
    // Prepare
    const settings = { gates: { pilot: [], evaluation: [], operations: [], realised: [] }, stageLimitDays: { sprint: 30, pilot: 90, evaluation: 30, operations: 365 }, version: 2, updatedAt: AT, updatedBy: 'admin-1' } as StoredGateSettings;

    // Act
    const item = gateSettingsEntity.toItem(settings);

    // Assess
    expect(item).toEqual({ PK: 'SETTINGS', SK: 'GATES', type: 'gate-settings', version: 2, settings });
    expect(gateSettingsEntity.fromItem(item)).toEqual(settings);
  });
});

describe('the other items', () => {
  it('spreads the pipeline counters over shards of one partition, the shard zero-padded', () => {
    expect(pipelineShardEntity.key(7)).toEqual({ PK: 'PIPELINE', SK: 'SHARD#07' });
    expect(pipelineShardEntity.key(15)).toEqual({ PK: 'PIPELINE', SK: 'SHARD#15' });
    expect(pipelineShardEntity.type).toBe('pipeline-shard');
  });

  it('keeps strategy versions in order, zero-padded, flat, the newest one Query away', () => {
    // Prepare
    const strategy: Strategy = { ...aStrategy(), version: 3, createdAt: AT, createdBy: 'admin-1' };

    // Act
    const item = strategyEntity.toItem(strategy);

    // Assess
    expect(item).toEqual({ PK: 'STRATEGY', SK: 'VERSION#000003', type: 'strategy', ...strategy });
    expect(strategyEntity.fromItem(item)).toEqual(strategy);
    expect(strategyEntity.versions()).toEqual({ partition: 'STRATEGY', sortKey: { beginsWith: 'VERSION#' }, newestFirst: true });
  });

  it('files an idea under a similarity band by the band’s sort value, the id beside the key', () => {
    // Act
    const item = similarityBandEntity.toItem({ band: { key: 'b00:0000abcd', sort: '80000000' }, ideaId: IDEA_ID });

    // Assess
    expect(item).toEqual({ PK: 'SIMILAR#b00:0000abcd', SK: `80000000#${IDEA_ID}`, type: 'similarity-band', ideaId: IDEA_ID });
    expect(similarityBandEntity.fromItem(item)).toBe(IDEA_ID);
    expect(similarityBandEntity.from('b00:0000abcd', '8')).toEqual({ partition: 'SIMILAR#b00:0000abcd', sortKey: { from: '8' } });
    expect(similarityBandEntity.below('b00:0000abcd', '8')).toEqual({ partition: 'SIMILAR#b00:0000abcd', sortKey: { below: '8' } });
  });

  it('keeps re-scoring jobs in one partition, in the order they started, counting pages done as a set', () => {
    // Prepare
    const job = { id: '20261122T100000000Z-0000abcd', strategyVersion: 2, startedAt: AT, startedBy: 'admin-1' };

    // Act
    const item = rescoreJobEntity.toItem(job);

    // Assess
    expect(item).toEqual({ PK: 'RESCORE', SK: `JOB#${job.id}`, type: 'rescore-job', ...job, pagesQueued: 0, ideasQueued: 0 });
    expect(rescoreJobEntity.fromItem({ ...item, queuedAt: AT, donePages: new Set([0, 2]) })).toEqual({ ...job, pagesQueued: 0, ideasQueued: 0, queuedAt: AT, pagesDone: 2 });
  });

  it('keys a mail suppression by the address as compared, and stores it so', () => {
    // Prepare
    const suppression: MailSuppression = { address: 'Søren@Example.DK', reason: 'bounce', at: AT, feedbackId: 'f-1' };

    // Act
    const item = mailSuppressionEntity.toItem(suppression);

    // Assess
    expect(item.PK).toBe(mailSuppressionEntity.key('søren@example.dk').PK);
    expect(item.PK.startsWith('MAIL_SUPPRESSION#')).toBe(true);
    expect(item).toMatchObject({ SK: 'META', type: 'mail-suppression', reason: 'bounce', at: AT, feedbackId: 'f-1' });
    expect(mailSuppressionEntity.fromItem(item)).toEqual({ ...suppression, address: String(item['address']) });
  });

  it('keeps an erasure’s audit record, flat, and the retention job’s progress per status', () => {
    // Prepare
    const record: ErasureRecord = { id: 'e-1', requesterHash: 'r'.repeat(64), requestedAt: AT, status: 'pending' };

    // Act
    const erasure = erasureEntity.toItem(record);
    const mark = retentionMarkEntity.toItem({ status: 'declined', through: `${AT}#${IDEA_ID}` });

    // Assess
    expect(erasure).toEqual({ PK: 'ERASURE#e-1', SK: 'META', type: 'erasure', ...record });
    expect(erasureEntity.fromItem(erasure)).toEqual(record);
    expect(mark).toEqual({ PK: 'RETENTION', SK: 'STATUS#declined', type: 'retention-mark', status: 'declined', through: `${AT}#${IDEA_ID}` });
    expect(retentionMarkEntity.fromItem(mark)).toBe(`${AT}#${IDEA_ID}`);
  });

  it('keys a usage count by the hash of the subject, under the one prefix no other partition has', () => {
    // Act
    const key = usageEntity.key('h'.repeat(64), 'submit', '2026-01-08T08:00:00Z');

    // Assess
    expect(key).toEqual({ PK: `USAGE#${'h'.repeat(64)}`, SK: 'submit#2026-01-08T08:00:00Z' });
    expect(USAGE_PREFIX).toBe('USAGE#');
  });
});

describe('every entity', () => {
  it('has a type marker of its own', () => {
    const types = [...Object.values(ENTITIES).map((entity) => entity.type), pipelineShardEntity.type, usageEntity.type];
    expect(new Set(types).size).toBe(types.length);
  });

  it('has no partition but the usage counts’ starting with the usage prefix', () => {
    const partitions = [
      ideaEntity.key('x').PK,
      notificationEntity.key('x').PK,
      pilotEntity.key('x').PK,
      idempotencyEntity.key('x').PK,
      strategyEntity.key(1).PK,
      rescoreJobEntity.key('x').PK,
      erasureEntity.key('x').PK,
      retentionMarkEntity.key('declined').PK,
      pipelineShardEntity.key(0).PK,
      gateSettingsEntity.key().PK,
      mailSuppressionEntity.key('a@b.dk').PK,
      inboxEntryEntity.list({ status: 'in_triage' }, 'age').partition,
      pilotListEntryEntity.list({}, 'newest').partition,
      learningEntity.all().partition,
      revisitEntity.dueBy('2026-01-01').partition,
    ];
    expect(partitions.filter((partition) => partition.startsWith(USAGE_PREFIX))).toEqual([]);
  });
});

describe('the most derived items one idea or pilot has (the bounds of the transactions’ sizes)', () => {
  const themes = fc.uniqueArray(fc.constantFrom('automatisering', 'borgerservice', 'klima', 'sundhed', 'æøå-temaet'), { maxLength: 5 });
  const person = fc.option(fc.record({ sub: fc.string({ minLength: 1, maxLength: 8 }), name: fc.constant('Åse Ørum') }), { nil: undefined });

  it('is never more than the inbox entries’ `most`, whatever the idea’s status, kind, department, themes and assignee', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IDEA_STATUSES),
        fc.constantFrom(...IDEA_KINDS),
        fc.string({ maxLength: 20 }),
        themes,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        person,
        fc.boolean(),
        (status, kind, department, themeIds, scores, assignee, abandoned) => {
          const idea = anIdea({
            status,
            kind,
            department,
            themeAlignment: { strategyVersion: 1, scores: themeIds.map((themeId, index) => ({ themeId, score: scores[index] ?? 0, matchedTerms: [] })).sort((a, b) => b.score - a.score) },
            ...(assignee === undefined ? {} : { assignee }),
            ...(abandoned ? { intakeAbandonedAt: CREATED_AT } : {}),
          });
          expect(inboxEntryEntity.of(idea).length).toBeLessThanOrEqual(inboxEntryEntity.most);
          expect(revisitEntity.of(idea).length).toBeLessThanOrEqual(revisitEntity.most);
        },
      ),
    );
  });

  it('is never more than the pipeline entries’ `most`, whatever the pilot’s stage, themes (its idea’s inbox themes), owner and hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PILOT_STAGES), themes, person, fc.boolean(), fc.string({ maxLength: 20 }), (stage, themeIds, owner, held, department) => {
        const pilot = aPilot({
          stage,
          themes: themeIds.slice(0, INBOX_THEMES_PER_IDEA),
          department,
          ...(owner === undefined ? {} : { owner }),
          ...(held ? { hold: { until: '2026-09-01', reason: 'Budgettet afventes.' } } : {}),
          ...(stage === 'stopped' || stage === 'realised' ? { learnings: LEARNINGS } : {}),
        });
        expect(pilotListEntryEntity.of(pilot).length).toBeLessThanOrEqual(pilotListEntryEntity.most);
        expect(learningEntity.of(pilot).length).toBeLessThanOrEqual(learningEntity.most);
      }),
    );
  });
});

describe('inRange', () => {
  it.each<[SortKeyRange | undefined, string, boolean]>([
    [undefined, 'anything', true],
    [{ beginsWith: 'COMMENT#' }, 'COMMENT#x', true],
    [{ beginsWith: 'COMMENT#' }, 'SUPPORTER#x', false],
    [{ between: ['EVENT#', 'SUPPORTER#'] }, 'EVENT#', true],
    [{ between: ['EVENT#', 'SUPPORTER#'] }, 'SUPPORTER#', true],
    [{ between: ['EVENT#', 'SUPPORTER#'] }, 'SUPPORTER#a', false],
    [{ below: 'T' }, 'S', true],
    [{ below: 'T' }, 'T', false],
    [{ from: 'T' }, 'T', true],
    [{ from: 'T' }, 'S', false],
  ])('holds %j to %s: %s', (range, sortKey, inside) => {
    expect(inRange(sortKey, range)).toBe(inside);
  });
});
