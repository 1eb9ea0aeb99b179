import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DeploymentKeys } from '../../../shared/secret.ts';
import { carrySupportersOver, supporterHash as keyedSupporterHash } from '../../../shared/triage/merge.ts';
import { readIdeaRecord } from '../../../shared/views/idea-record.ts';
import { InMemoryBackgroundWorkStore, InMemoryConversationStore, InMemoryIdeaStore } from '../support/fakes.ts';
import { TEST_KEYS, testKeys } from '../support/secret.ts';
import { anAnonymousIdea, anIdeaInTriage, COLLEAGUE, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const AT = '2026-01-12T09:00:00.000Z';
const NOW = new Date('2026-01-12T09:00:05.000Z');
const clock = fixedClock(NOW);
const THIRD = 'b2c3d4e5-third';
const supporterHash = (sub: string) => keyedSupporterHash(TEST_KEYS, sub);

/** IDEA_ID was merged into OTHER_IDEA_ID; its job is pending. */
async function setup(merged = anIdeaInTriage({ status: 'duplicate', version: 3 })) {
  const store = new InMemoryIdeaStore().seed(merged, anIdeaInTriage({ id: OTHER_IDEA_ID, submitter: { sub: 'c3d4e5f6-other' } }));
  const conversation = new InMemoryConversationStore(store.log);
  const work = new InMemoryBackgroundWorkStore(store);
  work.mergeJobs.set(IDEA_ID, { ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: AT });
  await conversation.addSupporter(IDEA_ID, supporterHash(COLLEAGUE.sub), AT);
  await conversation.addSupporter(IDEA_ID, supporterHash(THIRD), AT);
  return { store, conversation, work };
}

describe('supporterHash', () => {
  it('is the same for the same person and never the subject itself', () => {
    // Act
    const hash = supporterHash(COLLEAGUE.sub);

    // Assess
    expect(hash).toBe(supporterHash(COLLEAGUE.sub));
    expect(hash).not.toBe(supporterHash(THIRD));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(COLLEAGUE.sub);
  });

  it('is keyed by the deployment secret: a dictionary of subjects does not reverse it without the secret', () => {
    // Prepare: what an unkeyed hash would be, and the same person under another deployment's secret
    const unkeyed = [createHash('sha256').update(`spire-supporter:${COLLEAGUE.sub}`).digest('hex'), createHash('sha256').update(COLLEAGUE.sub).digest('hex')];
    const elsewhere = new DeploymentKeys('another-deployment-secret-of-32-bytes!!');

    // Act
    const hash = supporterHash(COLLEAGUE.sub);

    // Assess
    expect(unkeyed).not.toContain(hash);
    expect(keyedSupporterHash(elsewhere, COLLEAGUE.sub)).not.toBe(hash);
  });
});

describe('carrySupportersOver', () => {
  it('adds the merged idea’s supporters and its submitter to the surviving idea and completes the merge', async () => {
    // Prepare
    const { store, conversation, work } = await setup();

    // Act
    const added = await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(added).toBe(3);
    expect(new Set(await conversation.listSupporters(OTHER_IDEA_ID))).toEqual(new Set([supporterHash(COLLEAGUE.sub), supporterHash(THIRD), supporterHash(SUBMITTER_SUB)]));
    expect(conversation.supporters.get(OTHER_IDEA_ID)?.get(supporterHash(THIRD))).toBe(NOW.toISOString());
    expect(await work.listPendingMerges('9999', 10)).toEqual([]);
  });

  it('counts nobody twice who already supported the surviving idea', async () => {
    // Prepare
    const { store, conversation, work } = await setup();
    await conversation.addSupporter(OTHER_IDEA_ID, supporterHash(COLLEAGUE.sub), AT);

    // Act
    const added = await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(added).toBe(2);
    expect((await readIdeaRecord({ ideas: store, conversation }, OTHER_IDEA_ID))?.supportCount).toBe(3);
  });

  it('adds nobody twice when it runs again, as the sweeper may run it', async () => {
    // Prepare
    const { store, conversation, work } = await setup();
    await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Act
    const added = await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(added).toBe(0);
    expect((await readIdeaRecord({ ideas: store, conversation }, OTHER_IDEA_ID))?.supportCount).toBe(3);
    expect(work.mergeJobs.size).toBe(0);
  });

  it('carries only the supporters of an anonymous idea: it has no submitter to carry', async () => {
    // Prepare
    const { store, conversation, work } = await setup(anAnonymousIdea('ab'.repeat(32), { status: 'duplicate', version: 3 }));

    // Act
    const added = await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(added).toBe(2);
    expect(new Set(await conversation.listSupporters(OTHER_IDEA_ID))).toEqual(new Set([supporterHash(COLLEAGUE.sub), supporterHash(THIRD)]));
  });

  it('reads the deployment secret only when there is a submitter to carry over', async () => {
    // Prepare
    const { store, conversation, work } = await setup(anAnonymousIdea('ab'.repeat(32), { status: 'duplicate', version: 3 }));
    const keys = vi.fn(testKeys);

    // Act
    await carrySupportersOver({ store, conversation, work, keys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(keys).not.toHaveBeenCalled();
  });

  it('leaves the supporters on the merged idea too', async () => {
    // Prepare
    const { store, conversation, work } = await setup();

    // Act
    await carrySupportersOver({ store, conversation, work, keys: testKeys, clock }, { ideaId: IDEA_ID, into: OTHER_IDEA_ID });

    // Assess
    expect(await conversation.listSupporters(IDEA_ID)).toHaveLength(2);
  });
});
