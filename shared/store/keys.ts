import type { IdeaStatus } from '../domain/idea.ts';

/**
 * Every key in the table is built here, so the layout can be read in one place:
 *
 * | item                | PK                   | SK              | GSI1 (byStatus)              | GSI2 (bySubmitter)           |
 * |---------------------|----------------------|-----------------|------------------------------|------------------------------|
 * | idea                | IDEA#<id>            | META            | STATUS#<status>, <changed>#<id> | SUBMITTER#<sub>, <created>#<id> |
 * | history event       | IDEA#<id>            | EVENT#<version> |                              |                              |
 * | idempotency record  | IDEMPOTENCY#<hash>   | META            |                              |                              |
 * | strategy version    | STRATEGY             | VERSION#<n>     |                              |                              |
 * | similarity band     | SIMILAR#<band key>   | <sort>#<id>     |                              |                              |
 *
 * An idea and its history share a partition, so one Query reads both.
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
