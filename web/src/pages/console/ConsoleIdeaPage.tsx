/**
 * `/console/ideas/:id`: one idea as the team works on it (`GET /console/ideas/{id}`, with its
 * ETag): the decisions its status allows, each in a dialog; the full text with the words that
 * matched a theme highlighted; the theme scores; the duplicate candidates with "merge into this";
 * stopped pilots like it; the scorecard with the priority worked out live; assignment; comments,
 * internal and to the submitter kept apart; and the history. Every change is sent with the
 * version read (`If-Match`); when somebody else changed the idea first (412), the page reads it
 * again, says what changed and by whom, and keeps what the person typed so they can apply it again.
 */
import './console.scss';
import { useEffect, useState } from 'preact/hooks';
import type { DecisionKind } from '../../../../shared/domain/decisions.ts';
import { PILOT_STAGE_LABELS } from '../../../../shared/domain/messages.ts';
import { api } from '../../api/client.ts';
import type { HistoryEntry } from '../../api/types.ts';
import { Alert, type AlertVariant } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { StatusBadge, statusLabel } from '../../components/StatusBadge.tsx';
import type { SignedInPerson } from '../../session/person.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import { useStrategy } from './console-data.ts';
import { ConsoleOnly } from './ConsoleOnly.tsx';
import { emptyDraft, type DecisionDraft } from './decision.ts';
import { DecisionDialog, type ConsoleIdea, type DecisionResult } from './DecisionDialog.tsx';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import { highlightSegments } from './highlight.ts';
import { ScorecardEditor } from './ScorecardEditor.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

type Reading = { state: 'loading' } | { state: 'not-found' } | { state: 'failed' } | { state: 'read'; idea: ConsoleIdea; etag: string };

/** What the person was doing when somebody else changed the idea first, and the idea as they had read it. */
export interface Conflict {
  what: 'decision' | 'scorecard' | 'assignee';
  before: ConsoleIdea;
}

interface Notice {
  variant: AlertVariant;
  text: string;
  heading?: string;
  detail?: string;
}

export default function ConsoleIdeaPage({ id }: { id: string }) {
  return <ConsoleOnly page="idea">{(_access, person) => <IdeaWork key={id} id={id} person={person} />}</ConsoleOnly>;
}

function IdeaWork({ id, person }: { id: string; person: SignedInPerson }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const [reading, setReading] = useState<Reading>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<DecisionDraft>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [conflict, setConflict] = useState<Conflict>();
  const [notice, setNotice] = useState<Notice>();
  // The scores the person chose and has not saved: kept through a conflict.
  const [given, setGiven] = useState<Record<string, number>>({});
  const [pendingAssignee, setPendingAssignee] = useState<SignedInPerson | null>();
  const strategy = useStrategy();

  useEffect(() => {
    let current = true;
    api.GET('/console/ideas/{id}', { params: { path: { id } } }).then(
      ({ data, response }) => {
        if (!current) return;
        if (data !== undefined) setReading({ state: 'read', idea: data, etag: response.headers.get('etag') ?? '*' });
        else if (response.status === 404 || response.status === 400) setReading({ state: 'not-found' });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => current && setReading({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [id, language, version]);

  const readAgain = () => setVersion((count) => count + 1);

  if (reading.state === 'loading') return <Spinner label={texts.common.loading} />;
  if (reading.state === 'not-found') {
    return (
      <>
        <PageHeading>{t.notFoundHeading}</PageHeading>
        <p>{t.notFound}</p>
        <a href="/console">{t.backToInbox}</a>
      </>
    );
  }
  if (reading.state === 'failed') {
    return (
      <>
        <PageHeading>{texts.idea.titleFallback}</PageHeading>
        <Alert variant="error" announce>
          <p class="alert-text">{texts.common.loadFailed}</p>
          <button type="button" class="button button-secondary mt-4" onClick={readAgain}>
            {texts.common.retry}
          </button>
        </Alert>
      </>
    );
  }

  const { idea, etag } = reading;
  const changed = (what: Conflict['what']) => {
    setConflict({ what, before: idea });
    setDialogOpen(false);
    setNotice(undefined);
    readAgain();
  };
  const openDecision = (kind: DecisionKind, into?: string) => {
    setDraft((before) => (before?.kind === kind ? { ...before, ...(into === undefined ? {} : { into }) } : emptyDraft(kind, into)));
    setDialogOpen(true);
  };
  const decided = (result: DecisionResult) => {
    setDialogOpen(false);
    setDraft(undefined);
    setConflict(undefined);
    setNotice(
      result.pilot === undefined
        ? { variant: 'success', text: t.decided(statusLabel(result.status, language)) }
        : { variant: 'success', heading: t.acceptedHeading, text: t.pilotCreated(PILOT_STAGE_LABELS[result.pilot.stage][language]), detail: `${t.pilotId}: ${result.pilot.id}` },
    );
    readAgain();
  };
  const assign = async (to: SignedInPerson | null) => {
    setPendingAssignee(to);
    try {
      const { data, response } = await api.PUT('/console/ideas/{id}/assignee', {
        params: { path: { id: idea.id }, header: { 'If-Match': etag } },
        body: { assignee: to === null ? null : { sub: to.sub, ...(to.name === undefined ? {} : { name: to.name }) } },
      });
      if (data !== undefined) {
        setPendingAssignee(undefined);
        setConflict(undefined);
        setNotice({ variant: 'success', text: to === null ? t.unassignedDone : t.assignedToYou });
        readAgain();
      } else if (response.status === 412) changed('assignee');
      else if (response.status !== 401) setNotice({ variant: 'error', text: texts.problems.server });
    } catch {
      setNotice({ variant: 'error', text: texts.problems.network });
    }
  };

  const terms = idea.themeAlignment?.scores.flatMap((score) => score.matchedTerms) ?? [];
  const themeName = (themeId: string) => strategy?.themes.find((theme) => theme.id === themeId)?.name[language] ?? themeId;

  return (
    <>
      <p>
        <a href="/console">{t.backToInbox}</a>
      </p>
      <PageHeading>{idea.title}</PageHeading>
      <p class="spire-meta">
        {texts.common.kinds[idea.kind]} · {idea.department} · {t.submittedAt} {texts.common.date(idea.submittedAt)} · {t.submittedBy}{' '}
        {idea.anonymous ? t.anonymous : (idea.submitter?.name ?? idea.submitter?.sub ?? t.anonymous)}
      </p>
      <p>
        <StatusBadge status={idea.status} /> {t.inStatus(idea.daysInStatus)}
        {idea.overdue ? (
          <>
            {' '}
            <span class="badge badge-error">{t.overdue}</span>
          </>
        ) : null}
        {idea.supportCount === undefined || idea.supportCount === 0 ? null : <> · {texts.idea.supporters(idea.supportCount)}</>}
      </p>

      {conflict === undefined ? null : conflict.before === idea ? (
        // The idea as it is now is still on its way: the panel waits for it, so it says what changed.
        <Spinner label={texts.common.loading} />
      ) : (
        <ConflictPanel
          conflict={conflict}
          idea={idea}
          draft={draft}
          onReapply={() => setDialogOpen(true)}
          onReassign={pendingAssignee === undefined ? undefined : () => void assign(pendingAssignee)}
        />
      )}
      {notice === undefined ? null : (
        <Alert key={notice.text} variant={notice.variant} heading={notice.heading} announce focus>
          <p class="alert-text">{notice.text}</p>
          {notice.detail === undefined ? null : <p class="alert-text">{notice.detail}</p>}
        </Alert>
      )}

      <section class="mt-6" aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t.decideHeading}</h2>
        {idea.allowedDecisions.length === 0 ? (
          <p>{t.noDecisions}</p>
        ) : (
          <div class="spire-actions">
            {idea.allowedDecisions.map((kind) => (
              <button key={kind} type="button" class={kind === 'accept' ? 'button button-primary' : 'button button-secondary'} onClick={() => openDecision(kind)}>
                {t.decisions[kind]}
              </button>
            ))}
          </div>
        )}
      </section>

      <section class="mt-6" aria-labelledby="text-heading">
        <h2 id="text-heading">{t.textHeading}</h2>
        {terms.length === 0 ? null : <p class="spire-meta">{t.highlightNote}</p>}
        <p class="spire-text">
          <strong>
            <Highlighted text={idea.title} terms={terms} />
          </strong>
        </p>
        <p class="spire-text">
          <Highlighted text={idea.description} terms={terms} />
        </p>
        <dl class="spire-facts">
          {idea.friction === undefined ? null : (
            <>
              <dt>{texts.idea.figures}</dt>
              <dd>{texts.idea.figuresText(idea.friction.frequency, texts.submit.units[idea.friction.frequencyUnit], texts.common.number(idea.friction.minutesEach), idea.friction.peopleAffected)}</dd>
            </>
          )}
          {idea.kind !== 'friction' ? null : (
            <>
              <dt>{t.colHours}</dt>
              <dd>{idea.figuresUnknown === true ? t.figuresUnknown : idea.frictionHoursPerYear === undefined ? t.noHours : texts.common.number(idea.frictionHoursPerYear)}</dd>
            </>
          )}
        </dl>
      </section>

      <section class="mt-6" aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t.themesHeading}</h2>
        {idea.themeAlignment === undefined || idea.themeAlignment.scores.length === 0 ? (
          <p>{t.noThemes}</p>
        ) : (
          <ul class="spire-idea-list">
            {idea.themeAlignment.scores.map((score) => (
              <li key={score.themeId}>
                <p class="m-0">
                  <strong>{t.themeScore(themeName(score.themeId), Math.round(score.score * 100))}</strong>
                </p>
                {score.matchedTerms.length === 0 ? null : (
                  <p class="spire-meta m-0">
                    {t.matched}: {score.matchedTerms.join(', ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <DuplicateCandidates idea={idea} onMerge={(into) => openDecision('duplicate', into)} />

      {idea.resemblingPilots.length === 0 ? null : (
        <section class="mt-6" aria-labelledby="pilots-heading">
          <h2 id="pilots-heading">{t.pilotsHeading}</h2>
          <ul class="spire-idea-list">
            {idea.resemblingPilots.map((pilot) => (
              <li key={pilot.pilotId}>
                <p class="m-0">
                  <strong>{pilot.title}</strong>
                </p>
                <p class="spire-meta m-0">
                  {pilot.department} · {PILOT_STAGE_LABELS[pilot.stage][language]} · {t.similarity(Math.round(pilot.score * 100))}
                </p>
                {pilot.learnings === undefined ? null : (
                  <p class="spire-text">
                    <strong>{t.learnings}:</strong> {pilot.learnings}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ScorecardEditor idea={idea} etag={etag} strategy={strategy} given={given} onGiven={setGiven} onSaved={(priority) => {
        setGiven({});
        setConflict(undefined);
        setNotice({ variant: 'success', text: t.scorecardSaved(texts.common.number(priority)) });
        readAgain();
      }} onConflict={() => changed('scorecard')} />

      <section class="mt-6" aria-labelledby="assignment-heading">
        <h2 id="assignment-heading">{t.assignmentHeading}</h2>
        <p>{idea.assignee === undefined ? t.unassigned : t.assignedTo(idea.assignee.name ?? idea.assignee.sub)}</p>
        <div class="spire-actions">
          {idea.assignee?.sub === person.sub ? null : (
            <button type="button" class="button button-secondary" onClick={() => void assign(person)}>
              {t.assignMe}
            </button>
          )}
          {idea.assignee === undefined ? null : (
            <button type="button" class="button button-secondary" onClick={() => void assign(null)}>
              {t.unassign}
            </button>
          )}
        </div>
      </section>

      <CommentsPanel idea={idea} onAdded={(sentToSubmitter) => {
        setNotice({ variant: 'success', text: sentToSubmitter ? t.commentSent : t.commentSaved });
        readAgain();
      }} />

      <section class="mt-6" aria-labelledby="console-history-heading">
        <h2 id="console-history-heading">{t.historyHeading}</h2>
        <ol class="spire-history">
          {idea.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <HistoryLine entry={entry} />
              <p class="spire-text">{entry.message}</p>
              {entry.answer === undefined ? null : (
                <p class="spire-text">
                  <strong>{texts.idea.yourAnswer}:</strong> {entry.answer}
                </p>
              )}
              {entry.reason === undefined ? null : (
                <p class="spire-text">
                  <strong>{texts.idea.reason}:</strong> {entry.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      {dialogOpen && draft !== undefined ? (
        <DecisionDialog idea={idea} etag={etag} draft={draft} onDraft={setDraft} onClose={() => setDialogOpen(false)} onDecided={decided} onConflict={() => changed('decision')} />
      ) : null}
    </>
  );
}

function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text))}
    </>
  );
}

/** One line of the history: when, who, and what they did. */
function HistoryLine({ entry }: { entry: HistoryEntry }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const actor = entry.actor;
  const who = actor === undefined || actor.kind === 'system' ? t.system : actor.kind === 'submitter' ? (actor.name ?? t.submitterActor) : (actor.name ?? actor.sub);
  const what =
    entry.change !== undefined ? t.changes[entry.change] : entry.from !== undefined ? t.statusChange(statusLabel(entry.from, language), statusLabel(entry.status, language)) : t.statusSet(statusLabel(entry.status, language));
  return (
    <p class="spire-meta m-0">
      {texts.common.date(entry.at)} · <strong>{who}</strong> {what} <StatusBadge status={entry.status} />
    </p>
  );
}

/** Somebody changed the idea first: what they did, and the way back to what the person was doing. */
function ConflictPanel({ conflict, idea, draft, onReapply, onReassign }: { conflict: Conflict; idea: ConsoleIdea; draft: DecisionDraft | undefined; onReapply: () => void; onReassign: (() => void) | undefined }) {
  const { texts } = useConsoleTexts();
  const t = texts.console;
  const since = idea.history.slice(conflict.before.history.length);
  const typed = draft === undefined ? '' : draft.kind === 'needs_info' ? draft.question : draft.message;
  return (
    <Alert variant="warning" heading={t.conflictHeading} announce focus>
      <p class="alert-text">{t.conflictIntro}</p>
      <ul class="alert-text">
        {since.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <HistoryLine entry={entry} />
          </li>
        ))}
      </ul>
      <p class="alert-text">{t.conflictCurrent}</p>
      {conflict.what === 'decision' && draft !== undefined ? (
        idea.allowedDecisions.includes(draft.kind) ? (
          <button type="button" class="button button-primary mt-4" onClick={onReapply}>
            {t.reapply}
          </button>
        ) : (
          <>
            <p class="alert-text">{t.cannotReapply}</p>
            <label class="form-label" for="conflict-draft">
              {t.draftKept}
            </label>
            <textarea id="conflict-draft" class="form-input" rows={4} readOnly value={typed} />
          </>
        )
      ) : null}
      {conflict.what === 'scorecard' ? <p class="alert-text">{t.reapplyScorecard}</p> : null}
      {conflict.what === 'assignee' && onReassign !== undefined ? (
        <button type="button" class="button button-primary mt-4" onClick={onReassign}>
          {t.reapplyAssignee}
        </button>
      ) : null}
    </Alert>
  );
}
