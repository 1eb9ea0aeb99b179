import { describe, expect, it } from 'vitest';
import { NotFoundError, PersonalDataError, ValidationError } from '../../../shared/http/errors.ts';
import type { Language } from '../../../shared/domain/idea.ts';
import type { ConversationStore, IdeaStore, NotificationStore } from '../../../shared/store/ports.ts';
import { addComment as addCommentUseCase } from '../../../shared/triage/comment.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { readIdeaRecord } from '../../../shared/views/idea-record.ts';
import { InMemoryConversationStore, InMemoryIdeaStore, InMemoryNotificationStore } from '../support/fakes.ts';
import { anAnonymousIdea, anIdeaInTriage, IDEA_ID, SUBMITTER_EMAIL, TRIAGE } from '../support/ideas.ts';

const AT = '2026-01-12T09:00:00.000Z';
const COMMENT_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const newId = () => COMMENT_ID;

/** Comments at `at`; a refusal rejects as the problem a route answers with, in `language`. */
function addComment(
  stores: { store: IdeaStore; conversation: ConversationStore; notifications: NotificationStore },
  { language, at, ...request }: Parameters<typeof addCommentUseCase>[1] & { language: Language; at: string },
  newId: () => string,
) {
  return asProblem(addCommentUseCase({ ...stores, clock: fixedClock(at), newId }, request), language);
}

function request(visibility: 'internal' | 'submitter', text = 'Har I talt med Sundhed om det?') {
  return { ideaId: IDEA_ID, text, visibility, caller: TRIAGE, language: 'da' as const, at: AT };
}

describe('addComment', () => {
  it('keeps an internal comment on the idea and writes no e-mail', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const result = await addComment({ store, conversation, notifications }, request('internal'), newId);

    // Assess
    const comment = { id: COMMENT_ID, ideaId: IDEA_ID, at: AT, author: { sub: TRIAGE.sub, name: 'Søren Ærø' }, visibility: 'internal', text: 'Har I talt med Sundhed om det?' };
    expect(result).toEqual({ comment });
    expect((await readIdeaRecord({ ideas: store, conversation }, IDEA_ID))?.comments).toEqual([comment]);
    expect(notifications.notifications.size).toBe(0);
  });

  it('e-mails a comment to the submitter, in the idea’s language, stored with the comment', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const result = await addComment({ store, conversation, notifications }, request('submitter', 'Kan du sende os et skærmbillede?'), newId);

    // Assess
    expect(result.notificationId).toBe(`${IDEA_ID}.c${COMMENT_ID}`);
    const stored = await notifications.get(`${IDEA_ID}.c${COMMENT_ID}`);
    expect(stored).toMatchObject({ kind: 'idea-comment', ideaId: IDEA_ID, to: SUBMITTER_EMAIL, language: 'da', createdAt: AT });
    expect(stored?.text).toContain('Besked fra digitaliseringsteamet:\n\nKan du sende os et skærmbillede?');
    expect((await readIdeaRecord({ ideas: store, conversation }, IDEA_ID))?.comments.map((comment) => comment.visibility)).toEqual(['submitter']);
  });

  it('keeps a comment to an anonymous submitter for them to read, without an e-mail', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea('ab'.repeat(32), { status: 'in_triage', version: 2 }));
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const result = await addComment({ store, conversation, notifications }, request('submitter'), newId);

    // Assess
    expect(result).not.toHaveProperty('notificationId');
    expect((await readIdeaRecord({ ideas: store, conversation }, IDEA_ID))?.comments).toHaveLength(1);
    expect(notifications.notifications.size).toBe(0);
  });

  it('keeps both of two comments written at the same moment', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

    // Act
    await Promise.all(ids.map((id) => addComment({ store, conversation, notifications }, request('internal'), () => id)));

    // Assess
    expect((await readIdeaRecord({ ideas: store, conversation }, IDEA_ID))?.comments.map((comment) => comment.id)).toEqual(ids);
  });

  it('refuses a comment to the submitter of a withdrawn idea, pointing at /visibility', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status: 'withdrawn' }));
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(addComment({ store, conversation, notifications }, { ...request('submitter'), language: 'en' }, newId));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ pointer: '/visibility', detail: 'The idea was withdrawn; write an internal comment' }]);
    expect(conversation.comments).toEqual([]);
  });

  it('still takes an internal comment on a withdrawn idea', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status: 'withdrawn' }));
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    await addComment({ store, conversation, notifications }, request('internal'), newId);

    // Assess
    expect(conversation.comments).toHaveLength(1);
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(addComment({ store, conversation, notifications }, request('internal'), newId));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(conversation.comments).toEqual([]);
  });
});

describe('addComment with personal data', () => {
  it('refuses a comment holding a phone number unless confirmed, storing nothing', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(addComment({ store, conversation, notifications }, request('internal', 'Ring til datteren på 23 45 67 89.'), newId));

    // Assess
    expect(error).toBeInstanceOf(PersonalDataError);
    expect((error as PersonalDataError).findings).toEqual([{ pointer: '/text', kind: 'phone', start: 21, end: 32 }]);
    expect((await readIdeaRecord({ ideas: store, conversation }, IDEA_ID))?.comments).toEqual([]);
    expect(notifications.notifications.size).toBe(0);
  });

  it('stores and e-mails a confirmed comment as written', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore(store.log);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const result = await addComment({ store, conversation, notifications }, { ...request('submitter', 'Ring til datteren på 23 45 67 89.'), confirmPersonalData: true }, newId);

    // Assess
    expect(result.comment.text).toBe('Ring til datteren på 23 45 67 89.');
    expect((await notifications.get(`${IDEA_ID}.c${COMMENT_ID}`))?.text).toContain('23 45 67 89');
  });
});
