/**
 * Starting a re-score of every undecided idea against the current strategy
 * (`POST /console/strategy/rescore`) and following the job's progress
 * (`GET /console/strategy/rescore/{jobId}`) every few seconds until it is done or superseded, in a
 * live region. Leaving the page stops the reading, not the work.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import type { components } from '../../../api/schema.d.ts';
import { Alert, FailureAlert } from '../../../components/Alert.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';

type RescoreProgress = components['schemas']['RescoreProgress'];

/** How often the page reads the job's progress while it runs. */
const POLL_MS = 2_000;

const finished = (progress: RescoreProgress) => progress.status === 'done' || progress.status === 'superseded';

export function RescorePanel() {
  const { texts } = useConsoleTexts();
  const t = texts.admin.rescore;
  const [starting, setStarting] = useState(false);
  const [progress, setProgress] = useState<RescoreProgress>();
  const [failure, setFailure] = useState<string>();

  // While the job runs, read its progress again every POLL_MS; after a failed read the same
  // progress is set again (a new object), which schedules the next read.
  useEffect(() => {
    if (progress === undefined || finished(progress)) return;
    let current = true;
    const again = () => {
      if (current) setProgress({ ...progress });
    };
    const timer = setTimeout(() => {
      api.GET('/console/strategy/rescore/{jobId}', { params: { path: { jobId: progress.jobId } } }).then(({ data }) => {
        if (data === undefined) again();
        else if (current) setProgress(data);
      }, again);
    }, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [progress]);

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setFailure(undefined);
    try {
      const { data, response } = await api.POST('/console/strategy/rescore');
      if (data !== undefined) setProgress(data);
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section class="mt-7" aria-labelledby="rescore-heading">
      <h2 id="rescore-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <button type="button" class="button button-primary" aria-disabled={starting ? 'true' : undefined} onClick={() => void start()}>
        {starting ? t.starting : t.start}
      </button>
      <div role="status" class="mt-5">
        {progress === undefined ? null : (
          <Alert variant={progress.status === 'superseded' ? 'warning' : progress.status === 'done' ? 'success' : 'info'}>
            <p class="alert-text">
              <strong>{t.status[progress.status]}</strong> {t.progress(progress.strategyVersion, progress.ideasQueued, progress.pagesDone, progress.pagesQueued)}
            </p>
            {progress.status === 'running' || progress.status === 'queueing' ? <p class="alert-text">{t.background}</p> : null}
          </Alert>
        )}
      </div>
      <FailureAlert failure={failure} />
    </section>
  );
}
