import type { Clock } from '../domain/clock.ts';
/**
 * The right of access: `GET /me/export`, everything Spire holds about the caller as an employee,
 * as one JSON document (docs/privacy.md says what it holds and what it does not).
 */
import type { Idea, IdeaEvent, Language } from '../domain/idea.ts';
import type { Comment } from '../domain/notification.ts';
import type { Caller } from '../domain/roles.ts';
import { submitterNotificationIds } from '../notify/compose.ts';
import type { KeySource } from '../secret.ts';
import type { IdeaStore, PersonalDataStore } from '../store/ports.ts';
// eslint-disable-next-line no-restricted-imports -- the kinds of item in an idea's partition, and a notification read back from its raw item
import { commentEntity, ideaEventEntity, notificationEntity } from '../store/entities.ts';
import { supporterHash } from '../triage/merge.ts';
import { ideaDocument } from '../views/ideas.ts';

const IDEAS_PAGE = 100;

/**
 * The caller's data: who the token says they are; their ideas as they see them, with the name and
 * address stored with each, every message and comment written to them and their answers; the
 * ideas they support; and the e-mails sent (or not sent) to them about their ideas. Anonymous
 * ideas are not in it: nothing links them to anybody, which is what anonymity means here.
 */
export async function exportPersonalData(deps: { ideas: Pick<IdeaStore, 'listBySubmitter' | 'getIdeas'>; data: PersonalDataStore; keys: KeySource; clock: Clock }, caller: Caller, language: Language) {
  const at = deps.clock.now().toISOString();
  const own: Idea[] = [];
  let cursor;
  do {
    const page = await deps.ideas.listBySubmitter(caller.sub, IDEAS_PAGE, cursor);
    own.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  const ideas = [];
  const answers = [];
  const notificationIds: string[] = [];
  for (const idea of own) {
    const items = await deps.data.ideaPartition(idea.id);
    const history = items.filter(ideaEventEntity.isOne) as unknown as IdeaEvent[];
    const comments = items.filter(commentEntity.isOne) as unknown as Comment[];
    ideas.push({ ...ideaDocument(idea, history, 'submitter', language, { comments }), submitter: idea.submitter });
    for (const event of history) if (event.answer !== undefined) answers.push({ ideaId: idea.id, at: event.at, text: event.answer });
    notificationIds.push(...submitterNotificationIds(idea, comments));
  }

  const supported = await deps.data.supportedBy(supporterHash(await deps.keys(), caller.sub));
  const supportedIdeas = new Map((await deps.ideas.getIdeas(supported.map((item) => String(item['ideaId'])))).map((idea) => [idea.id, idea]));
  const notifications = await deps.data.notifications(notificationIds);

  return {
    exportedAt: at,
    person: { sub: caller.sub, ...(caller.name === undefined ? {} : { name: caller.name }), ...(caller.email === undefined ? {} : { email: caller.email }) },
    ideas,
    answers,
    support: supported.map((item) => ({ ideaId: String(item['ideaId']), title: supportedIdeas.get(String(item['ideaId']))?.title, supportedAt: String(item['at']) })),
    notifications: notifications.map((item) => notificationEntity.fromItem(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
