/**
 * The team's form on a pilot's page (triage and admin; a director edits nothing, as the API):
 * the title, owner and risk, the hypothesis, the results and follow-ups, the costs, the learnings
 * and the artefacts (a list: each with its kind, title, link and text, added and removed one by
 * one), saved with `PATCH /console/pilots/{id}` and the ETag read (./pilot-form.ts). Faults, the
 * page's or the API's (`/artefacts/0/url`), show at their fields, an artefact's own (neither link
 * nor text, `/artefacts/0`) at the artefact, and all in an error summary; when somebody changed the
 * pilot first (412), the page reads it again and what was typed is kept, to save on top.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ARTEFACT_KINDS, RISK_LEVELS } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, fieldOfFault, type SummaryItem } from '../../api/problems.ts';
import type { FieldError } from '../../api/types.ts';
import { Alert, FailureAlert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FieldSet, Select, TextArea, TextField } from '../../components/fields.tsx';
import type { PilotDocument } from '../../api/types.ts';
import { FieldGroup } from '../console/admin/FieldGroup.tsx';
import { errorsAfterRemoval, newArtefact, pilotFormOf, pilotPatch, rebasedForm, type ArtefactDraft, type PilotForm, type PilotTextKey } from './pilot-form.ts';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';
import { useFocusNext } from '../../components/use-focus-next.ts';

interface PilotEditorProps {
  pilot: PilotDocument;
  etag: string;
  onSaved: () => void;
  onStale: () => void;
}

type Outcome = 'saved' | 'unchanged' | 'conflict' | 'failed';

export function PilotEditor({ pilot, etag, onSaved, onStale }: PilotEditorProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const [form, setForm] = useState<PilotForm>(() => pilotFormOf(pilot));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState(false);
  const setFocusNext = useFocusNext();
  const update = (key: PilotTextKey) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const setArtefact = (index: number, change: Partial<ArtefactDraft>) =>
    setForm((current) => ({ ...current, artefacts: current.artefacts.map((artefact, at) => (at === index ? { ...artefact, ...change } : artefact)) }));

  // The pilot read again (saved, or somebody else's version after a 412): what was typed stays, the rest is the new version's.
  const readFrom = useRef(pilot);
  useEffect(() => {
    if (readFrom.current === pilot) return;
    const before = pilotFormOf(readFrom.current);
    readFrom.current = pilot;
    setForm((current) => rebasedForm(current, before, pilotFormOf(pilot)));
  }, [pilot]);

  /** The form's fields (and groups of fields) by the JSON Pointer of the API's body. */
  const fields: { pointer: string; id: string; label: string }[] = [
    { pointer: '/title', id: 'pilot-title', label: t.titleLabel },
    { pointer: '/owner/sub', id: 'pilot-owner-sub', label: t.ownerSubLabel },
    { pointer: '/owner/name', id: 'pilot-owner-name', label: t.ownerNameLabel },
    { pointer: '/riskLevel', id: 'pilot-risk', label: t.risk },
    { pointer: '/hypothesis/expectedHoursPerYear', id: 'pilot-expected', label: t.expectedLabel },
    { pointer: '/hypothesis/successMeasure', id: 'pilot-success-measure', label: t.successMeasure },
    { pointer: '/hypothesis/baseline', id: 'pilot-baseline', label: t.baseline },
    { pointer: '/hypothesis/successThreshold', id: 'pilot-threshold', label: t.threshold },
    { pointer: '/results/summary', id: 'pilot-results-summary', label: t.resultsSummaryLabel },
    { pointer: '/results/realisedHoursPerYear', id: 'pilot-realised', label: t.realisedLabel },
    { pointer: '/results/measuredOn', id: 'pilot-measured-on', label: t.measuredOn },
    { pointer: '/results/followUpOn', id: 'pilot-follow-up-on', label: t.followUpOn },
    { pointer: '/results/followUps', id: 'pilot-follow-ups', label: t.followUpsLabel },
    { pointer: '/cost/oneOffDkk', id: 'pilot-one-off', label: t.oneOffLabel },
    { pointer: '/cost/yearlyDkk', id: 'pilot-yearly', label: t.yearlyLabel },
    { pointer: '/learnings', id: 'pilot-learnings', label: t.learningsHeading },
    { pointer: '/artefacts', id: 'pilot-artefacts', label: t.artefactsHeading },
    ...form.artefacts.flatMap((_, index) => {
      const at = `/artefacts/${index}`;
      const id = `pilot-artefact-${index}`;
      const n = index + 1;
      return [
        { pointer: at, id, label: t.artefactLegend(n) },
        { pointer: `${at}/kind`, id: `${id}-kind`, label: t.artefactField(n, t.artefactKindLabel) },
        { pointer: `${at}/title`, id: `${id}-title`, label: t.artefactField(n, t.artefactTitleLabel) },
        { pointer: `${at}/url`, id: `${id}-url`, label: t.artefactField(n, t.artefactUrlLabel) },
        { pointer: `${at}/text`, id: `${id}-text`, label: t.artefactField(n, t.artefactTextLabel) },
      ];
    }),
  ];
  /**
   * The field a fault is about: its own; else the nearest group that holds it (`/artefacts/0/foo`
   * at artefact 1); else the first field of the part it names (`/hypothesis`).
   */
  const fieldOf = (pointer: string) =>
    fields.find((field) => field.pointer === pointer) ?? fieldOfFault(fields, pointer) ?? fields.find((field) => field.pointer.startsWith(`${pointer}/`));
  const errorAt = (id: string) => errors.find((error) => fieldOf(error.pointer)?.id === id)?.detail;
  const summary: SummaryItem[] = errors.map((error) => {
    const field = fieldOf(error.pointer);
    return field === undefined ? { text: error.detail } : { fieldId: field.id, text: `${field.label}: ${error.detail}` };
  });

  const save = async () => {
    if (sending) return;
    const { errors: found, patch } = pilotPatch(form, pilot, {
      required: texts.validation.required,
      minChars: texts.validation.minChars,
      maxChars: texts.validation.maxChars,
      maxItems: (max) => texts.validation.max(texts.common.number(max)),
      wholeNumber: texts.validation.wholeNumber,
      partRequired: t.partRequired,
      url: t.artefactUrlInvalid,
      artefactNeedsContent: t.artefactNeedsContent,
    });
    setErrors(found);
    setOutcome(undefined);
    if (found.length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    if (Object.keys(patch).length === 0) {
      setOutcome('unchanged');
      return;
    }
    setSending(true);
    try {
      const { data, error, response } = await api.PATCH('/console/pilots/{id}', { params: { path: { id: pilot.id }, header: { 'If-Match': etag } }, body: patch as never });
      if (data !== undefined) {
        setOutcome('saved');
        onSaved();
      } else if (response.status === 412) {
        setOutcome('conflict');
        onStale();
      } else if (response.status === 400 && fieldErrorsOf(error).length > 0) {
        setErrors(fieldErrorsOf(error));
        setAttempt((count) => count + 1);
      } else {
        setOutcome('failed');
      }
    } catch {
      setOutcome('failed');
    } finally {
      setSending(false);
    }
  };

  const field = (key: PilotTextKey, id: string, label: string, options: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <TextField id={id} label={label} hint={options.hint} error={errorAt(id)} value={form[key]} onInput={update(key)} required={false} inputMode={options.inputMode} widthClass="input-width-l" />
  );
  const date = (key: 'measuredOn' | 'followUpOn', id: string, label: string) => (
    <div class={errorAt(id) === undefined ? 'form-group' : 'form-group form-error'}>
      <label class="form-label" for={id}>
        {label}
      </label>
      {errorAt(id) === undefined ? null : (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{texts.common.errorPrefix} </span>
          {errorAt(id)}
        </span>
      )}
      <input
        type="date"
        id={id}
        name={id}
        class="form-input input-width-s"
        value={form[key]}
        onInput={(event) => update(key)(event.currentTarget.value)}
        aria-describedby={errorAt(id) === undefined ? undefined : `${id}-error`}
        aria-invalid={errorAt(id) === undefined ? undefined : 'true'}
      />
    </div>
  );

  return (
    <section aria-labelledby="pilot-edit-heading" class="spire-pilot-editor">
      <h2 id="pilot-edit-heading">{t.editHeading}</h2>
      <p class="spire-meta">{t.editIntro}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ErrorSummary items={summary} attempt={attempt} />
        {outcome === 'conflict' ? (
          <Alert variant="warning" announce focus>
            <p class="alert-text">{t.editConflict}</p>
          </Alert>
        ) : null}
        <FailureAlert failure={outcome === 'failed' ? texts.problems.server : undefined} />
        <TextField id="pilot-title" label={t.titleLabel} error={errorAt('pilot-title')} value={form.title} onInput={update('title')} required={false} widthClass="input-width-xl" />
        <FieldSet id="pilot-owner-legend" legend={t.ownerLegend}>
          {field('ownerSub', 'pilot-owner-sub', t.ownerSubLabel, { hint: t.ownerSubHint })}
          {field('ownerName', 'pilot-owner-name', t.ownerNameLabel)}
          <Select
            id="pilot-risk"
            label={t.risk}
            error={errorAt('pilot-risk')}
            value={form.riskLevel}
            options={[{ value: '' as const, label: t.riskNone }, ...RISK_LEVELS.map((level) => ({ value: level, label: t.risks[level] }))]}
            onChange={(value) => setForm((current) => ({ ...current, riskLevel: value }))}
          />
        </FieldSet>
        <FieldSet id="pilot-hypothesis-legend" legend={t.hypothesisHeading}>
          {field('expectedHoursPerYear', 'pilot-expected', t.expectedLabel, { inputMode: 'numeric' })}
          <TextArea id="pilot-success-measure" label={t.successMeasure} error={errorAt('pilot-success-measure')} value={form.successMeasure} onInput={update('successMeasure')} rows={2} required={false} />
          <TextArea id="pilot-baseline" label={t.baseline} error={errorAt('pilot-baseline')} value={form.baseline} onInput={update('baseline')} rows={2} required={false} />
          <TextArea id="pilot-threshold" label={t.threshold} error={errorAt('pilot-threshold')} value={form.successThreshold} onInput={update('successThreshold')} rows={2} required={false} />
        </FieldSet>
        <FieldSet id="pilot-results-legend" legend={t.resultsHeading}>
          <TextArea id="pilot-results-summary" label={t.resultsSummaryLabel} error={errorAt('pilot-results-summary')} value={form.resultsSummary} onInput={update('resultsSummary')} rows={3} required={false} />
          {field('realisedHoursPerYear', 'pilot-realised', t.realisedLabel, { inputMode: 'numeric' })}
          {date('measuredOn', 'pilot-measured-on', t.measuredOn)}
          {date('followUpOn', 'pilot-follow-up-on', t.followUpOn)}
          {field('followUps', 'pilot-follow-ups', t.followUpsLabel, { inputMode: 'numeric' })}
        </FieldSet>
        <FieldSet id="pilot-cost-legend" legend={t.costHeading}>
          {field('oneOffDkk', 'pilot-one-off', t.oneOffLabel, { inputMode: 'numeric' })}
          {field('yearlyDkk', 'pilot-yearly', t.yearlyLabel, { inputMode: 'numeric' })}
        </FieldSet>
        <TextArea id="pilot-learnings" label={t.learningsHeading} error={errorAt('pilot-learnings')} value={form.learnings} onInput={update('learnings')} rows={4} required={false} />
        <FieldGroup id="pilot-artefacts" legend={t.artefactsHeading} hint={t.artefactsHint} error={errorAt('pilot-artefacts')}>
          {form.artefacts.length === 0 ? <p>{t.artefactsNone}</p> : null}
          {form.artefacts.map((artefact, index) => {
            const id = `pilot-artefact-${index}`;
            const n = index + 1;
            const title = artefact.title.trim();
            return (
              <FieldGroup key={artefact.key} id={id} legend={t.artefactLegend(n)} legendClass="h4" error={errorAt(id)}>
                <Select
                  id={`${id}-kind`}
                  label={t.artefactKindLabel}
                  error={errorAt(`${id}-kind`)}
                  value={artefact.kind}
                  options={ARTEFACT_KINDS.map((kind) => ({ value: kind, label: t.artefactKinds[kind] }))}
                  onChange={(kind) => setArtefact(index, { kind })}
                />
                <TextField id={`${id}-title`} label={t.artefactTitleLabel} error={errorAt(`${id}-title`)} value={artefact.title} onInput={(value) => setArtefact(index, { title: value })} required={false} widthClass="input-width-xl" />
                <TextField
                  id={`${id}-url`}
                  label={t.artefactUrlLabel}
                  hint={t.artefactUrlHint}
                  error={errorAt(`${id}-url`)}
                  value={artefact.url}
                  onInput={(value) => setArtefact(index, { url: value })}
                  autoComplete="url"
                  required={false}
                  widthClass="input-width-xl"
                />
                <TextArea id={`${id}-text`} label={t.artefactTextLabel} error={errorAt(`${id}-text`)} value={artefact.text} onInput={(value) => setArtefact(index, { text: value })} rows={3} required={false} />
                <button
                  type="button"
                  class="button button-secondary mt-4"
                  onClick={() => {
                    setForm((current) => ({ ...current, artefacts: current.artefacts.filter((_, at) => at !== index) }));
                    setErrors((current) => errorsAfterRemoval(current, index));
                    setFocusNext('pilot-artefacts');
                  }}
                >
                  {t.removeArtefact(n)}
                  {title === '' ? null : <span class="sr-only"> ({title})</span>}
                </button>
              </FieldGroup>
            );
          })}
          <button
            type="button"
            class="button button-secondary mt-5"
            onClick={() => {
              setForm((current) => ({ ...current, artefacts: [...current.artefacts, newArtefact()] }));
              setFocusNext(`pilot-artefact-${form.artefacts.length}-kind`);
            }}
          >
            {t.addArtefact}
          </button>
        </FieldGroup>
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {sending ? t.sending : t.save}
          </button>
        </div>
        {outcome === 'saved' || outcome === 'unchanged' ? (
          <Alert variant={outcome === 'saved' ? 'success' : 'info'} announce focus>
            <p class="alert-text">{outcome === 'saved' ? t.saved : t.noChanges}</p>
          </Alert>
        ) : null}
      </form>
    </section>
  );
}
