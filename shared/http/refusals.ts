import type { Language } from '../domain/idea.ts';
import { usageLimitDetail } from '../domain/usage-limits.ts';
import { RefusedError, type Refusal } from '../domain/refusals.ts';
import { InvalidCursorError as StoreInvalidCursorError, VersionConflictError } from '../store/ports.ts';
import {
  ChecklistIncompleteError,
  ForbiddenError,
  HttpError,
  HypothesisMissingError,
  IdempotencyKeyReusedError,
  InvalidCursorError,
  InvalidGateDecisionError,
  InvalidTransitionError,
  NotFoundError,
  PersonalDataError,
  PreconditionFailedError,
  TooManyRequestsError,
  ValidationError,
} from './errors.ts';
import { pointer } from './validation.ts';

/**
 * The one place where what a use case refused (shared/domain/refusals.ts) and what the store
 * refused (an unknown cursor; a write somebody else's change beat, answered as a stale `If-Match`)
 * become HTTP: each kind's status, problem type and text in the
 * caller's language. The route wrapper (./handler.ts) answers with it; anything else thrown that
 * is not an HttpError stays a 500.
 */
export function problemFor(error: unknown, language: Language): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof RefusedError) return refusalProblem(error.refusal, language);
  if (error instanceof StoreInvalidCursorError) return new InvalidCursorError();
  if (error instanceof VersionConflictError) return refusalProblem({ kind: 'stale-version' }, language);
  return undefined;
}

const IDEA_NOT_FOUND = { da: 'Der er ingen idé med det id.', en: 'There is no idea with that id.' };
const PILOT_NOT_FOUND = { da: 'Der er ingen pilot med det id.', en: 'There is no pilot with that id.' };

/** A refusal's problem, its field details in `language` (the document's title and detail are picked when it is written). */
export function refusalProblem(refusal: Refusal, language: Language): HttpError {
  const da = language === 'da';
  const field = (at: string, detail: { da: string; en: string }) => ({ pointer: at, detail: da ? detail.da : detail.en });
  switch (refusal.kind) {
    case 'idea-not-found':
      return new NotFoundError(IDEA_NOT_FOUND);
    case 'own-idea-not-found':
      return new NotFoundError({ da: 'Der er ingen idé med det id, som du har sendt.', en: 'There is no idea with that id that you submitted.' });
    case 'pilot-not-found':
      return new NotFoundError(PILOT_NOT_FOUND);
    case 'stale-version':
      return new PreconditionFailedError();
    case 'decision-not-allowed': {
      const { status, decision, allowed } = refusal;
      return new InvalidTransitionError(status, allowed, {
        da: `En idé i status ${status} kan ikke få afgørelsen ${decision}. Mulige afgørelser: ${allowed.join(', ') || 'ingen'}.`,
        en: `An idea in status ${status} cannot get the decision ${decision}. Possible decisions: ${allowed.join(', ') || 'none'}.`,
      });
    }
    case 'merge-target':
      return new ValidationError([field('/into', mergeTargetDetail(refusal))]);
    case 'unknown-criteria':
      return new ValidationError(refusal.ids.map((id) => field(`/scores/${id}`, { da: `Strategien har intet kriterium ${id}`, en: `The strategy has no criterion ${id}` })));
    case 'comment-to-withdrawn-submitter':
      return new ValidationError([
        field('/visibility', { da: 'Idéen er trukket tilbage; skriv en intern kommentar', en: 'The idea was withdrawn; write an internal comment' }),
      ]);
    case 'personal-data':
      return new PersonalDataError(refusal.findings);
    case 'support-closed':
      return new InvalidTransitionError(refusal.status, [], {
        da: `Idéen er ${refusal.status} og kan ikke længere støttes.`,
        en: `The idea is ${refusal.status} and can no longer be supported.`,
      });
    case 'withdraw-closed':
      return new InvalidTransitionError(refusal.status, refusal.allowed, {
        da: `En idé i status ${refusal.status} kan ikke længere trækkes tilbage.`,
        en: `An idea in status ${refusal.status} can no longer be withdrawn.`,
      });
    case 'no-question':
      return new InvalidTransitionError(refusal.status, [], {
        da: 'Der er ikke noget spørgsmål at svare på: idéen venter ikke på et svar fra dig.',
        en: 'There is no question to answer: the idea is not waiting for an answer from you.',
      });
    case 'idempotency-key-reused':
      return new IdempotencyKeyReusedError({ da: 'Brug en ny Idempotency-Key til en ny idé.', en: 'Use a new Idempotency-Key for a new idea.' });
    case 'gate-role-missing':
      return new ForbiddenError({ da: 'Kun ledelsen og digitaliseringsteamet træffer beslutninger ved faseovergange.', en: 'Only directors and the digitalisation team decide at gates.' });
    case 'gate':
      return gateProblem(refusal, language);
    case 'stopped-pilot-learnings':
      return new ValidationError([
        field('/learnings', { da: 'En stoppet pilot skal have læring på mindst et par sætninger', en: 'A stopped pilot must keep learnings of at least a few sentences' }),
      ]);
    case 'usage-limit':
      return new TooManyRequestsError(usageLimitDetail(refusal.action, refusal.limit, refusal.retryAfterSeconds), refusal.limit, refusal.retryAfterSeconds);
  }
}

function mergeTargetDetail(refusal: Extract<Refusal, { kind: 'merge-target' }>): { da: string; en: string } {
  switch (refusal.problem) {
    case 'itself':
      return { da: 'En idé kan ikke lægges sammen med sig selv', en: 'An idea cannot be merged into itself' };
    case 'missing':
      return { da: 'Der er ingen idé med det id', en: 'There is no idea with that id' };
    case 'closed':
      return { da: `Idéen er ${refusal.status} og kan ikke tage imod andre`, en: `The idea is ${refusal.status} and cannot take in others` };
  }
}

function gateProblem({ decision, refusal }: Extract<Refusal, { kind: 'gate' }>, language: Language): HttpError {
  const da = language === 'da';
  switch (refusal.kind) {
    case 'not-allowed': {
      const allowed = refusal.allowed.join(', ') || (da ? 'ingen' : 'none');
      return new InvalidGateDecisionError(refusal.stage, refusal.allowed, {
        da: `En pilot i fasen ${refusal.stage} kan ikke få beslutningen ${decision}. Mulige beslutninger: ${allowed}.`,
        en: `A pilot in stage ${refusal.stage} cannot get the decision ${decision}. Possible decisions: ${allowed}.`,
      });
    }
    case 'unknown-items':
      return new ValidationError(
        refusal.ids.map((id) => ({ pointer: pointer(['checklist', id]), detail: da ? 'Punktet findes ikke på denne tjekliste' : 'There is no such item on this checklist' })),
      );
    case 'checklist-incomplete':
      return new ChecklistIncompleteError(
        refusal.missing.map((item) => ({ id: item.id, text: item.text[language] })),
        {
          da: `Før go skal disse punkter være besvaret ja: ${refusal.missing.map((item) => item.text.da).join('; ')}.`,
          en: `Before go, these items must be answered yes: ${refusal.missing.map((item) => item.text.en).join('; ')}.`,
        },
      );
    case 'hypothesis-missing':
      return new HypothesisMissingError({
        da: 'Skriv hypotesen (forventede timer pr. år, succesmål, baseline og succeskriterium) på piloten, før den går i gang.',
        en: 'Write the hypothesis (expected hours per year, success measure, baseline and success threshold) on the pilot before it starts.',
      });
    case 'learnings-too-short':
      return new ValidationError([
        { pointer: '/learnings', detail: da ? 'Skriv hvad I har lært, i mindst et par sætninger' : 'Write what was learned, in at least a few sentences' },
      ]);
  }
}
