import { describe, expect, it } from 'vitest';
import {
  abandonedIntakeIndexKey,
  commentKey,
  ideaEventKey,
  ideaKey,
  ideaPartition,
  idempotencyKey,
  inboxEntryKey,
  inboxPartition,
  mergeJobKey,
  notificationKey,
  pendingIndexKey,
  pilotListPartition,
  pendingPartition,
  pilotKey,
  rescoreJobKey,
  revisitKey,
  statusIndexKey,
  submitterIndexKey,
  supportCountKey,
  supporterKey,
} from '../../../shared/store/keys.ts';

describe('table keys', () => {
  it('keeps an idea and its history in one partition', () => {
    // Act
    const idea = ideaKey('abc');
    const event = ideaEventKey('abc', 3);

    // Assess
    expect(idea).toEqual({ PK: 'IDEA#abc', SK: 'META' });
    expect(event.PK).toBe(idea.PK);
  });

  it('sorts history events by version as text, so version 10 comes after version 9', () => {
    // Prepare
    const versions = [10, 2, 9, 1, 100];

    // Act
    const sortKeys = versions.map((version) => ideaEventKey('abc', version).SK).sort();

    // Assess
    expect(sortKeys).toEqual(['EVENT#000001', 'EVENT#000002', 'EVENT#000009', 'EVENT#000010', 'EVENT#000100']);
  });

  it('keeps idempotency records out of idea partitions', () => {
    // Act
    const key = idempotencyKey('f00d');

    // Assess
    expect(key).toEqual({ PK: 'IDEMPOTENCY#f00d', SK: 'META' });
  });

  it('indexes an idea by status and time of the status change', () => {
    // Act
    const key = statusIndexKey('submitted', '2026-01-05T08:30:00.000Z', 'abc');

    // Assess
    expect(key).toEqual({ GSI1PK: 'STATUS#submitted', GSI1SK: '2026-01-05T08:30:00.000Z#abc' });
  });

  it('indexes an idea the sweeper gave up on in a list of its own, apart from the submitted list', () => {
    // Act
    const key = abandonedIntakeIndexKey('2026-01-05T08:30:00.000Z', 'abc');

    // Assess
    expect(key).toEqual({ GSI1PK: 'STATUS#submitted#abandoned', GSI1SK: '2026-01-05T08:30:00.000Z#abc' });
    expect(key.GSI1PK).not.toBe(statusIndexKey('submitted', 'x', 'y').GSI1PK);
  });

  it('keeps re-scoring jobs in one partition, in the order they started', () => {
    expect(rescoreJobKey('20261122T100000000Z-0000abcd')).toEqual({ PK: 'RESCORE', SK: 'JOB#20261122T100000000Z-0000abcd' });
  });

  it('indexes an idea by submitter and time of creation', () => {
    // Act
    const key = submitterIndexKey('user-1', '2026-01-05T08:30:00.000Z', 'abc');

    // Assess
    expect(key).toEqual({ GSI2PK: 'SUBMITTER#user-1', GSI2SK: '2026-01-05T08:30:00.000Z#abc' });
  });
});

describe('inbox keys', () => {
  it('names a status list and its order', () => {
    // Act
    const partition = inboxPartition({ status: 'in_triage' }, 'priority');

    // Assess
    expect(partition).toBe('INBOX#in_triage#s=priority');
  });

  it('names kind, department and theme in a fixed order, whatever order the list gives them', () => {
    // Act
    const partition = inboxPartition({ theme: 'automatisering', department: 'ældreplejen', kind: 'friction', status: 'needs_info' }, 'age');

    // Assess
    expect(partition).toBe('INBOX#needs_info#k=friction#d=%C3%A6ldreplejen#t=automatisering#s=age');
  });

  it('names the assignee of the list of one person’s ideas by their subject, URI-encoded, so no subject can fake another list', () => {
    // Act
    const partition = inboxPartition({ status: 'in_triage', assignee: 'søren#t=x' }, 'priority');

    // Assess
    expect(partition).toBe('INBOX#in_triage#a=s%C3%B8ren%23t%3Dx#s=priority');
  });

  it('keeps the two orders of one list in separate partitions', () => {
    // Act
    const priority = inboxPartition({ status: 'in_triage', kind: 'idea' }, 'priority');
    const age = inboxPartition({ status: 'in_triage', kind: 'idea' }, 'age');

    // Assess
    expect(priority).not.toBe(age);
  });

  it('keeps a list narrowed by department apart from one narrowed by theme of the same name', () => {
    // Act
    const byDepartment = inboxPartition({ status: 'in_triage', department: 'it' }, 'age');
    const byTheme = inboxPartition({ status: 'in_triage', theme: 'it' }, 'age');

    // Assess
    expect(byDepartment).not.toBe(byTheme);
  });

  it('encodes the department, so its text cannot fake another list’s key', () => {
    // Prepare
    const honest = inboxPartition({ status: 'in_triage', department: 'hr', theme: 'automatisering' }, 'priority');

    // Act
    const faked = inboxPartition({ status: 'in_triage', department: 'hr#t=automatisering' }, 'priority');

    // Assess
    expect(faked).not.toBe(honest);
    expect(faked).toBe('INBOX#in_triage#d=hr%23t%3Dautomatisering#s=priority');
  });

  it('encodes æ, ø, å and spaces in the department', () => {
    // Act
    const partition = inboxPartition({ status: 'parked', department: 'børn og unge på å' }, 'age');

    // Assess
    expect(partition).toBe('INBOX#parked#d=b%C3%B8rn%20og%20unge%20p%C3%A5%20%C3%A5#s=age');
    expect(decodeURIComponent((partition.split('#')[2] ?? '').slice(2))).toBe('børn og unge på å');
  });

  it('builds the key of text that is not well-formed Unicode (a lone surrogate, stored before such text was refused) without throwing, as U+FFFD', () => {
    // Act
    const inbox = inboxPartition({ status: 'in_triage', department: 'it\ud800', theme: '\udc00t' }, 'age');
    const pilots = pilotListPartition({ owner: 'tove\ud800', department: 'it\ud800' }, 'newest');

    // Assess
    expect(inbox).toBe('INBOX#in_triage#d=it%EF%BF%BD#t=%EF%BF%BDt#s=age');
    expect(pilots).toBe('PILOTS#all#d=it%EF%BF%BD#o=tove%EF%BF%BD#s=newest');
  });

  it('sorts an inbox entry by the sort value it is given', () => {
    // Act
    const key = inboxEntryKey({ status: 'in_triage' }, 'age', '2026-01-05T08:31:00.000Z#abc');

    // Assess
    expect(key).toEqual({ PK: 'INBOX#in_triage#s=age', SK: '2026-01-05T08:31:00.000Z#abc' });
  });
});

describe('revisit keys', () => {
  it('keeps every parked idea in one list, by day and then id', () => {
    // Act
    const key = revisitKey('2027-03-01', 'abc');

    // Assess
    expect(key).toEqual({ PK: 'REVISIT', SK: '2027-03-01#abc' });
  });

  it('sorts revisits by day as text', () => {
    // Act
    const keys = [revisitKey('2027-03-01', 'b'), revisitKey('2026-12-31', 'c'), revisitKey('2027-03-01', 'a')].map((key) => key.SK).sort();

    // Assess
    expect(keys).toEqual(['2026-12-31#c', '2027-03-01#a', '2027-03-01#b']);
  });
});

describe('keys in an idea’s partition', () => {
  it('keeps comments with the idea, oldest first', () => {
    // Act
    const later = commentKey('abc', '2026-02-04T09:00:00.000Z', 'c-2');
    const earlier = commentKey('abc', '2026-02-03T09:00:00.000Z', 'c-9');

    // Assess
    expect(later).toEqual({ PK: ideaPartition('abc'), SK: 'COMMENT#2026-02-04T09:00:00.000Z#c-2' });
    expect([later.SK, earlier.SK].sort()).toEqual([earlier.SK, later.SK]);
  });

  it('keeps supporters and their count with the idea, the supporter only as a hash', () => {
    // Act
    const supporter = supporterKey('abc', 'f00d');
    const count = supportCountKey('abc');

    // Assess
    expect(supporter).toEqual({ PK: 'IDEA#abc', SK: 'SUPPORTER#f00d' });
    expect(count).toEqual({ PK: 'IDEA#abc', SK: 'SUPPORTERS' });
  });

  it('keeps a pending merge with the idea', () => {
    // Act
    const key = mergeJobKey('abc');

    // Assess
    expect(key).toEqual({ PK: 'IDEA#abc', SK: 'MERGE' });
  });

  it('keeps comments, supporters and the merge apart from the idea and its history', () => {
    // Act
    const sortKeys = [ideaKey('abc').SK, ideaEventKey('abc', 1).SK, commentKey('abc', 'x', 'y').SK, supporterKey('abc', 'h').SK, supportCountKey('abc').SK, mergeJobKey('abc').SK];

    // Assess
    expect(new Set(sortKeys).size).toBe(sortKeys.length);
  });
});

describe('work keys', () => {
  it('indexes pending work of each kind in its own partition, oldest first', () => {
    // Act
    const merge = pendingIndexKey('merge', '2026-02-03T10:00:00.000Z', 'abc');
    const notification = pendingIndexKey('notification', '2026-02-03T10:00:00.000Z', 'abc.v2');

    // Assess
    expect(merge).toEqual({ GSI1PK: 'PENDING#merge', GSI1SK: '2026-02-03T10:00:00.000Z#abc' });
    expect(notification).toEqual({ GSI1PK: pendingPartition('notification'), GSI1SK: '2026-02-03T10:00:00.000Z#abc.v2' });
  });

  it('keeps pending work apart from the status partitions of the same index', () => {
    // Act
    const pending = pendingPartition('merge');
    const status = statusIndexKey('in_triage', 'x', 'y').GSI1PK;

    // Assess
    expect(pending.startsWith('STATUS#')).toBe(false);
    expect(status.startsWith('PENDING#')).toBe(false);
  });

  it('keeps notifications and pilots in their own partitions', () => {
    // Act
    const notification = notificationKey('abc.v2');
    const pilot = pilotKey('p-1');

    // Assess
    expect(notification).toEqual({ PK: 'NOTIFICATION#abc.v2', SK: 'META' });
    expect(pilot).toEqual({ PK: 'PILOT#p-1', SK: 'META' });
  });
});
