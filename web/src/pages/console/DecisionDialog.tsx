/**
 * One decision in a dialog (./Modal.tsx): the fields that decision needs, checked as the API
 * checks them (./decision.ts), a preview of the message the submitter will read, and the request
 * with the idea's ETag (`POST /console/ideas/{id}/decisions`, `If-Match`). The draft belongs to the
 * page, so a conflict (412) or a closed dialog loses nothing typed.
 */
import { useState } from 'preact/hooks';
import type { FieldFinding } from '../../../../shared/domain/personal-data.ts';
import { DECLINE_REASONS, REDIRECT_TARGETS, type DeclineReason } from '../../../../shared/domain/idea.ts';
import { DECLINE_REASON_LABELS, REDIRECT_TARGET_LABELS } from '../../../../shared/domain/messages.ts';
import { api } from '../../api/client.ts';
import { errorFor, fieldErrorsOf, summaryItems, type FormField } from '../../api/problems.ts';
import type { components } from '../../api/schema.d.ts';
import type { FieldError } from '../../api/types.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, Select, TextArea, TextField } from '../../components/fields.tsx';
import { PersonalDataCheck } from '../../components/PersonalDataCheck.tsx';
import { decisionInput, draftErrors, submitterPreview, type DecisionDraft } from './decision.ts';
import { Modal } from './Modal.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

export type ConsoleIdea = components['schemas']['ConsoleIdeaDocument'];
export type DecisionResult = components['schemas']['DecisionResult'];

interface DecisionDialogProps {
  idea: ConsoleIdea;
  etag: string;
  draft: DecisionDraft;
  onDraft: (draft: DecisionDraft) => void;
  onClose: () => void;
  onDecided: (result: DecisionResult) => void;
  onConflict: () => void;
}

export function DecisionDialog({ idea, etag, draft, onDraft, onClose, onDecided, onConflict }: DecisionDialogProps) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [tries, setTries] = useState(0);
  const [findings, setFindings] = useState<FieldFinding[]>();
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const kind = draft.kind;
  const messageRequired = kind === 'decline' || kind === 'redirect';
  const fields: FormField[] = [
    { name: 'question', id: 'decision-question', label: t.questionLabel },
    { name: 'reasonCode', id: 'decision-reason', label: t.reasonLabel },
    { name: 'to', id: 'decision-to', label: t.redirectLabel },
    { name: 'revisitOn', id: 'decision-revisit', label: t.revisitLabel },
    { name: 'into', id: idea.duplicateCandidates.length > 0 ? `decision-into-${idea.duplicateCandidates[0]?.ideaId ?? ''}` : 'decision-into-other', label: t.intoLegend },
    { name: 'message', id: 'decision-message', label: messageRequired ? t.messageLabel : t.messageOptional },
  ];
  const set = (change: Partial<DecisionDraft>) => onDraft({ ...draft, ...change });

  const send = async (confirmPersonalData: boolean) => {
    if (sending) return;
    setTries((count) => count + 1);
    setFailure(undefined);
    const faults = draftErrors(draft, { ...texts.validation, dateInvalid: t.dateInvalid, dateFuture: t.dateFuture, idInvalid: t.idInvalid, required: t.required });
    setErrors(faults);
    if (faults.length > 0) return;
    setSending(true);
    try {
      const { data, error, response } = await api.POST('/console/ideas/{id}/decisions', {
        params: { path: { id: idea.id }, header: { 'If-Match': etag } },
        body: decisionInput(draft, confirmPersonalData),
      });
      if (data !== undefined) onDecided(data);
      else if (response.status === 412) onConflict();
      else if (response.status === 422 && typeof error === 'object' && error !== null && 'findings' in error) setFindings(error.findings as FieldFinding[]);
      else if (response.status === 409) {
        const allowed = typeof error === 'object' && error !== null && 'allowed' in error && Array.isArray(error.allowed) ? (error.allowed as (keyof typeof t.decisions)[]) : [];
        setFailure(t.notAllowed(allowed.length === 0 ? t.noneAllowed : allowed.map((decision) => t.decisions[decision]).join(', ')));
      } else if (fieldErrorsOf(error).length > 0) setErrors(fieldErrorsOf(error));
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSending(false);
    }
  };

  const chooseReason = (reasonCode: DeclineReason | '') => {
    // The message follows the reason until the person has made it their own.
    const prefilled = DECLINE_REASONS.some((reason) => t.declineMessages[reason] === draft.message);
    set({ reasonCode, ...(draft.message === '' || prefilled ? { message: reasonCode === '' ? '' : t.declineMessages[reasonCode] } : {}) });
  };

  return (
    <Modal id="decision-dialog" heading={t.dialogHeadings[kind]} onClose={onClose}>
      <ErrorSummary items={summaryItems(errors, fields)} attempt={tries} />
      <FailureAlert failure={failure} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(false);
        }}
      >
        {kind === 'needs_info' ? (
          <TextArea id="decision-question" label={t.questionLabel} hint={t.questionHint} error={errorFor(errors, 'question')} value={draft.question} onInput={(question) => set({ question })} rows={4} />
        ) : null}
        {kind === 'park' ? (
          <DateField id="decision-revisit" label={t.revisitLabel} hint={t.revisitHint} error={errorFor(errors, 'revisitOn')} value={draft.revisitOn} onInput={(revisitOn) => set({ revisitOn })} />
        ) : null}
        {kind === 'decline' ? (
          <Select
            id="decision-reason"
            label={t.reasonLabel}
            error={errorFor(errors, 'reasonCode')}
            value={draft.reasonCode}
            options={[{ value: '' as const, label: t.chooseReason }, ...DECLINE_REASONS.map((value) => ({ value, label: DECLINE_REASON_LABELS[value][language] }))]}
            onChange={chooseReason}
          />
        ) : null}
        {kind === 'redirect' ? (
          <Select
            id="decision-to"
            label={t.redirectLabel}
            error={errorFor(errors, 'to')}
            value={draft.to}
            options={[{ value: '' as const, label: t.chooseTarget }, ...REDIRECT_TARGETS.map((value) => ({ value, label: REDIRECT_TARGET_LABELS[value][language] }))]}
            onChange={(to) => set({ to })}
          />
        ) : null}
        {kind === 'duplicate' ? (
          idea.duplicateCandidates.length > 0 ? (
            <RadioGroup
              name="decision-into"
              legend={t.intoLegend}
              hint={t.intoHint}
              error={errorFor(errors, 'into')}
              value={draft.into}
              options={idea.duplicateCandidates.map((candidate) => ({ value: candidate.ideaId, label: candidate.title, hint: `${candidate.department} · ${t.similarity(Math.round(candidate.similarity * 100))}` }))}
              onChange={(into) => set({ into })}
            />
          ) : (
            <TextField id="decision-into-other" label={t.intoOther} hint={t.intoOtherHint} error={errorFor(errors, 'into')} value={draft.into} onInput={(into) => set({ into })} />
          )
        ) : null}
        {kind === 'needs_info' ? null : (
          <TextArea
            id="decision-message"
            label={messageRequired ? t.messageLabel : t.messageOptional}
            hint={kind === 'decline' ? t.declineMessageHint : undefined}
            error={errorFor(errors, 'message')}
            value={draft.message}
            onInput={(message) => set({ message })}
            rows={4}
            required={messageRequired}
          />
        )}
        <section class="spire-preview mt-5" aria-labelledby="decision-preview-heading">
          <h3 id="decision-preview-heading">{t.previewHeading}</h3>
          <p class="spire-text" aria-live="polite">
            {submitterPreview(draft, idea.language)}
          </p>
          <p class="spire-meta">{idea.anonymous ? t.previewAnonymous : t.previewEmail}</p>
        </section>
        {findings === undefined ? null : (
          <PersonalDataCheck key={tries} findings={findings} fields={fields} onEdit={(id) => document.getElementById(id)?.focus()} onSendAnyway={() => void send(true)} />
        )}
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {t.confirm[kind]}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DateField({ id, label, hint, error, value, onInput }: { id: string; label: string; hint: string; error: string | undefined; value: string; onInput: (value: string) => void }) {
  const { texts } = useConsoleTexts();
  const describedBy = [`${id}-hint`, error === undefined ? undefined : `${id}-error`].filter((part) => part !== undefined).join(' ');
  return (
    <div class={error === undefined ? 'form-group' : 'form-group form-error'}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <span class="form-hint" id={`${id}-hint`}>
        {hint}
      </span>
      {error === undefined ? null : (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{texts.common.errorPrefix} </span>
          {error}
        </span>
      )}
      <input type="date" id={id} name={id} class="form-input input-width-s" value={value} onInput={(event) => onInput(event.currentTarget.value)} required aria-describedby={describedBy} aria-invalid={error === undefined ? undefined : 'true'} />
    </div>
  );
}
