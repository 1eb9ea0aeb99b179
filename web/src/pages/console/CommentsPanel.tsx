/**
 * The idea's comments, with internal notes and messages to the submitter impossible to confuse:
 * two lists under their own headings, each comment badged and styled by who reads it, and a form
 * where the reader must be chosen before anything can be sent, the button saying which
 * (`POST /console/ideas/{id}/comments`). A message to the submitter is on their page and e-mailed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FieldFinding } from '../../../../shared/domain/personal-data.ts';
import { api } from '../../api/client.ts';
import { errorFor, summaryItems, type FormField } from '../../api/problems.ts';
import type { components } from '../../api/schema.d.ts';
import type { FieldError } from '../../api/types.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, TextArea } from '../../components/fields.tsx';
import { PersonalDataCheck } from '../../components/PersonalDataCheck.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { ConsoleIdea } from './DecisionDialog.tsx';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

type Visibility = 'internal' | 'submitter';
type Comment = components['schemas']['Comment'];
const TEXT_MAX = 4000;

export function CommentsPanel({ idea, onAdded }: { idea: ConsoleIdea; onAdded: (sentToSubmitter: boolean) => void }) {
  const { texts } = useConsoleTexts();
  const t = texts.console;
  // Past the first 50, the rest a page at a time (`GET /ideas/{id}/comments`), read again with the idea.
  const [more, setMore] = useState<{ items: Comment[]; next: string | undefined; state: 'idle' | 'loading' | 'failed' }>({ items: [], next: idea.commentsCursor, state: 'idle' });
  useEffect(() => setMore({ items: [], next: idea.commentsCursor, state: 'idle' }), [idea.commentsCursor, idea.comments?.length]);
  const comments = [...(idea.comments ?? []), ...more.items];
  const internal = comments.filter((comment) => comment.visibility === 'internal');
  const toSubmitter = comments.filter((comment) => comment.visibility === 'submitter');
  const [visibility, setVisibility] = useState<Visibility | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [tries, setTries] = useState(0);
  const [findings, setFindings] = useState<FieldFinding[]>();
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const fields: FormField[] = [
    { name: 'visibility', id: 'comment-visibility-internal', label: t.visibilityLegend },
    { name: 'text', id: 'comment-text', label: t.commentLabel },
  ];

  const loadMore = async () => {
    if (more.next === undefined) return;
    setMore({ ...more, state: 'loading' });
    try {
      const { data } = await api.GET('/ideas/{id}/comments', { params: { path: { id: idea.id }, query: { cursor: more.next } } });
      if (data === undefined) setMore({ ...more, state: 'failed' });
      // Triage reads every comment with its visibility; a submitter's shape never reaches the console.
      else setMore({ items: [...more.items, ...data.items.filter((item): item is Comment => 'visibility' in item)], next: data.nextCursor, state: 'idle' });
    } catch {
      setMore({ ...more, state: 'failed' });
    }
  };

  const send = async (confirmPersonalData: boolean) => {
    if (sending) return;
    setTries((count) => count + 1);
    setFailure(undefined);
    const length = text.trim().length;
    const faults: FieldError[] = [
      ...(visibility === '' ? [{ pointer: '/visibility', detail: t.chooseVisibility }] : []),
      ...(length === 0 ? [{ pointer: '/text', detail: texts.validation.required }] : length > TEXT_MAX ? [{ pointer: '/text', detail: texts.validation.maxChars(TEXT_MAX) }] : []),
    ];
    setErrors(faults);
    if (faults.length > 0 || visibility === '') return;
    setSending(true);
    try {
      const { data, error, response } = await api.POST('/console/ideas/{id}/comments', {
        params: { path: { id: idea.id } },
        body: { text: text.trim(), visibility, ...(confirmPersonalData ? { confirmPersonalData: true } : {}) },
      });
      if (data !== undefined) {
        setText('');
        setVisibility('');
        setFindings(undefined);
        onAdded(visibility === 'submitter');
      } else if (response.status === 422 && typeof error === 'object' && error !== null && 'findings' in error) setFindings(error.findings as FieldFinding[]);
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="mt-6" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t.commentsHeading}</h2>
      <div class="spire-comments spire-comments-internal">
        <h3 id="internal-heading">{t.internalHeading}</h3>
        {internal.length === 0 ? (
          <p>{t.noInternal}</p>
        ) : (
          <ul class="spire-idea-list" aria-labelledby="internal-heading">
            {internal.map((comment) => (
              <li key={comment.id}>
                <p class="spire-meta m-0">
                  <span class="badge">{t.internalBadge}</span> {comment.author.name ?? comment.author.sub} · {texts.common.date(comment.at)}
                </p>
                <p class="spire-text">{comment.text}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="spire-comments spire-comments-submitter">
        <h3 id="to-submitter-heading">{t.submitterHeading}</h3>
        {toSubmitter.length === 0 ? (
          <p>{t.noSubmitterComments}</p>
        ) : (
          <ul class="spire-idea-list" aria-labelledby="to-submitter-heading">
            {toSubmitter.map((comment) => (
              <li key={comment.id}>
                <p class="spire-meta m-0">
                  <span class="badge badge-info">{t.submitterBadge}</span> {comment.author.name ?? comment.author.sub} · {texts.common.date(comment.at)}
                </p>
                <p class="spire-text">{comment.text}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
      {more.state === 'loading' ? <Spinner label={texts.common.loading} /> : null}
      <FailureAlert failure={more.state === 'failed' ? texts.common.loadFailed : undefined} />
      {more.next !== undefined && more.state !== 'loading' ? (
        <button type="button" class="button button-secondary mt-4" onClick={() => void loadMore()}>
          {t.moreComments}
        </button>
      ) : null}
      <h3 class="mt-5">{t.writeHeading}</h3>
      <ErrorSummary items={summaryItems(errors, fields)} attempt={tries} />
      <FailureAlert failure={failure} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(false);
        }}
      >
        <RadioGroup
          name="comment-visibility"
          legend={t.visibilityLegend}
          error={errorFor(errors, 'visibility')}
          value={visibility}
          options={[
            { value: 'internal' as const, label: t.visibilityInternal, hint: t.visibilityInternalHint },
            { value: 'submitter' as const, label: t.visibilitySubmitter, hint: t.visibilitySubmitterHint },
          ]}
          onChange={setVisibility}
        />
        <TextArea id="comment-text" label={t.commentLabel} error={errorFor(errors, 'text')} value={text} onInput={setText} rows={4} />
        {findings === undefined ? null : (
          <PersonalDataCheck key={tries} findings={findings} fields={fields} onEdit={(id) => document.getElementById(id)?.focus()} onSendAnyway={() => void send(true)} />
        )}
        <div class="spire-actions">
          <button type="submit" class={visibility === 'submitter' ? 'button button-primary' : 'button button-secondary'} aria-disabled={sending ? 'true' : undefined}>
            {visibility === 'internal' ? t.saveInternal : visibility === 'submitter' ? t.sendToSubmitter : t.chooseFirst}
          </button>
        </div>
      </form>
    </section>
  );
}
