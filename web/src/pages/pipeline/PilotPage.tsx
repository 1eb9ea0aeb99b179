/**
 * `/pipeline/pilots/:id`: one pilot (`GET /console/pilots/{id}` with its ETag): its stage and time
 * in it, the hypothesis, results and follow-ups, costs, risk, artefacts, the ideas behind it and
 * every gate decision with its checklist as answered, who decided and why. The team and the
 * directors decide at its gate in a dialog (./GateDialog.tsx); a director edits nothing, as the API.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GateDecision } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import { Alert, FailureAlert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { PipelineAccess } from '../../session/access.ts';
import type { PilotDocument } from '../../api/types.ts';
import { GateDialog } from './GateDialog.tsx';
import { PilotEditor } from './PilotEditor.tsx';
import { usePipelineSummary } from './pipeline-data.ts';
import { PipelineOnly } from './PipelineOnly.tsx';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

export default function PilotPage({ id }: { id: string }) {
  return <PipelineOnly>{(access) => <PilotView id={id} access={access} />}</PipelineOnly>;
}

type Reading = { state: 'loading' } | { state: 'missing' } | { state: 'failed' } | { state: 'read'; pilot: PilotDocument; etag: string };

function PilotView({ id, access }: { id: string; access: PipelineAccess }) {
  const { texts, language } = usePipelineTexts();
  const t = texts.pipeline;
  const [reading, setReading] = useState<Reading>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  const [deciding, setDeciding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [decided, setDecided] = useState<{ decision: GateDecision; stage: PilotDocument['stage'] }>();

  useEffect(() => {
    let current = true;
    api.GET('/console/pilots/{id}', { params: { path: { id } } }).then(
      ({ data, response }) => {
        if (!current) return;
        if (data !== undefined) setReading({ state: 'read', pilot: data, etag: response.headers.get('ETag') ?? '' });
        else if (response.status === 404 || response.status === 400) setReading({ state: 'missing' });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => current && setReading({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [id, language, reads]);

  if (reading.state === 'loading') return <Spinner label={texts.common.loading} />;
  if (reading.state === 'missing') {
    return (
      <>
        <PageHeading>{t.pilotNotFound}</PageHeading>
        <a href="/pipeline">{t.boardLink}</a>
      </>
    );
  }
  if (reading.state === 'failed') {
    return <FailureAlert failure={t.loadFailed} />;
  }
  const { pilot, etag } = reading;
  const gate = pilot.nextGate;
  return (
    <>
      <PageHeading>{pilot.title}</PageHeading>
      <p class="spire-stage-line">
        <span class="badge">{t.stages[pilot.stage]}</span> {t.stageNow(t.stages[pilot.stage], texts.common.date(pilot.stageEnteredAt))}
      </p>
      {pilot.overStageLimit === true ? (
        <p class="spire-over">
          <strong>{t.overLimit(Math.max(1, Math.floor(pilot.daysInStage)))}</strong>
        </p>
      ) : null}
      {pilot.hold === undefined ? null : <p class="spire-hold">{t.onHold(texts.common.date(`${pilot.hold.until}T12:00:00Z`))}</p>}
      {pilot.stoppedFrom === undefined ? null : <p>{t.stoppedFrom(t.stages[pilot.stoppedFrom])}</p>}
      {decided === undefined ? null : (
        <Alert variant="success" focus announce>
          <p class="alert-text">{t.decided(t.decisions[decided.decision], t.stages[decided.stage])}</p>
        </Alert>
      )}
      {gate === null ? (
        <p>{t.finished}</p>
      ) : access.decide ? (
        <div class="spire-gate-actions">
          <button type="button" class="button button-primary" onClick={() => setDeciding(true)}>
            {t.decideButton(t.stages[gate.gate])}
          </button>
          {access.team ? null : <p class="spire-meta">{t.directorCannotEdit}</p>}
        </div>
      ) : null}
      {deciding && gate !== null ? (
        <GateDialog
          pilot={pilot}
          etag={etag}
          onClose={() => setDeciding(false)}
          onStale={() => setReads((count) => count + 1)}
          onDecided={(decision, stage) => {
            setDeciding(false);
            setDecided({ decision, stage });
            setReads((count) => count + 1);
          }}
        />
      ) : null}
      <Facts pilot={pilot} />
      <Hypothesis pilot={pilot} />
      <Results pilot={pilot} />
      {pilot.learnings === undefined ? null : (
        <section aria-labelledby="learnings-heading">
          <h2 id="learnings-heading">{t.learningsHeading}</h2>
          <p class="spire-text">{pilot.learnings}</p>
        </section>
      )}
      <Artefacts pilot={pilot} />
      <section aria-labelledby="ideas-heading">
        <h2 id="ideas-heading">{t.ideasHeading}</h2>
        <p class="spire-text">{pilot.description}</p>
        <ul>
          {pilot.ideaIds.map((ideaId) => (
            <li key={ideaId}>{access.team ? <a href={`/console/ideas/${ideaId}`}>{t.ideaId(ideaId)}</a> : t.ideaId(ideaId)}</li>
          ))}
        </ul>
      </section>
      <GateRecords pilot={pilot} />
      {access.team ? (
        <div class="spire-actions">
          <button type="button" class="button button-secondary" aria-expanded={editing ? 'true' : 'false'} aria-controls="pilot-editor" onClick={() => setEditing(!editing)}>
            {t.editButton}
          </button>
        </div>
      ) : null}
      <div id="pilot-editor">{access.team && editing ? <PilotEditor pilot={pilot} etag={etag} onSaved={() => setReads((count) => count + 1)} onStale={() => setReads((count) => count + 1)} /> : null}</div>
    </>
  );
}

/** A list of terms and their values; a value not given says so. */
function Terms({ rows }: { rows: [string, string | undefined][] }) {
  const { texts } = usePipelineTexts();
  return (
    <dl class="spire-terms">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value ?? texts.pipeline.notGiven}</dd>
        </div>
      ))}
    </dl>
  );
}

function Facts({ pilot }: { pilot: PilotDocument }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const summary = usePipelineSummary();
  const themeName = (theme: string) => (summary.state === 'ready' ? (summary.value.byTheme[theme]?.name ?? theme) : theme);
  const limit = summary.state === 'ready' ? summary.value.stageTime.find((entry) => entry.stage === pilot.stage)?.limitDays : undefined;
  const days = Math.floor(pilot.daysInStage);
  return (
    <Terms
      rows={[
        ...(pilot.stage === 'realised' || pilot.stage === 'stopped' ? [] : [[t.daysTerm, limit === undefined ? t.daysSince(days) : t.daysInStage(days, limit)] as [string, string]]),
        [t.department, pilot.department],
        [t.themes, pilot.themes.length === 0 ? undefined : pilot.themes.map(themeName).join(', ')],
        [t.ownerTerm, pilot.owner === undefined ? undefined : (pilot.owner.name ?? pilot.owner.sub)],
        [t.risk, pilot.riskLevel === undefined ? undefined : t.risks[pilot.riskLevel]],
        [t.oneOff, pilot.cost?.oneOffDkk === undefined ? undefined : t.kroner(pilot.cost.oneOffDkk)],
        [t.yearly, pilot.cost?.yearlyDkk === undefined ? undefined : t.kroner(pilot.cost.yearlyDkk)],
      ]}
    />
  );
}

function Hypothesis({ pilot }: { pilot: PilotDocument }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const hypothesis = pilot.hypothesis;
  return (
    <section aria-labelledby="hypothesis-heading">
      <h2 id="hypothesis-heading">{t.hypothesisHeading}</h2>
      {hypothesis === undefined ? (
        <p>{t.hypothesisMissing}</p>
      ) : (
        <Terms
          rows={[
            [t.expectedTerm, t.hoursPerYear(hypothesis.expectedHoursPerYear)],
            [t.successMeasure, hypothesis.successMeasure],
            [t.baseline, hypothesis.baseline],
            [t.threshold, hypothesis.successThreshold],
          ]}
        />
      )}
    </section>
  );
}

function Results({ pilot }: { pilot: PilotDocument }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const results = pilot.results;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t.resultsHeading}</h2>
      {results === undefined ? (
        <p>{t.resultsMissing}</p>
      ) : (
        <>
          <p class="spire-text">{results.summary}</p>
          <Terms
            rows={[
              [t.realisedTerm, results.realisedHoursPerYear === undefined ? undefined : t.hoursPerYear(results.realisedHoursPerYear)],
              [t.measuredOn, results.measuredOn === undefined ? undefined : texts.common.date(`${results.measuredOn}T12:00:00Z`)],
              [t.followUpOn, results.followUpOn === undefined ? undefined : texts.common.date(`${results.followUpOn}T12:00:00Z`)],
              [t.followUps, results.followUps === undefined ? undefined : String(results.followUps)],
            ]}
          />
        </>
      )}
    </section>
  );
}

function Artefacts({ pilot }: { pilot: PilotDocument }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  return (
    <section aria-labelledby="artefacts-heading">
      <h2 id="artefacts-heading">{t.artefactsHeading}</h2>
      {pilot.artefacts.length === 0 ? (
        <p>{t.artefactsNone}</p>
      ) : (
        <ul class="spire-artefacts">
          {pilot.artefacts.map((artefact, index) => (
            <li key={index}>
              <strong>{t.artefactKinds[artefact.kind]}:</strong>{' '}
              {artefact.url === undefined ? (
                artefact.title
              ) : (
                <a href={artefact.url} rel="noopener noreferrer">
                  {artefact.title}
                </a>
              )}
              {artefact.text === undefined ? null : <p class="spire-text">{artefact.text}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GateRecords({ pilot }: { pilot: PilotDocument }) {
  const { texts, language } = usePipelineTexts();
  const t = texts.pipeline;
  return (
    <section aria-labelledby="gates-heading">
      <h2 id="gates-heading">{t.gatesHeading}</h2>
      {pilot.gates.length === 0 ? (
        <p>{t.gatesNone}</p>
      ) : (
        <ol class="spire-gate-records">
          {[...pilot.gates].reverse().map((record, index) => (
            <li key={`${record.at}-${index}`}>
              <h3 class="h4">{t.gateRecord(t.decisions[record.decision], t.stages[record.from], t.stages[record.to])}</h3>
              <p class="spire-meta">{t.decidedBy(record.by.name ?? record.by.sub, t.roles[record.role], texts.common.date(record.at))}</p>
              <Terms
                rows={[
                  [t.reasonTerm, record.reason],
                  ...(record.revisitOn === undefined ? [] : [[t.revisitTerm, texts.common.date(`${record.revisitOn}T12:00:00Z`)] as [string, string]]),
                  ...(record.mustChange === undefined ? [] : [[t.mustChangeTerm, record.mustChange] as [string, string]]),
                ]}
              />
              {record.checklist.length === 0 ? null : (
                <table class="table table--compact spire-checklist-table">
                  <caption>{t.checklistAsAnswered}</caption>
                  <tbody>
                    {record.checklist.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          {item.text[language]} {item.required ? <span class="spire-required">{t.requiredMark}</span> : null}
                        </th>
                        <td>{item.answer ? t.answeredYes : t.answeredNo}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
