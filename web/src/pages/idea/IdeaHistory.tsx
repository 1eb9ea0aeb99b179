/** The idea's history, oldest first: each change of status, when, with what the submitter was told, answered or gave as a reason. */
import type { HistoryEntry } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTexts } from '../../i18n/texts.tsx';

export function IdeaHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { texts } = useTexts();
  const t = texts.idea;
  return (
    <section class="mt-6" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.historyHeading}</h2>
      <ol class="spire-history">
        {history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <p class="spire-meta m-0">
              {texts.common.date(entry.at)} <StatusBadge status={entry.status} />
            </p>
            <p class="spire-text">{entry.message}</p>
            {entry.answer === undefined ? null : (
              <p class="spire-text">
                <strong>{t.yourAnswer}:</strong> {entry.answer}
              </p>
            )}
            {entry.reason === undefined ? null : (
              <p class="spire-text">
                <strong>{t.reason}:</strong> {entry.reason}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
