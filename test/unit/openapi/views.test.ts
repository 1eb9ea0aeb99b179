/**
 * The views build plain objects; shared/schemas/responses.ts describes them for the contract. Here
 * the compiler holds each view's type to its answer schema (`npx tsc --noEmit` fails on a field a
 * view adds or changes without the schema), before the integration tests hold the real answers to
 * the document.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from '../../../shared/schemas/zod.ts';
import type * as answers from '../../../shared/schemas/responses.ts';
import type { consoleIdeaDocument, inboxRowView } from '../../../shared/views/console.ts';
import type { commentsView, ideaDocument, ideaSummary } from '../../../shared/views/ideas.ts';
import type { learningMatchDocument, pilotDocument, summaryDocument } from '../../../shared/views/pilots.ts';
import type { erasureDocument } from '../../../shared/views/privacy.ts';
import type { priorityExplanation } from '../../../shared/views/scorecard.ts';

type Answer<Name extends keyof typeof answers> = z.output<(typeof answers)[Name]>;
type Item<T> = T extends readonly (infer Element)[] ? Element : never;

describe('the views match the answer schemas', () => {
  it('for ideas', () => {
    expectTypeOf<ReturnType<typeof ideaDocument>>().toExtend<Answer<'IdeaDocument'>>();
    expectTypeOf<ReturnType<typeof ideaSummary>>().toExtend<Answer<'IdeaSummary'>>();
    expectTypeOf<Item<ReturnType<typeof commentsView>>>().toExtend<Item<Answer<'CommentsPage'>['items']>>();
  });

  it('for the console', () => {
    expectTypeOf<ReturnType<typeof consoleIdeaDocument>>().toExtend<Answer<'ConsoleIdeaDocument'>>();
    expectTypeOf<ReturnType<typeof inboxRowView>>().toExtend<Item<Answer<'InboxPage'>['items']>>();
    expectTypeOf<ReturnType<typeof priorityExplanation>>().toExtend<Answer<'PriorityExplanation'>>();
  });

  it('for pilots, the pipeline and privacy', () => {
    expectTypeOf<ReturnType<typeof pilotDocument>>().toExtend<Answer<'PilotDocument'>>();
    expectTypeOf<ReturnType<typeof summaryDocument>>().toExtend<Answer<'PipelineSummary'>>();
    expectTypeOf<ReturnType<typeof learningMatchDocument>>().toExtend<Item<Answer<'LearningsFound'>['items']>>();
    expectTypeOf<ReturnType<typeof erasureDocument>>().toExtend<Answer<'Erasure'>>();
  });
});
