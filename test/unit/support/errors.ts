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
