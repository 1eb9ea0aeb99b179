/**
 * The gate decision dialog: the checklist of the gate the pilot stands at (in the caller's
 * language, from the API), go, hold until a day, recycle with what must change, or stop with the
 * learnings; sent with the pilot's ETag. The page's own checks and the API's refusals show at the
 * item concerned and in an error summary that takes the focus: the required items missing, no
 * hypothesis, a decision the stage does not allow; when somebody decided first (412) the dialog
 * says so, the pilot is read again and what was typed is kept, to send again.
 */
import { useState } from 'preact/hooks';
import { copenhagenDay } from '../../../../shared/domain/calendar.ts';
import { STAGE_ORDER, type GateDecision } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import type { PilotDocument } from '../../api/types.ts';
import { errorFor, summaryItems, type SummaryItem } from '../../api/problems.ts';
import type { FieldError } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { radioId } from '../../components/field-ids.ts';
import { RadioGroup, TextArea } from '../../components/fields.tsx';
import { Modal } from '../console/Modal.tsx';
import { EMPTY_GATE_FORM, gateFormErrors, gateRefusal, gateRequest, type GateForm, type GateRefusalView } from './gate-decision.ts';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

type NextGate = NonNullable<PilotDocument['nextGate']>;

interface GateDialogProps {
  pilot: PilotDocument;
  etag: string;
  onClose: () => void;
  /** The decision was taken: the stage the pilot is in now. */
  onDecided: (decision: GateDecision, stage: PilotDocument['stage']) => void;
  /** Somebody decided first: read the pilot again (the dialog stays, with what was typed). */
  onStale: () => void;
}

const checkboxId = (itemId: string) => `gate-item-${itemId}`;

export function GateDialog({ pilot, etag, onClose, onDecided, onStale }: GateDialogProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const gate = pilot.nextGate as NextGate;
  const [form, setForm] = useState<GateForm>(EMPTY_GATE_FORM);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<GateRefusalView>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const stageName = t.stages[gate.gate];
  const back = STAGE_ORDER[STAGE_ORDER.indexOf(gate.gate) - 2];
  const update = (change: Partial<GateForm>) => setForm((current) => ({ ...current, ...change }));

  const missing = refusal?.kind === 'checklist' ? new Set(refusal.missing.map((item) => item.id)) : new Set<string>();
  const decisionError =
    refusal?.kind === 'hypothesis' ? t.hypothesisRefused : refusal?.kind === 'not-allowed' ? t.invalidDecision(refusal.allowed.map((decision) => t.decisions[decision]).join(', ')) : errorFor(errors, 'decision');

  const summary: SummaryItem[] = [
    ...(decisionError === undefined ? [] : [{ fieldId: radioId('decision', gate.decisions[0] ?? 'go'), text: `${t.decisionLegend}: ${decisionError}` }]),
    ...gate.checklist.filter((item) => missing.has(item.id)).map((item) => ({ fieldId: checkboxId(item.id), text: `${item.text}: ${t.missingItem}` })),
    ...summaryItems(
      errors.filter((error) => error.pointer !== '/decision'),
      [
        { name: 'reason', id: 'gate-reason', label: t.reasonLabel },
        { name: 'revisitOn', id: 'gate-revisit', label: t.revisitLabel },
        { name: 'mustChange', id: 'gate-must-change', label: t.mustChangeLabel },
        { name: 'learnings', id: 'gate-learnings', label: t.learningsLabel },
      ],
    ),
  ];

  const send = async () => {
    if (sending) return;
    const found = gateFormErrors(form, { required: texts.validation.required, minChars: texts.validation.minChars, learnings: t.learningsTooShort });
    setRefusal(undefined);
    setErrors(found);
    if (found.length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    setSending(true);
    try {
      const { data, error, response } = await api.POST('/console/pilots/{id}/gates', {
        params: { path: { id: pilot.id }, header: { 'If-Match': etag } },
        body: gateRequest(form, gate.checklist.map((item) => item.id)),
      });
      if (data !== undefined) {
        onDecided(data.gate.decision, data.stage);
        return;
      }
      const seen = gateRefusal(response.status, error);
      if (seen.kind === 'fields') setErrors(seen.errors);
      else setRefusal(seen);
      if (seen.kind === 'conflict') onStale();
      setAttempt((count) => count + 1);
    } catch {
      setRefusal({ kind: 'other' });
      setAttempt((count) => count + 1);
    } finally {
      setSending(false);
    }
  };

  const tomorrow = new Date(Date.parse(`${copenhagenDay(new Date())}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  return (
    <Modal id="gate-dialog" heading={t.dialogHeading(stageName)} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <ErrorSummary items={summary} attempt={attempt} />
        {refusal?.kind === 'checklist' ? (
          <Alert variant="error">
            <p class="alert-text">{t.checklistIncomplete(refusal.missing.map((item) => item.text).join('; '))}</p>
          </Alert>
        ) : null}
        {refusal?.kind === 'conflict' || refusal?.kind === 'forbidden' || refusal?.kind === 'other' ? (
          <Alert variant={refusal.kind === 'conflict' ? 'warning' : 'error'} announce>
            <p class="alert-text">{refusal.kind === 'conflict' ? t.conflict : refusal.kind === 'forbidden' ? t.forbidden : texts.problems.server}</p>
          </Alert>
        ) : null}
        <RadioGroup
          name="decision"
          legend={t.decisionLegend}
          error={decisionError}
          value={form.decision}
          options={gate.decisions.map((decision) => ({
            value: decision,
            label: t.decisions[decision],
            hint:
              decision === 'go'
                ? t.decisionHints.go(stageName)
                : decision === 'recycle'
                  ? t.decisionHints.recycle(back === undefined ? '' : t.stages[back])
                  : t.decisionHints[decision],
          }))}
          onChange={(decision) => update({ decision })}
        />
        <Checklist items={gate.checklist} answers={form.checklist} missing={missing} onChange={(checklist) => update({ checklist })} />
        <TextArea id="gate-reason" label={t.reasonLabel} hint={t.reasonHint} error={errorFor(errors, 'reason')} value={form.reason} rows={3} onInput={(reason) => update({ reason })} />
        {form.decision === 'hold' ? (
          <div class={errorFor(errors, 'revisitOn') === undefined ? 'form-group' : 'form-group form-error'}>
            <label class="form-label" for="gate-revisit">
              {t.revisitLabel}
            </label>
            <span class="form-hint" id="gate-revisit-hint">
              {t.revisitHint}
            </span>
            {errorFor(errors, 'revisitOn') === undefined ? null : (
              <span class="form-error-message" id="gate-revisit-error">
                <span class="sr-only">{texts.common.errorPrefix} </span>
                {errorFor(errors, 'revisitOn')}
              </span>
            )}
            <input
              type="date"
              id="gate-revisit"
              name="revisitOn"
              class="form-input input-width-s"
              min={tomorrow}
              value={form.revisitOn}
              onInput={(event) => update({ revisitOn: event.currentTarget.value })}
              aria-describedby={errorFor(errors, 'revisitOn') === undefined ? 'gate-revisit-hint' : 'gate-revisit-hint gate-revisit-error'}
              aria-invalid={errorFor(errors, 'revisitOn') === undefined ? undefined : 'true'}
            />
          </div>
        ) : null}
        {form.decision === 'recycle' ? (
          <TextArea id="gate-must-change" label={t.mustChangeLabel} error={errorFor(errors, 'mustChange')} value={form.mustChange} rows={3} onInput={(mustChange) => update({ mustChange })} />
        ) : null}
        {form.decision === 'stop' ? (
          <TextArea id="gate-learnings" label={t.learningsLabel} hint={t.learningsHint} error={errorFor(errors, 'learnings')} value={form.learnings} rows={5} onInput={(learnings) => update({ learnings })} />
        ) : null}
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {sending ? t.sending : t.send}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

interface ChecklistProps {
  items: NextGate['checklist'];
  answers: Record<string, boolean>;
  missing: ReadonlySet<string>;
  onChange: (answers: Record<string, boolean>) => void;
}

/** The gate's checklist: a checkbox per item, required ones marked; an item the API found missing says so beside it. */
function Checklist({ items, answers, missing, onChange }: ChecklistProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  return (
    <fieldset class="form-group" aria-describedby="gate-checklist-hint">
      <legend class="form-label">{t.checklistLegend}</legend>
      <span class="form-hint" id="gate-checklist-hint">
        {items.length === 0 ? t.checklistEmpty : t.checklistHint}
      </span>
      {items.map((item) => {
        const id = checkboxId(item.id);
        const isMissing = missing.has(item.id);
        return (
          <div key={item.id} class={isMissing ? 'form-group-checkbox form-error spire-missing' : 'form-group-checkbox'}>
            <input
              type="checkbox"
              id={id}
              name={id}
              class="form-checkbox"
              checked={answers[item.id] === true}
              onChange={(event) => onChange({ ...answers, [item.id]: event.currentTarget.checked })}
              aria-describedby={isMissing ? `${id}-error` : undefined}
              aria-invalid={isMissing ? 'true' : undefined}
            />
            <label class="form-label" for={id}>
              {item.text} {item.required ? <span class="spire-required">{t.requiredMark}</span> : null}
            </label>
            {isMissing ? (
              <span class="form-error-message" id={`${id}-error`}>
                <span class="sr-only">{texts.common.errorPrefix} </span>
                {t.missingItem}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
