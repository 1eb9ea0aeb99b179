/**
 * `/`: submit an idea or a piece of friction (bøvl), in two minutes, on a phone. The form is
 * checked here first and by the API after, both shown beside the fields and in an error summary;
 * personal data is asked about before sending; one `Idempotency-Key` per form makes a retry after
 * a lost answer safe; the draft survives a sign-in that ran out. On 202, the receipt.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldFinding } from '../../../../shared/domain/personal-data.ts';
import { api } from '../../api/client.ts';
import { keepFollowUpToken } from '../../api/follow-up-tokens.ts';
import { errorFor, fieldErrorsOf, minutesToWait, summaryItems } from '../../api/problems.ts';
import type { FieldError, SubmitAccepted } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, TextArea, TextField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PersonalDataCheck } from '../../components/PersonalDataCheck.tsx';
import { useConfig } from '../../config.ts';
import type { Texts } from '../../i18n/da.ts';
import { useTexts } from '../../i18n/texts.tsx';
import { saveBeforeSigningIn } from '../../session/session.ts';
import { FrictionFields } from './FrictionFields.tsx';
import { Receipt } from './Receipt.tsx';
import { SimilarIdeas } from './SimilarIdeas.tsx';
import { draftOf, EMPTY_FORM, errorsAfterChange, personalDataIn, submissionBody, submitFields, validateSubmission, type SubmitDraft, type SubmitForm } from './submission.ts';

const DRAFT_KEY = 'spire.draft.submit';

/** What went wrong with a sending that named no field. */
type SendProblem = { kind: 'network' } | { kind: 'server' } | { kind: 'too-large' } | { kind: 'too-many'; minutes: number } | { kind: 'already-sent' };

/** The draft saved before signing in again, taken (read and removed) when the form opens. */
function takeDraft(): SubmitDraft | undefined {
  const stored = sessionStorage.getItem(DRAFT_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
  if (stored === null) return undefined;
  try {
    return draftOf(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

export function SubmitPage() {
  const { texts, language } = useTexts();
  const config = useConfig();
  const t = texts.submit;
  const fields = submitFields(texts);

  const [restored] = useState(takeDraft);
  const [form, setForm] = useState<SubmitForm>(restored?.form ?? EMPTY_FORM);
  // One key per form, kept across its retries; a new form gets a new one.
  const idempotencyKey = useRef(restored?.idempotencyKey ?? crypto.randomUUID());
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Counts presses of the button, so a summary or an alert that comes again takes the focus again.
  const [tries, setTries] = useState(0);
  const [findings, setFindings] = useState<FieldFinding[]>();
  const [problem, setProblem] = useState<SendProblem>();
  const [sending, setSending] = useState(false);
  const [accepted, setAccepted] = useState<SubmitAccepted>();

  // What the draft saver and a second press of the button must see: the form now, and whether a sending is under way.
  const latest = useRef({ form, sending: false });
  latest.current.form = form;
  useEffect(
    () =>
      saveBeforeSigningIn(() => {
        const draft: SubmitDraft = { form: latest.current.form, idempotencyKey: idempotencyKey.current };
        sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
      }),
    [],
  );

  const change = (update: Partial<SubmitForm>) => {
    setForm((before) => ({ ...before, ...update }));
    setErrors((before) => errorsAfterChange(before, update));
  };

  const send = async (personalDataConfirmed: boolean) => {
    if (latest.current.sending) return;
    setTries((count) => count + 1);
    setProblem(undefined);
    const faults = validateSubmission(form, texts);
    if (faults.length > 0) {
      setFindings(undefined);
      setErrors(faults);
      return;
    }
    setErrors([]);
    const found = personalDataConfirmed ? [] : personalDataIn(form);
    setFindings(found.length > 0 ? found : undefined);
    if (found.length > 0) return;

    latest.current.sending = true;
    setSending(true);
    try {
      const { data, error, response } = await api.POST('/ideas', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: submissionBody(form, language),
      });
      if (data !== undefined) {
        if (data.followUpToken !== undefined) keepFollowUpToken(data.id, data.followUpToken);
        setAccepted(data);
        return;
      }
      const fieldFaults = fieldErrorsOf(error);
      if (fieldFaults.length > 0) setErrors(fieldFaults);
      else if (response.status === 413) setProblem({ kind: 'too-large' });
      else if (response.status === 422) setProblem({ kind: 'already-sent' });
      else if (response.status === 429) setProblem({ kind: 'too-many', minutes: minutesToWait(response.headers.get('Retry-After'), error, new Date()) ?? 60 });
      else if (response.status !== 401) setProblem({ kind: 'server' });
    } catch {
      // No answer: the idea may be stored. The same key makes pressing again safe.
      setProblem({ kind: 'network' });
    } finally {
      latest.current.sending = false;
      setSending(false);
    }
  };

  const startAgain = () => {
    idempotencyKey.current = crypto.randomUUID();
    setForm(EMPTY_FORM);
    setErrors([]);
    setFindings(undefined);
    setProblem(undefined);
    setAccepted(undefined);
  };

  const sendAsNew = () => {
    idempotencyKey.current = crypto.randomUUID();
    void send(true);
  };

  const focusField = (id: string) => document.getElementById(id)?.focus();

  if (accepted !== undefined) return <Receipt accepted={accepted} onAnother={startAgain} />;

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p class="font-lead">{t.intro}</p>
      {restored === undefined ? null : (
        <Alert variant="info">
          <p class="alert-text">{t.draftRestored}</p>
        </Alert>
      )}
      <ErrorSummary items={summaryItems(errors, fields)} attempt={tries} />
      {problem === undefined ? null : <SendProblemAlert key={tries} problem={problem} onSendAsNew={sendAsNew} />}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(false);
        }}
      >
        <RadioGroup
          name="kind"
          legend={t.kindLegend}
          value={form.kind}
          options={[
            { value: 'idea', label: t.kindIdea, hint: t.kindIdeaHint },
            { value: 'friction', label: t.kindFriction, hint: t.kindFrictionHint },
          ]}
          onChange={(kind) => change({ kind })}
          error={errorFor(errors, 'kind')}
        />
        <TextField id="title" label={t.titleLabel} hint={t.titleHint} error={errorFor(errors, 'title')} value={form.title} onInput={(title) => change({ title })} />
        <TextArea
          id="description"
          label={t.descriptionLabel}
          hint={t.descriptionHint}
          error={errorFor(errors, 'description')}
          value={form.description}
          onInput={(description) => change({ description })}
        />
        <SimilarIdeas title={form.title} description={form.description} />
        <TextField
          id="department"
          label={t.departmentLabel}
          hint={t.departmentHint}
          error={errorFor(errors, 'department')}
          value={form.department}
          onInput={(department) => change({ department })}
          list="departments"
          autoComplete="off"
        />
        <datalist id="departments">
          {config.departments.map((department) => (
            <option key={department} value={department} />
          ))}
        </datalist>
        {form.kind === 'friction' ? <FrictionFields form={form} errors={errors} onChange={change} /> : null}
        <RadioGroup
          name="anonymous"
          legend={t.anonymousLegend}
          value={form.anonymous ? 'anonymous' : 'named'}
          options={[
            { value: 'named', label: t.named, hint: t.namedHint },
            { value: 'anonymous', label: t.anonymous, hint: t.anonymousHint },
          ]}
          onChange={(choice) => change({ anonymous: choice === 'anonymous' })}
          error={errorFor(errors, 'anonymous')}
        />
        {findings === undefined ? null : <PersonalDataCheck key={tries} findings={findings} fields={fields} onEdit={focusField} onSendAnyway={() => void send(true)} />}
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {sending ? t.sending : t.send[form.kind]}
          </button>
        </div>
      </form>
    </>
  );
}

function SendProblemAlert({ problem, onSendAsNew }: { problem: SendProblem; onSendAsNew: () => void }) {
  const { texts } = useTexts();
  if (problem.kind === 'already-sent') {
    return (
      <Alert variant="warning" heading={texts.submit.alreadySentHeading} announce focus>
        <p class="alert-text">{texts.submit.alreadySent}</p>
        <button type="button" class="button button-secondary mt-4" onClick={onSendAsNew}>
          {texts.submit.sendAsNew}
        </button>
      </Alert>
    );
  }
  return (
    <Alert variant="error" announce focus>
      <p class="alert-text">{problemText(problem, texts)}</p>
    </Alert>
  );
}

function problemText(problem: Exclude<SendProblem, { kind: 'already-sent' }>, texts: Texts): string {
  switch (problem.kind) {
    case 'network':
      return texts.submit.lostAnswer;
    case 'server':
      return texts.problems.server;
    case 'too-large':
      return texts.problems.tooLarge;
    case 'too-many':
      return texts.problems.tooMany(texts.problems.minutes(problem.minutes));
  }
}
