/**
 * `/mine`: the ideas the person sent with their name, newest first, a page at a time
 * (`GET /ideas/mine` and its cursor), each with its status in plain words. Anonymous ideas are
 * not here, and the empty list says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { IdeaSummary } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTexts } from '../../i18n/texts.tsx';

const PAGE_SIZE = 20;

interface Listing {
  items: IdeaSummary[];
  nextCursor?: string | undefined;
}

type Loading = 'first' | 'more' | 'idle' | 'failed';

export default function MyIdeasPage() {
  const { texts, language } = useTexts();
  const t = texts.mine;
  const [listing, setListing] = useState<Listing>();
  const [loading, setLoading] = useState<Loading>('first');
  // After "show more", the first new idea takes the focus, so the next Tab goes on from there.
  const [firstNew, setFirstNew] = useState<number>();
  const firstNewLink = useRef<HTMLAnchorElement>(null);

  const load = async (cursor: string | undefined, isCurrent: () => boolean) => {
    setLoading(cursor === undefined ? 'first' : 'more');
    try {
      const { data, response } = await api.GET('/ideas/mine', { params: { query: { limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) } } });
      if (!isCurrent()) return;
      if (data === undefined) {
        // A 401 is an expired sign-in: the client is already on its way to sign in again (src/api/client.ts).
        if (response.status !== 401) setLoading('failed');
        return;
      }
      setListing((before) => ({ items: [...(cursor === undefined ? [] : (before?.items ?? [])), ...data.items], nextCursor: data.nextCursor }));
      setFirstNew(cursor === undefined ? undefined : (listing?.items.length ?? 0));
      setLoading('idle');
    } catch {
      if (isCurrent()) setLoading('failed');
    }
  };

  // The statuses' messages come in the page's language, so a change of language reads them again.
  useEffect(() => {
    let current = true;
    setListing(undefined);
    void load(undefined, () => current);
    return () => {
      current = false;
    };
  }, [language]);

  useEffect(() => {
    if (firstNew !== undefined) firstNewLink.current?.focus();
  }, [firstNew]);

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {listing === undefined ? null : listing.items.length === 0 ? (
        <EmptyList />
      ) : (
        <ul class="spire-idea-list">
          {listing.items.map((idea, index) => (
            <li key={idea.id}>
              <h2 class="h4 m-0">
                <a ref={index === firstNew ? firstNewLink : undefined} href={`/ideas/${encodeURIComponent(idea.id)}`}>
                  {idea.title}
                </a>
              </h2>
              <p class="spire-meta">
                <StatusBadge status={idea.status} /> {texts.common.kinds[idea.kind]} · {t.submitted(texts.common.date(idea.submittedAt))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {loading === 'first' || loading === 'more' ? <Spinner label={texts.common.loading} /> : null}
      {loading === 'failed' ? (
        <Alert variant="error" announce>
          <p class="alert-text">{texts.common.loadFailed}</p>
          <button type="button" class="button button-secondary mt-4" onClick={() => void load(listing?.nextCursor, () => true)}>
            {texts.common.retry}
          </button>
        </Alert>
      ) : null}
      {loading === 'idle' && listing?.nextCursor !== undefined ? (
        <button type="button" class="button button-secondary mt-5" onClick={() => void load(listing.nextCursor, () => true)}>
          {t.more}
        </button>
      ) : null}
    </>
  );
}

function EmptyList() {
  const { texts } = useTexts();
  const t = texts.mine;
  return (
    <Alert variant="info" heading={t.emptyHeading}>
      <p class="alert-text">{t.empty}</p>
      <p class="alert-text">{t.anonymousNote}</p>
      <p class="alert-text">
        <a href="/">{t.emptyAction}</a>
      </p>
    </Alert>
  );
}
