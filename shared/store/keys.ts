import type { InboxList, InboxSort } from '../domain/inbox.ts';
import type { IdeaStatus } from '../domain/idea.ts';
import type { PilotList, PilotSort } from '../domain/pilot-lists.ts';
import { normaliseMailAddress } from '../domain/mail-suppression.ts';

/**
 * Every key in the table is built here, so the layout can be read in one place:
 *
 * | item                | PK                   | SK              | GSI1 (byStatus)              | GSI2 (bySubmitter)           |
 * |---------------------|----------------------|-----------------|------------------------------|------------------------------|
 * | idea                | IDEA#<id>            | META            | STATUS#<status>, <changed>#<id> | SUBMITTER#<sub>, <created>#<id> |
 * | idea, intake given up | IDEA#<id>          | META            | STATUS#submitted#abandoned, <changed>#<id> | as an idea |
 * | history event       | IDEA#<id>            | EVENT#<version> |                              |                              |
 * | idempotency record  | IDEMPOTENCY#<hash>   | META            |                              |                              |
 * | strategy version    | STRATEGY             | VERSION#<n>     |                              |                              |
 * | similarity band     | SIMILAR#<band key>   | <sort>#<id>     |                              |                              |
 * | inbox entry         | INBOX#<list>#<sort>  | <sort value>    |                              |                              |
 * | revisit entry       | REVISIT              | <day>#<id>      |                              |                              |
 * | comment             | IDEA#<id>            | COMMENT#<at>#<comment id> |                    |                              |
 * | supporter           | IDEA#<id>            | SUPPORTER#<hash of sub>   |                    | SUPPORTS#<hash of sub>, <at>#<id> |
 * | supporter count     | IDEA#<id>            | SUPPORTERS      |                              |                              |
 * | pending merge       | IDEA#<id>            | MERGE           | PENDING#merge, <at>#<id>     |                              |
 * | notification        | NOTIFICATION#<id>    | META            | PENDING#notification, <at>#<id> (until sent) |              |
 * | pilot               | PILOT#<id>           | META            |                              |                              |
 * | pilot history event | PILOT#<id>           | EVENT#<version> |                              |                              |
 * | gate decision       | PILOT#<id>           | GATE#<version>  |                              |                              |
 * | pilot list entry    | PILOTS#<list>#<sort> (PILOTS#held#s=hold_until: the pilots on hold) | <sort value> |                              |                              |
 * | learning            | LEARNINGS            | <pilot id>      |                              |                              |
 * | pipeline counters   | PIPELINE             | SHARD#<nn>      |                              |                              |
 * | gate settings       | SETTINGS             | GATES           |                              |                              |
 * | development outbox  | DEV_OUTBOX           | <sent at>#<id>  |                              |                              |
 * | mail suppression    | MAIL_SUPPRESSION#<normalised address> | META |                   |                              |
 * | re-scoring job      | RESCORE              | JOB#<job id>    |                              |                              |
 * | erasure (audit)     | ERASURE#<id>         | META            |                              |                              |
 * | retention progress  | RETENTION            | STATUS#<status> |                              |                              |
 * | usage count         | USAGE#<HMAC of sub>  | <action>#<window start> |                      | (expiresAt: the window's end, TTL) |
 *
 * An idea and its history share a partition, so one Query reads both.
 * The development outbox is the local runtime's alone: its keys are built in infra/local/outbox.ts.
 */
export const ideaKey = (id: string) => ({ PK: `IDEA#${id}`, SK: 'META' });

export const ideaPartition = (id: string) => `IDEA#${id}`;

/** Event n moved the idea to version n; zero-padding keeps them in order as text. */
export const ideaEventKey = (id: string, version: number) => ({ PK: `IDEA#${id}`, SK: `EVENT#${String(version).padStart(6, '0')}` });

export const EVENT_PREFIX = 'EVENT#';
export const META = 'META';

export const idempotencyKey = (keyHash: string) => ({ PK: `IDEMPOTENCY#${keyHash}`, SK: 'META' });

export const statusIndexKey = (status: IdeaStatus, changedAt: string, id: string) => ({
  GSI1PK: statusPartition(status),
  GSI1SK: `${changedAt}#${id}`,
});

export const statusPartition = (status: IdeaStatus) => `STATUS#${status}`;

/**
 * Where an idea the sweeper gave up on is indexed: still `submitted`, but off the `submitted`
 * list, so the sweeper's reading of the oldest stuck ideas never meets it again.
 */
export const ABANDONED_INTAKE_PARTITION = `${statusPartition('submitted')}#abandoned`;

export const abandonedIntakeIndexKey = (changedAt: string, id: string) => ({ GSI1PK: ABANDONED_INTAKE_PARTITION, GSI1SK: `${changedAt}#${id}` });

export const submitterIndexKey = (sub: string, createdAt: string, id: string) => ({
  GSI2PK: submitterPartition(sub),
  GSI2SK: `${createdAt}#${id}`,
});

export const submitterPartition = (sub: string) => `SUBMITTER#${sub}`;

export const STRATEGY_PARTITION = 'STRATEGY';
export const STRATEGY_VERSION_PREFIX = 'VERSION#';

/** Version n of the strategy; zero-padding keeps versions in order, so the newest is one Query away. */
export const strategyVersionKey = (version: number) => ({ PK: STRATEGY_PARTITION, SK: `${STRATEGY_VERSION_PREFIX}${String(version).padStart(6, '0')}` });

/**
 * One entry of the duplicate index: the idea shares this MinHash band with every other idea in
 * the partition; the sort value orders the band so a capped Query reads the closest ideas
 * (see shared/domain/duplicates/parameters.ts).
 */
export const similarityBandKey = (band: { key: string; sort: string }, id: string) => ({ PK: similarityBandPartition(band.key), SK: `${band.sort}#${id}` });

export const similarityBandPartition = (bandKey: string) => `SIMILAR#${bandKey}`;

/**
 * Text as part of a key: URI-encoded, so no text can fake another key. Encoded as well-formed
 * Unicode (a lone UTF-16 surrogate becomes U+FFFD first), because `encodeURIComponent` throws
 * on a lone surrogate, and a key built from stored data must never throw: input is refused
 * unless well-formed (shared/schemas/text.ts), but an item stored before that check, or written
 * by other means, is still read, listed and moved on.
 */
export const keyText = (text: string) => encodeURIComponent(text.toWellFormed());

/**
 * One inbox list in one order: status, then kind, department and theme when the list is narrowed
 * by them, or the assignee's subject for the list of one assignee (see shared/domain/inbox.ts).
 * Texts are URI-encoded, so no text can fake a key.
 */
export const inboxPartition = (list: InboxList, sort: InboxSort) =>
  [
    `INBOX#${list.status}`,
    ...(list.kind === undefined ? [] : [`k=${list.kind}`]),
    ...(list.department === undefined ? [] : [`d=${keyText(list.department)}`]),
    ...(list.theme === undefined ? [] : [`t=${keyText(list.theme)}`]),
    ...(list.assignee === undefined ? [] : [`a=${keyText(list.assignee)}`]),
    `s=${sort}`,
  ].join('#');

export const inboxEntryKey = (list: InboxList, sort: InboxSort, sortValue: string) => ({ PK: inboxPartition(list, sort), SK: sortValue });

export const REVISIT_PARTITION = 'REVISIT';

/** A parked idea's place in the list of ideas to bring back to the inbox, by day. */
export const revisitKey = (day: string, id: string) => ({ PK: REVISIT_PARTITION, SK: `${day}#${id}` });

export const COMMENT_PREFIX = 'COMMENT#';
export const commentKey = (ideaId: string, at: string, commentId: string) => ({ PK: ideaPartition(ideaId), SK: `${COMMENT_PREFIX}${at}#${commentId}` });

export const SUPPORTER_PREFIX = 'SUPPORTER#';
/** A supporter is kept as a hash of their subject, so nobody reading the table sees who supports what. */
export const supporterKey = (ideaId: string, supporterHash: string) => ({ PK: ideaPartition(ideaId), SK: `${SUPPORTER_PREFIX}${supporterHash}` });
/**
 * Where a supporter item is found by its supporter (the GDPR export of their support): the
 * supporter's hash, never their subject, so the index links nobody without the deployment secret.
 */
export const supportsIndexKey = (supporterHash: string, at: string, ideaId: string) => ({ GSI2PK: supportsPartition(supporterHash), GSI2SK: `${at}#${ideaId}` });
export const supportsPartition = (supporterHash: string) => `SUPPORTS#${supporterHash}`;
export const SUPPORT_COUNT = 'SUPPORTERS';
export const supportCountKey = (ideaId: string) => ({ PK: ideaPartition(ideaId), SK: SUPPORT_COUNT });

/** Work that must still happen after a change, found by the sweeper through the status index. */
export const pendingPartition = (kind: 'merge' | 'notification') => `PENDING#${kind}`;
export const pendingIndexKey = (kind: 'merge' | 'notification', at: string, id: string) => ({ GSI1PK: pendingPartition(kind), GSI1SK: `${at}#${id}` });

export const MERGE = 'MERGE';
export const mergeJobKey = (ideaId: string) => ({ PK: ideaPartition(ideaId), SK: MERGE });

export const notificationKey = (id: string) => ({ PK: `NOTIFICATION#${id}`, SK: 'META' });

export const pilotPartition = (id: string) => `PILOT#${id}`;
export const pilotKey = (id: string) => ({ PK: pilotPartition(id), SK: META });
/** Event n moved the pilot to version n, as for ideas. */
export const pilotEventKey = (id: string, version: number) => ({ PK: pilotPartition(id), SK: `${EVENT_PREFIX}${String(version).padStart(6, '0')}` });
export const GATE_PREFIX = 'GATE#';
/** The gate decision that moved the pilot to version n. */
export const gateRecordKey = (id: string, version: number) => ({ PK: pilotPartition(id), SK: `${GATE_PREFIX}${String(version).padStart(6, '0')}` });

/** One list of pilots in one order (see shared/domain/pilot-lists.ts); texts are URI-encoded as in the inbox. */
export const pilotListPartition = (list: PilotList, sort: PilotSort) =>
  [
    `PILOTS#${list.held === true ? 'held' : (list.stage ?? 'all')}`,
    ...(list.theme === undefined ? [] : [`t=${keyText(list.theme)}`]),
    ...(list.department === undefined ? [] : [`d=${keyText(list.department)}`]),
    ...(list.owner === undefined ? [] : [`o=${keyText(list.owner)}`]),
    `s=${sort}`,
  ].join('#');

export const pilotListEntryKey = (list: PilotList, sort: PilotSort, sortValue: string) => ({ PK: pilotListPartition(list, sort), SK: sortValue });

export const LEARNINGS_PARTITION = 'LEARNINGS';
export const learningKey = (pilotId: string) => ({ PK: LEARNINGS_PARTITION, SK: pilotId });

export const PIPELINE_PARTITION = 'PIPELINE';
/** One of the shards the pipeline counters are spread over (see ./pipeline.ts). */
export const pipelineShardKey = (shard: number) => ({ PK: PIPELINE_PARTITION, SK: `SHARD#${String(shard).padStart(2, '0')}` });

export const gateSettingsKey = () => ({ PK: 'SETTINGS', SK: 'GATES' });

/** A re-scoring job's progress (see shared/store/rescore-jobs.ts); job ids sort by the time they started. */
export const rescoreJobKey = (jobId: string) => ({ PK: 'RESCORE', SK: `JOB#${jobId}` });

/**
 * An address SES reported undeliverable (a permanent bounce, or a complaint): keyed on the
 * address as compared (shared/domain/mail-suppression.ts), so the notify worker finds it with one
 * GetItem by the address it is about to mail, and a person can find and delete it by address.
 */
export const mailSuppressionKey = (address: string) => ({ PK: `MAIL_SUPPRESSION#${normaliseMailAddress(address)}`, SK: META });

/** An erasure of one person (`POST /me/erase`): its audit record, which never holds the person's subject. */
export const erasureKey = (id: string) => ({ PK: `ERASURE#${id}`, SK: META });

/** How far the retention job has removed personal data from the ideas that ended in `status` (shared/privacy/retention.ts). */
export const retentionMarkKey = (status: IdeaStatus) => ({ PK: 'RETENTION', SK: `STATUS#${status}` });

/**
 * Every usage count's partition starts with this, and nothing else's does: a function whose table
 * access is read-only may count (`countsUsage` in infra/system.ts) only on keys with it, which
 * IAM's `dynamodb:LeadingKeys` condition enforces in AWS and infra/local/grants.ts on a laptop.
 */
export const USAGE_PREFIX = 'USAGE#';

/**
 * One person's count of one limited action in one window (shared/domain/usage-limits.ts): the
 * partition is the keyed hash of their subject, never the subject, and the sort key the action and
 * the window's start (`submit#2026-01-08T08:00:00Z`).
 */
export const usageKey = (subjectHash: string, action: string, windowLabel: string) => ({ PK: `${USAGE_PREFIX}${subjectHash}`, SK: `${action}#${windowLabel}` });
