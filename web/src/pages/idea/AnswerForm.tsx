/**
 * Answering the team's question (`POST /ideas/{id}/answers`), shown while the idea waits for it
 * (`needs_info`). Checked first as the API checks it, and asked about personal data as the
 * submit form is; for an anonymous idea, sent with its follow-up token.
 */
import { useState } from 'preact/hooks';
import { findPersonalDataInFields, type FieldFinding } from '../../../../shared/domain/personal-data.ts';
import { api } from '../../api/client.ts';
import { followUpHeader } from '../../api/follow-up-tokens.ts';
import { errorFor, fieldErrorsOf, summaryItems, type FormField } from '../../api/problems.ts';
import type { FieldError } from '../../api/types.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { PersonalDataCheck } from '../../components/PersonalDataCheck.tsx';
import { useTexts } from '../../i18n/texts.tsx';
import type { Notice } from './notice.ts';

const ANSWER_MAX = 4000;

export function AnswerForm({ ideaId, onAnswered }: { ideaId: string; onAnswered: (notice: Notice) => void }) {
  const { texts } = useTexts();
  const t = texts.idea;
  const fields: FormField[] = [{ name: 'answer', id: 'answer', label: t.answerLabel }];
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Counts presses of the button, so the error summary takes the focus each time.
  const [tries, setTries] = useState(0);
  const [findings, setFindings] = useState<FieldFinding[]>();
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);

  const send = async (personalDataConfirmed: boolean) => {
    if (sending) return;
    setTries((count) => count + 1);
    setFailure(undefined);
    const length = answer.trim().length;
    if (length === 0 || length > ANSWER_MAX) {
      setErrors([{ pointer: '/answer', detail: length === 0 ? texts.validation.required : texts.validation.maxChars(ANSWER_MAX) }]);
      return;
    }
    setErrors([]);
    const found = personalDataConfirmed ? [] : findPersonalDataInFields({ '/answer': answer });
    setFindings(found.length > 0 ? found : undefined);
    if (found.length > 0) return;

    setSending(true);
    try {
      const { data, error, response } = await api.POST('/ideas/{id}/answers', { params: { path: { id: ideaId }, header: followUpHeader(ideaId) }, body: { answer } });
      if (data !== undefined) onAnswered({ variant: 'success', text: 'answered' });
      else if (response.status === 409) onAnswered({ variant: 'info', text: 'notWaiting' });
      else if (fieldErrorsOf(error).length > 0) setErrors(fieldErrorsOf(error));
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="mt-6" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t.answerHeading}</h2>
      <ErrorSummary items={summaryItems(errors, fields)} attempt={tries} />
      <FailureAlert failure={failure} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(false);
        }}
      >
        <TextArea id="answer" label={t.answerLabel} error={errorFor(errors, 'answer')} value={answer} onInput={setAnswer} rows={5} />
        {findings === undefined ? null : (
          <PersonalDataCheck
            key={tries}
            findings={findings}
            fields={fields}
            onEdit={(id) => document.getElementById(id)?.focus()}
            onSendAnyway={() => void send(true)}
          />
        )}
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {t.answerSend}
          </button>
        </div>
      </form>
    </section>
  );
}
