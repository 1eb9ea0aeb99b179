import * as z from './zod.ts';
import { copenhagenDay } from '../domain/calendar.ts';
import { INBOX_SORTS, INBOX_STATUSES } from '../domain/inbox.ts';
import { DECLINE_REASONS, IDEA_KINDS, REDIRECT_TARGETS } from '../domain/idea.ts';
import { LIMITS } from './idea.ts';
import { notNarrowedWhen } from './lists.ts';
import { StrategyId } from './strategy.ts';
import { humanText, identifierText } from './text.ts';

/** The filters that narrow an inbox list by the idea; the list of one assignee is never narrowed by them (shared/domain/inbox.ts). */
const IDEA_FILTERS = ['kind', 'department', 'theme'] as const;

/**
 * GET /console/inbox: one list (status, narrowed by kind, department and theme, or the caller's
 * own with `assignee=me`), one order, a page.
 */
export const InboxQuery = z
  .strictObject({
    status: z._default(z.enum(INBOX_STATUSES), 'in_triage'),
    kind: z.optional(z.enum(IDEA_KINDS)),
    department: z.optional(humanText(LIMITS.departmentMin, LIMITS.departmentMax)),
    theme: z.optional(StrategyId),
    assignee: z.optional(z.literal('me')),
    sort: z._default(z.enum(INBOX_SORTS), 'priority'),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(1024))),
  })
  .check(
    notNarrowedWhen((query) => query.assignee !== undefined, IDEA_FILTERS, {
      da: 'Kan ikke kombineres med assignee=me: idéerne tildelt dig er én liste, kun efter status',
      en: 'Cannot be combined with assignee=me: the ideas assigned to you are one list, by status only',
    }),
  );

const message = humanText(1, 2000);

/**
 * `confirmPersonalData: true` stores text that seems to hold personal data (a CPR number, an
 * e-mail address, a phone number, a named person's health) as given; without it such text is
 * refused with 422 `personal-data` (shared/triage/personal-data.ts).
 */
const confirmPersonalData = z.optional(z.boolean());

/** A calendar day after today (in Copenhagen): a parked idea comes back on it. */
export const futureDay = z.iso.date().check(
  z.refine((day) => day > copenhagenDay(new Date()), {
    // A day that is not a date at all is told so once, not also that it is not in the future.
    when: (payload) => payload.issues.length === 0,
    message: 'Must be a day after today',
    params: { da: 'Skal være en dag efter i dag', en: 'Must be a day after today' },
  }),
);

/** POST /console/ideas/{id}/decisions: one of triage's decisions with what it needs. */
export const DecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('needs_info'), question: humanText(5, 2000), confirmPersonalData }),
  z.strictObject({ decision: z.literal('accept'), message: z.optional(message), confirmPersonalData }),
  z.strictObject({ decision: z.literal('park'), revisitOn: futureDay, message: z.optional(message), confirmPersonalData }),
  z.strictObject({ decision: z.literal('decline'), reasonCode: z.enum(DECLINE_REASONS), message, confirmPersonalData }),
  z.strictObject({ decision: z.literal('duplicate'), into: z.uuid(), message: z.optional(message), confirmPersonalData }),
  z.strictObject({ decision: z.literal('redirect'), to: z.enum(REDIRECT_TARGETS), message, confirmPersonalData }),
]);

/** PUT /console/ideas/{id}/assignee: a member of the digitalisation team, or null for nobody. */
export const AssigneeInput = z.strictObject({
  assignee: z.nullable(z.strictObject({ sub: identifierText(1, 128), name: z.optional(humanText(1, 200)) })),
});

/** POST /console/ideas/{id}/comments. */
export const CommentInput = z.strictObject({
  text: humanText(1, 4000),
  visibility: z._default(z.enum(['internal', 'submitter']), 'internal'),
  confirmPersonalData,
});

/** POST /ideas/{id}/answers: the submitter's answer to triage's question. */
export const AnswerInput = z.strictObject({ answer: humanText(1, LIMITS.descriptionMax) });

/** POST /ideas/{id}/withdraw: an optional word on why. */
export const WithdrawInput = z.strictObject({ reason: z.optional(humanText(1, 1000)) });
