/**
 * `/console/strategy`: for the system owner (admin) the strategy's editor, for the triage team the
 * strategy to read; for both its versions with what changed between any two, and re-scoring the
 * undecided ideas against it (the API lets both). Reads `GET /console/strategy` once; a save (or
 * a conflict) hands the new current version to the list of versions.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { ConsoleOnly } from '../ConsoleOnly.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { RescorePanel } from './RescorePanel.tsx';
import { StrategyEditor } from './StrategyEditor.tsx';
import type { Strategy } from './strategy-form.ts';
import { StrategySummary } from './StrategySummary.tsx';
import { StrategyVersions } from './StrategyVersions.tsx';

type Reading = { state: 'loading' } | { state: 'failed' } | { state: 'read'; strategy: Strategy; etag: string };

export default function StrategyRoute() {
  return (
    <ConsoleOnly page="strategy">{(access) => <StrategyPage canEdit={access === 'full'} />}</ConsoleOnly>
  );
}

function StrategyPage({ canEdit }: { canEdit: boolean }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.strategy;
  const [reading, setReading] = useState<Reading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.GET('/console/strategy').then(
      ({ data, response }) => {
        if (!live) return;
        if (data !== undefined) setReading({ state: 'read', strategy: data, etag: response.headers.get('ETag') ?? `"${data.version}"` });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => live && setReading({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {reading.state === 'loading' ? <Spinner label={texts.common.loading} /> : null}
      {reading.state === 'failed' ? (
        <Alert variant="error" announce>
          <p class="alert-text">{texts.common.loadFailed}</p>
          <button type="button" class="button button-secondary mt-4" onClick={() => setAttempt((count) => count + 1)}>
            {texts.common.retry}
          </button>
        </Alert>
      ) : null}
      {reading.state === 'read' ? (
        <>
          <p class="spire-meta">{texts.admin.savedBy(reading.strategy.version, texts.common.date(reading.strategy.createdAt), reading.strategy.createdBy)}</p>
          <nav aria-label={t.contents}>
            <ul>
              <li>
                <a href={canEdit ? '#strategy-edit-heading' : '#themes-heading'}>{canEdit ? t.editHeading : t.themes}</a>
              </li>
              <li>
                <a href="#versions-heading">{texts.admin.versions.heading}</a>
              </li>
              <li>
                <a href="#rescore-heading">{texts.admin.rescore.heading}</a>
              </li>
            </ul>
          </nav>
          {canEdit ? (
            <StrategyEditor strategy={reading.strategy} etag={reading.etag} onSaved={(strategy, etag) => setReading({ state: 'read', strategy, etag })} />
          ) : (
            <>
              <Alert variant="info">
                <p class="alert-text">{t.readOnly}</p>
              </Alert>
              <StrategySummary strategy={reading.strategy} />
            </>
          )}
          <StrategyVersions current={reading.strategy} />
          <RescorePanel />
        </>
      ) : null}
    </>
  );
}
