/**
 * What the API accepts in a submission (shared/schemas/idea.ts, LIMITS), for checking the form
 * before it is sent. The same numbers, not an import: the API's module brings zod with it, which
 * the submit page's budget has no room for. test/unit/web/submission.test.ts fails when they differ.
 */
export const SUBMIT_LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMin: 10,
  descriptionMax: 4000,
  departmentMin: 2,
  departmentMax: 80,
  frequencyMax: 1000,
  minutesEachMax: 480,
  peopleAffectedMax: 100_000,
} as const;

/** The smallest figures a piece of friction may have (shared/schemas/idea.ts, SubmitIdeaInput). */
export const FIGURE_MINIMUMS = { frequency: 1, minutesEach: 0.5, peopleAffected: 1 } as const;
