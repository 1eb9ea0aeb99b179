/**
 * The duplicate candidates of an idea, each with "merge into this" (the duplicate decision with
 * that idea chosen) and, on request, its text side by side with this idea's
 * (`GET /console/ideas/{candidate}`), so the team sees whether they are the same before merging.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import type { ConsoleIdea } from './DecisionDialog.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

type Compared = { state: 'loading' } | { state: 'failed' } | { state: 'read'; other: ConsoleIdea };

export function DuplicateCandidates({ idea, onMerge }: { idea: ConsoleIdea; onMerge: (into: string) => void }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const [compared, setCompared] = useState<Record<string, Compared>>({});

  const compare = async (candidateId: string) => {
    if (compared[candidateId] !== undefined) {
      const { [candidateId]: _closed, ...rest } = compared;
      setCompared(rest);
      return;
    }
    setCompared((before) => ({ ...before, [candidateId]: { state: 'loading' } }));
    try {
      const { data } = await api.GET('/console/ideas/{id}', { params: { path: { id: candidateId } } });
      setCompared((before) => ({ ...before, [candidateId]: data === undefined ? { state: 'failed' } : { state: 'read', other: data } }));
    } catch {
      setCompared((before) => ({ ...before, [candidateId]: { state: 'failed' } }));
    }
  };

  return (
    <section class="mt-6" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t.duplicatesHeading}</h2>
      {idea.duplicateCandidates.length === 0 ? (
        <p>{t.noDuplicates}</p>
      ) : (
        <ul class="spire-idea-list">
          {idea.duplicateCandidates.map((candidate) => {
            const shown = compared[candidate.ideaId];
            return (
              <li key={candidate.ideaId}>
                <p class="m-0">
                  <a href={`/console/ideas/${candidate.ideaId}`}>{candidate.title}</a>
                </p>
                <p class="spire-meta m-0">
                  {candidate.department} · {statusLabel(candidate.status, language)} · {t.similarity(Math.round(candidate.similarity * 100))}
                </p>
                <div class="spire-actions">
                  <button type="button" class="button button-secondary mt-3" aria-expanded={shown === undefined ? 'false' : 'true'} onClick={() => void compare(candidate.ideaId)}>
                    {t.compare(candidate.title)}
                  </button>
                  {idea.allowedDecisions.includes('duplicate') ? (
                    <button type="button" class="button button-secondary mt-3" onClick={() => onMerge(candidate.ideaId)}>
                      {t.mergeInto(candidate.title)}
                    </button>
                  ) : null}
                </div>
                {shown?.state === 'loading' ? <Spinner label={texts.common.loading} /> : null}
                {shown?.state === 'failed' ? (
                  <Alert variant="error">
                    <p class="alert-text">{texts.common.loadFailed}</p>
                  </Alert>
                ) : null}
                {shown?.state === 'read' ? (
                  <div class="row spire-side-by-side">
                    <div class="col-12 col-md-6">
                      <h3 class="h5">{t.thisIdea}</h3>
                      <p class="spire-text">{idea.description}</p>
                    </div>
                    <div class="col-12 col-md-6">
                      <h3 class="h5">{shown.other.title}</h3>
                      <p class="spire-text">{shown.other.description}</p>
                      <p class="spire-meta">{texts.idea.supporters(shown.other.supportCount ?? 0)}</p>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
