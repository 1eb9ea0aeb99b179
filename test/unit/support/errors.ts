import type { Language } from '../../../shared/domain/idea.ts';
import { problemFor } from '../../../shared/http/refusals.ts';

/** The error a function throws, for assertions on its members; fails the test when nothing is thrown. */
export function thrownBy(act: () => unknown): Error {
  try {
    act();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Expected an Error, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the function to throw');
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Expected an Error, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the promise to reject');
}

/**
 * A use case's answer with its refusal (shared/domain/refusals.ts) made into the problem a route
 * answers with (shared/http/refusals.ts), in `language`, so a test reads its status, type and
 * text; any other error rejects as it is.
 */
export async function asProblem<T>(promise: Promise<T>, language: Language = 'da'): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw problemFor(error, language) ?? error;
  }
}

