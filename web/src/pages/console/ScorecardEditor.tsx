/**
 * The scorecard: each criterion of the current strategy scored 0–4 with what each step means,
 * the priority worked out as the person chooses (the API's own formula, shared/domain/scorecard.ts)
 * and explained criterion by criterion, and saved with the idea's ETag
 * (`PUT /console/ideas/{id}/scorecard`, `If-Match`). A suggested score (from theme alignment or
 * friction hours) is marked as such until the team scores the criterion; saving sends the team's
 * own scores, so a suggestion nobody touched stays a suggestion.
 */
import { useState } from 'preact/hooks';
import { priorityOf, type CriterionScore } from '../../../../shared/domain/scorecard.ts';
import { api } from '../../api/client.ts';
import { RadioGroup } from '../../components/fields.tsx';
import { FailureAlert } from '../../components/Alert.tsx';
import type { Strategy } from './console-data.ts';
import type { ConsoleIdea } from './DecisionDialog.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

const STEPS = ['0', '1', '2', '3', '4'] as const;

interface ScorecardEditorProps {
  idea: ConsoleIdea;
  etag: string;
  strategy: Strategy | undefined;
  given: Record<string, number>;
  onGiven: (given: Record<string, number>) => void;
  onSaved: (priority: number) => void;
  onConflict: () => void;
}

export function ScorecardEditor({ idea, etag, strategy, given, onGiven, onSaved, onConflict }: ScorecardEditorProps) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  if (strategy === undefined) return null;

  const stored = idea.scorecard?.scores ?? {};
  const scores: Record<string, CriterionScore> = {};
  for (const criterion of strategy.criteria) {
    const mine = given[criterion.id];
    const before = stored[criterion.id];
    if (mine !== undefined) scores[criterion.id] = { value: mine, source: 'triage' };
    else if (before !== undefined) scores[criterion.id] = before;
  }
  const priority = priorityOf(scores, strategy.criteria);
  const sourceLabel = { triage: t.scoredByTeam, suggested: t.suggested, unscored: t.unscored } as const;

  const save = async () => {
    if (sending) return;
    setFailure(undefined);
    setSending(true);
    const teams = Object.fromEntries(Object.entries(stored).flatMap(([id, score]) => (score.source === 'triage' ? [[id, score.value]] : [])));
    try {
      const { data, response } = await api.PUT('/console/ideas/{id}/scorecard', {
        params: { path: { id: idea.id }, header: { 'If-Match': etag } },
        body: { scores: { ...teams, ...given } },
      });
      if (data !== undefined) onSaved(data.priority);
      else if (response.status === 412) onConflict();
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="mt-6" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">{t.scorecardHeading}</h2>
      <p>{t.scorecardIntro}</p>
      <FailureAlert failure={failure} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {strategy.criteria.map((criterion) => {
          const score = scores[criterion.id];
          return (
            <RadioGroup
              key={criterion.id}
              name={`score-${criterion.id}`}
              legend={t.criterionLegend(criterion.name[language], criterion.weight)}
              hint={score === undefined ? t.unscored : sourceLabel[score.source]}
              value={score === undefined ? '' : String(score.value)}
              options={STEPS.map((step) => ({ value: step, label: `${step} – ${criterion.scale[Number(step)]?.[language] ?? ''}` }))}
              onChange={(value) => onGiven({ ...given, [criterion.id]: Number(value) })}
            />
          );
        })}
        <p class="h3 mt-5" aria-live="polite">
          {t.priorityLive(texts.common.number(priority.score))}
        </p>
        {priority.complete ? null : <p class="spire-meta">{t.priorityIncomplete}</p>}
        <div class="spire-table-scroll" tabIndex={0} role="region" aria-labelledby="explanation-caption">
          <table class="table table--compact">
            <caption id="explanation-caption">{t.explanationCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colCriterion}</th>
                <th scope="col">{t.colValue}</th>
                <th scope="col">{t.colWeight}</th>
                <th scope="col">{t.colPoints}</th>
                <th scope="col">{t.colSource}</th>
              </tr>
            </thead>
            <tbody>
              {priority.lines.map((line) => (
                <tr key={line.criterionId}>
                  <th scope="row">{strategy.criteria.find((criterion) => criterion.id === line.criterionId)?.name[language] ?? line.criterionId}</th>
                  <td>{line.value ?? '–'}</td>
                  <td>{line.weight}</td>
                  <td>{texts.common.number(line.points)}</td>
                  <td>{sourceLabel[line.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {t.saveScorecard}
          </button>
        </div>
      </form>
    </section>
  );
}
