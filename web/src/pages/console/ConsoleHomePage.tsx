/**
 * `/console`: the team's inbox for triage and admin; for a director, who may read the pipeline's
 * figures but no idea (docs/api.md, "The routes"), the number of ideas in each status; for anybody
 * else, that they have no access, with nothing asked of the API.
 */
import './console.scss';
import { INBOX_STATUSES } from '../../../../shared/domain/inbox.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { usePipelineSummary } from './console-data.ts';
import { ConsoleOnly } from './ConsoleOnly.tsx';
import { InboxPage } from './InboxPage.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

export default function ConsoleHomePage() {
  return <ConsoleOnly page="home">{(access) => (access === 'full' ? <InboxPage /> : <DirectorOverview />)}</ConsoleOnly>;
}

function DirectorOverview() {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const summary = usePipelineSummary();
  return (
    <>
      <PageHeading>{t.overviewHeading}</PageHeading>
      <p>{t.overviewIntro}</p>
      {summary === undefined ? (
        <Spinner label={texts.common.loading} />
      ) : (
        <table class="table table--compact">
          <caption>{t.ideasByStatus}</caption>
          <thead>
            <tr>
              <th scope="col">{t.statusColumn}</th>
              <th scope="col">{t.countColumn}</th>
            </tr>
          </thead>
          <tbody>
            {INBOX_STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">{statusLabel(status, language)}</th>
                <td>{summary.ideas.byStatus[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
