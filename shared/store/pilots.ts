/**
 * Pilots in the table: the pilot, its history and gate decisions in its own partition, its
 * entries in the pipeline lists and its learning (./derived-items.ts), and its share of the
 * pipeline counters (./pipeline.ts) — every change of a pilot writes all of them in one
 * transaction that only succeeds while the pilot is still at the version it was read with. The
 * DynamoDB adapter of PilotStore (./ports.ts).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SHIPPED_GATE_SETTINGS, type GateSettings, type StoredGateSettings } from '../domain/gates.ts';
import type { Learning } from '../domain/learnings.ts';
import type { PilotList, PilotRow, PilotSort } from '../domain/pilot-lists.ts';
import { createdEvent, type GateRecord, type Pilot, type PilotEvent } from '../domain/pilot.ts';
import { contributionChange, pilotContribution } from '../domain/pipeline.ts';
import { commit, DynamoPart, item, versionConflictIn } from './compose.ts';
import { pilotDerivedItemChanges, pilotDerivedItems } from './derived-items.ts';
import { gateRecordEntity, gateSettingsEntity, learningEntity, pilotEntity, pilotEventEntity, pilotListEntryEntity } from './entities.ts';
import { queryAll, queryPage } from './partition.ts';
import { VersionConflictError, type Page, type PilotChange, type PilotRecord, type PilotStore, type StoreCursor, type TransactionPart } from './ports.ts';
import { TableAdapter } from './table.ts';

const LEARNINGS_PAGE = 200;

export class DynamoPilotStore extends TableAdapter implements PilotStore {
  /** The items that create a pilot, for the transaction that accepts its idea (./ideas.ts): the pilot, its `created` event, its list entries, its share of the counters. */
  creation(pilot: Pilot): TransactionPart {
    return new DynamoPart(
      `pilot ${pilot.id}`,
      [
        item.create(this.tableName, pilotEntity.toItem(pilot)),
        item.create(this.tableName, pilotEventEntity.toItem(createdEvent(pilot))),
        ...pilotDerivedItems(pilot).map((entry) => item.put(this.tableName, entry)),
      ],
      [{ id: pilot.id, change: contributionChange(undefined, pilotContribution(pilot)) }],
    );
  }

  async getPilot(id: string): Promise<Pilot | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: pilotEntity.key(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : pilotEntity.fromItem(result.Item);
  }

  async getPilotRecord(id: string): Promise<PilotRecord | undefined> {
    let pilot: Pilot | undefined;
    const history: PilotEvent[] = [];
    const gates: GateRecord[] = [];
    for (const stored of await queryAll(this.client, this.tableName, pilotEntity.wholePartition(id), { consistent: true })) {
      if (stored['type'] === pilotEntity.type) pilot = pilotEntity.fromItem(stored);
      else if (stored['type'] === pilotEventEntity.type) history.push(pilotEventEntity.fromItem(stored));
      else if (stored['type'] === gateRecordEntity.type) gates.push(gateRecordEntity.fromItem(stored));
    }
    return pilot === undefined ? undefined : { pilot, history, gates };
  }

  async save(change: PilotChange): Promise<void> {
    const { before, after } = change;
    const derived = pilotDerivedItemChanges(before, after);
    const own = new DynamoPart(
      `pilot ${after.id}`,
      [
        item.replace(this.tableName, pilotEntity.toItem(after), { version: before.version }),
        item.create(this.tableName, pilotEventEntity.toItem(change.event), true),
        ...(change.gate === undefined ? [] : [item.put(this.tableName, gateRecordEntity.toItem({ pilotId: after.id, version: after.version, gate: change.gate }))]),
        ...derived.deletes.map((key) => item.delete(this.tableName, key)),
        ...derived.puts.map((entry) => item.put(this.tableName, entry)),
      ],
      [{ id: after.id, change: contributionChange(pilotContribution(before), pilotContribution(after)) }],
    );
    try {
      await commit(this.client, this.tableName, [own]);
    } catch (error) {
      if (versionConflictIn(error, [own])) {
        throw new VersionConflictError({ kind: 'pilot', id: before.id, expectedVersion: before.version }, `Pilot ${before.id} changed since version ${before.version}`, { cause: error });
      }
      throw error;
    }
  }

  async listPilots(list: PilotList, sort: PilotSort, limit: number, cursor?: StoreCursor): Promise<Page<PilotRow>> {
    return queryPage(this.client, this.tableName, pilotListEntryEntity.list(list, sort), { limit, cursor }, pilotListEntryEntity.fromItem);
  }

  async listLearnings(): Promise<Learning[]> {
    return (await queryAll(this.client, this.tableName, learningEntity.all(), { pageSize: LEARNINGS_PAGE })).map(learningEntity.fromItem);
  }

  async gateSettings(): Promise<StoredGateSettings> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: gateSettingsEntity.key(), ConsistentRead: true }));
    if (result.Item === undefined) return { ...SHIPPED_GATE_SETTINGS };
    return gateSettingsEntity.fromItem(result.Item);
  }

  async replaceGateSettings(settings: GateSettings, expectedVersion: number, by: string, at: string): Promise<StoredGateSettings> {
    const next: StoredGateSettings = { gates: settings.gates, stageLimitDays: settings.stageLimitDays, version: expectedVersion + 1, updatedAt: at, updatedBy: by };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: gateSettingsEntity.toItem(next),
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
