/**
 * Reading one of the admin's versioned documents (the strategy, the gate settings): the document
 * with the `ETag` to change it by, and the loading and failure states around it, with a retry. A
 * 401 is left to the client, which signs the person in again.
 */
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../../../components/Alert.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';

export type Reading<T> = { state: 'loading' } | { state: 'failed' } | { state: 'read'; document: T; etag: string };

/** What openapi-fetch answers a GET with. */
interface Answer<T> {
  data?: T;
  response: Response;
}

/** The document `read` fetches, read again on `retry`; `saved` puts in what a save answered. */
export function useVersionedDocument<T extends { version: number }>(read: () => Promise<Answer<T>>) {
  const [reading, setReading] = useState<Reading<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    read().then(
      ({ data, response }) => {
        if (!live) return;
        if (data !== undefined) setReading({ state: 'read', document: data, etag: response.headers.get('ETag') ?? `"${data.version}"` });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => live && setReading({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return {
    reading,
    retry: () => setAttempt((count) => count + 1),
    saved: (document: T, etag: string) => setReading({ state: 'read', document, etag }),
  };
}

/** The spinner while the document loads, or the failure with a retry; nothing once it is read. */
export function ReadingState({ reading, retry }: { reading: Reading<unknown>; retry: () => void }) {
  const { texts } = useConsoleTexts();
  if (reading.state === 'loading') return <Spinner label={texts.common.loading} />;
  if (reading.state === 'read') return null;
  return (
    <Alert variant="error" announce>
      <p class="alert-text">{texts.common.loadFailed}</p>
      <button type="button" class="button button-secondary mt-4" onClick={retry}>
        {texts.common.retry}
      </button>
    </Alert>
  );
}
