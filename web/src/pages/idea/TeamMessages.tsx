/**
 * The messages the digitalisation team wrote to the submitter, oldest first: those that came
 * with the idea, and more a page at a time (`GET /ideas/{id}/comments`) while there are more.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { followUpHeader } from '../../api/follow-up-tokens.ts';
import type { TeamComment } from '../../api/types.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useTexts } from '../../i18n/texts.tsx';

type Shown = Pick<TeamComment, 'at' | 'text'>;

export function TeamMessages({ ideaId, first, cursor }: { ideaId: string; first: readonly Shown[]; cursor: string | undefined }) {
  const { texts } = useTexts();
  const t = texts.idea;
  const [more, setMore] = useState<Shown[]>([]);
  const [next, setNext] = useState(cursor);
  const [loading, setLoading] = useState<'idle' | 'loading' | 'failed'>('idle');
  const shown = [...first, ...more];

  const loadMore = async () => {
    if (next === undefined) return;
    setLoading('loading');
    try {
      const { data } = await api.GET('/ideas/{id}/comments', { params: { path: { id: ideaId }, query: { cursor: next }, header: followUpHeader(ideaId) } });
      if (data === undefined) {
        setLoading('failed');
        return;
      }
      setMore((before) => [...before, ...data.items]);
      setNext(data.nextCursor);
      setLoading('idle');
    } catch {
      setLoading('failed');
    }
  };

  return (
    <section class="mt-6" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t.messagesHeading}</h2>
      {shown.length === 0 && next === undefined ? (
        <p>{t.noMessages}</p>
      ) : (
        <ul class="spire-idea-list">
          {shown.map((message, index) => (
            <li key={`${message.at}-${index}`}>
              <p class="spire-meta m-0">{texts.common.date(message.at)}</p>
              <p class="spire-text">{message.text}</p>
            </li>
          ))}
        </ul>
      )}
      {loading === 'loading' ? <Spinner label={texts.common.loading} /> : null}
      <FailureAlert failure={loading === 'failed' ? texts.common.loadFailed : undefined} />
      {next !== undefined && loading !== 'loading' ? (
        <button type="button" class="button button-secondary mt-4" onClick={() => void loadMore()}>
          {t.moreMessages}
        </button>
      ) : null}
    </section>
  );
}
