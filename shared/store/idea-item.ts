/**
 * An idea as the table holds it: the idea's own attributes with its key and index keys. Apart
 * from the adapter (./ideas.ts) so that the in-memory fake can list ideas by the same status
 * index partition without loading DynamoDB's client.
 */
import type { Idea } from '../domain/idea.ts';
import { abandonedIntakeIndexKey, ideaKey, statusIndexKey, submitterIndexKey } from './keys.ts';

/**
 * The idea as the table holds it, with its index keys. An idea whose intake the sweeper gave up
 * on is indexed on a list of its own instead of `submitted` (see shared/intake/sweep.ts).
 */
export function ideaToItem(idea: Idea): Record<string, unknown> {
  const abandoned = idea.status === 'submitted' && idea.intakeAbandonedAt !== undefined;
  return {
    ...ideaKey(idea.id),
    ...(abandoned ? abandonedIntakeIndexKey(idea.statusChangedAt, idea.id) : statusIndexKey(idea.status, idea.statusChangedAt, idea.id)),
    ...(idea.submitter === undefined ? {} : submitterIndexKey(idea.submitter.sub, idea.createdAt, idea.id)),
    type: 'idea',
    ...idea,
  };
}
