/**
 * Pilots in the table: the pilot, its history and gate decisions in its own partition, its
 * entries in the pipeline lists and its learning (./derived-items.ts), and its share of the
 * pipeline counters (./pipeline.ts) — every change of a pilot writes all of them in one
 * transaction that only succeeds while the pilot is still at the version it was read with. The
 * DynamoDB adapter of PilotStore (./ports.ts).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_GATES, type GateSettings, type StoredGateSettings } from '../domain/gates.ts';
import type { Learning } from '../domain/learnings.ts';
import type { PilotList, PilotRow, PilotSort } from '../domain/pilot-lists.ts';
import type { GateRecord, Pilot, PilotEvent } from '../domain/pilot.ts';
import { contributionChange, pilotContribution, type Contribution } from '../domain/pipeline.ts';
import { pilotDerivedItemChanges } from './derived-items.ts';
import { EVENT_PREFIX, GATE_PREFIX, LEARNINGS_PARTITION, META, gateRecordKey, gateSettingsKey, pilotEventKey, pilotKey, pilotListPartition, pilotPartition } from './keys.ts';
import { partitionPage, wholePartition } from './partition.ts';
import { counterUpdates, readPipelineTotals } from './pipeline.ts';
import { VersionConflictError, type Page, type PilotChange, type PilotRecord, type PilotStore, type StoreCursor } from './ports.ts';
import { conditionFailedAt, conflicted, writeTransaction, type TransactItems } from './transactions.ts';

type Item = Record<string, unknown>;

const LEARNINGS_PAGE = 200;

export class DynamoPilotStore implements PilotStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async getPilot(id: string): Promise<Pilot | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: pilotKey(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : itemToPilot(result.Item);
  }

  async getPilotRecord(id: string): Promise<PilotRecord | undefined> {
    let pilot: Pilot | undefined;
    const history: PilotEvent[] = [];
    const gates: GateRecord[] = [];
    for (const item of await wholePartition(this.client, this.tableName, pilotPartition(id), { consistent: true })) {
      const sk = String(item['SK']);
      if (sk === META) pilot = itemToPilot(item);
      else if (sk.startsWith(EVENT_PREFIX)) history.push(item['event'] as PilotEvent);
      else if (sk.startsWith(GATE_PREFIX)) gates.push(item['gate'] as GateRecord);
    }
    return pilot === undefined ? undefined : { pilot, history, gates };
  }

  async save(change: PilotChange): Promise<void> {
    const { before, after } = change;
    const derived = pilotDerivedItemChanges(before, after);
    const items: TransactItems = [
      {
        Put: {
          TableName: this.tableName,
          Item: pilotToItem(after),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      { Put: { TableName: this.tableName, Item: pilotEventItem(change.event), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...(change.gate === undefined
        ? []
        : [{ Put: { TableName: this.tableName, Item: { ...gateRecordKey(after.id, after.version), type: 'gate', pilotId: after.id, gate: change.gate } } }]),
      ...derived.deletes.map((key) => ({ Delete: { TableName: this.tableName, Key: key } })),
      ...derived.puts.map((item) => ({ Put: { TableName: this.tableName, Item: item } })),
      ...counterUpdates(this.tableName, [{ id: after.id, change: contributionChange(pilotContribution(before), pilotContribution(after)) }]),
    ];
    try {
      await writeTransaction(this.client, items);
    } catch (error) {
      if (conditionFailedAt(error, 0) || conditionFailedAt(error, 1) || conflicted(error)) {
        throw new VersionConflictError({ kind: 'pilot', id: before.id, expectedVersion: before.version }, `Pilot ${before.id} changed since version ${before.version}`, { cause: error });
      }
      throw error;
    }
  }

  async listPilots(list: PilotList, sort: PilotSort, limit: number, cursor?: StoreCursor): Promise<Page<PilotRow>> {
    return partitionPage(this.client, this.tableName, pilotListPartition(list, sort), { limit, cursor }, (item) => item['row'] as PilotRow);
  }

  async listLearnings(): Promise<Learning[]> {
    const items = await wholePartition(this.client, this.tableName, LEARNINGS_PARTITION, { pageSize: LEARNINGS_PAGE });
    return items.map((item) => item['learning'] as Learning);
  }

  /** One Query of the counter shards: the same read for ten ideas or a million. */
  async pipelineTotals(): Promise<Contribution> {
    return readPipelineTotals(this.client, this.tableName);
  }

  async gateSettings(): Promise<StoredGateSettings> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: gateSettingsKey(), ConsistentRead: true }));
    if (result.Item === undefined) return { ...DEFAULT_GATES, version: 0, updatedAt: '', updatedBy: 'system' };
    return result.Item['settings'] as StoredGateSettings;
  }

  async replaceGateSettings(settings: GateSettings, expectedVersion: number, by: string, at: string): Promise<StoredGateSettings> {
    const next: StoredGateSettings = { gates: settings.gates, stageLimitDays: settings.stageLimitDays, version: expectedVersion + 1, updatedAt: at, updatedBy: by };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...gateSettingsKey(), type: 'gate-settings', version: next.version, settings: next },
          // Version 0 is the shipped default, which is not stored.
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new VersionConflictError({ kind: 'gate-settings', expectedVersion }, `Gate settings are no longer version ${expectedVersion}`, { cause: error });
      }
      throw error;
    }
    return next;
  }
}

/**
 * The learnings read once for all who ask: the intake worker ranks every idea of a batch against
 * all of them, and read afresh for each, a batch of ten would read the whole partition ten times.
 * Made anew for each batch, so a pilot stopped before the batch arrived is always seen.
 */
export function learningsReadOnce(pilots: Pick<PilotStore, 'listLearnings'>): Pick<PilotStore, 'listLearnings'> {
  let kept: Promise<Learning[]> | undefined;
  return {
    listLearnings: () => {
      if (kept === undefined) {
        const learnings = pilots.listLearnings();
        kept = learnings;
        // A failed read is not kept: the next idea reads again.
        learnings.catch(() => {
          if (kept === learnings) kept = undefined;
        });
      }
      return kept;
    },
  };
}

/** The items that create a pilot, for the transaction that accepts its idea (./ideas.ts). */
export function newPilotItems(tableName: string, pilot: Pilot, event: PilotEvent): TransactItems {
  return [
    { Put: { TableName: tableName, Item: pilotToItem(pilot), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: pilotEventItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...pilotDerivedItemChanges(undefined, pilot).puts.map((item) => ({ Put: { TableName: tableName, Item: item } })),
  ];
}

function pilotToItem(pilot: Pilot): Item {
  return { ...pilotKey(pilot.id), type: 'pilot', version: pilot.version, pilot };
}

function itemToPilot(item: Item): Pilot {
  return item['pilot'] as Pilot;
}

function pilotEventItem(event: PilotEvent): Item {
  return { ...pilotEventKey(event.pilotId, event.version), type: 'pilot-event', event };
}
