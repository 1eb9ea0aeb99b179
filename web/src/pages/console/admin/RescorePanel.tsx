/**
 * Starting a re-score of every undecided idea against the current strategy
 * (`POST /console/strategy/rescore`) and showing the job's progress as the API answers it. The
 * API has no route to read a job's progress later, so the page shows the start's answer; the
 * work goes on in the background.
 */
import { useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import type { components } from '../../../api/schema.d.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useTexts } from '../../../i18n/texts.tsx';

type RescoreProgress = components['schemas']['RescoreProgress'];

export function RescorePanel() {
  const { texts } = useTexts();
  const t = texts.admin.rescore;
  const [starting, setStarting] = useState(false);
  const [progress, setProgress] = useState<RescoreProgress>();
  const [failure, setFailure] = useState<string>();

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
      {failure === undefined ? null : (
        <Alert variant="error" announce>
          <p class="alert-text">{failure}</p>
        </Alert>
      )}
    </section>
  );
}
