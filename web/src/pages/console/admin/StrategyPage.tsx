/**
 * `/console/strategy`: for the system owner (admin) the strategy's editor, for the triage team the
 * strategy to read; for both its versions with what changed between any two, and re-scoring the
 * undecided ideas against it (the API lets both). Reads `GET /console/strategy` once; a save (or
 * a conflict) hands the new current version to the list of versions.
 */
import { api } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { ConsoleOnly } from '../ConsoleOnly.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { RescorePanel } from './RescorePanel.tsx';
import { StrategyEditor } from './StrategyEditor.tsx';
import { StrategySummary } from './StrategySummary.tsx';
import { StrategyVersions } from './StrategyVersions.tsx';
import { ReadingState, useVersionedDocument } from './versioned-document.tsx';

export default function StrategyRoute() {
  return (
    <ConsoleOnly page="strategy">{(access) => <StrategyPage canEdit={access === 'full'} />}</ConsoleOnly>
  );
}

function StrategyPage({ canEdit }: { canEdit: boolean }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.strategy;
  const { reading, retry, saved } = useVersionedDocument(() => api.GET('/console/strategy'));

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <ReadingState reading={reading} retry={retry} />
      {reading.state === 'read' ? (
        <>
          <p class="spire-meta">{texts.admin.savedBy(reading.document.version, texts.common.date(reading.document.createdAt), reading.document.createdBy)}</p>
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
            <StrategyEditor strategy={reading.document} etag={reading.etag} onSaved={saved} />
          ) : (
            <>
              <Alert variant="info">
                <p class="alert-text">{t.readOnly}</p>
              </Alert>
              <StrategySummary strategy={reading.document} />
            </>
          )}
          <StrategyVersions current={reading.document} />
          <RescorePanel />
        </>
      ) : null}
    </>
  );
}
