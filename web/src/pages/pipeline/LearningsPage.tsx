/**
 * `/pipeline/learnings?q=…`: what stopped and realised pilots learned (`GET /pipeline/learnings`),
 * best match first, with the words that matched highlighted (the console's highlight.ts). The
 * search is in the address, so it can be shared and survives a reload.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { highlightSegments } from '../console/highlight.ts';
import { PipelineOnly } from './PipelineOnly.tsx';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

type Found = components['schemas']['LearningsFound'];
type Reading = { state: 'idle' } | { state: 'loading' } | { state: 'failed' } | { state: 'read'; found: Found };

export default function LearningsPage() {
  return <PipelineOnly>{() => <LearningsSearch />}</PipelineOnly>;
}

function LearningsSearch() {
  const { texts, language } = usePipelineTexts();
  const t = texts.pipeline;
  const { query, route } = useLocation();
  const q = (query['q'] ?? '').trim();
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });

  useEffect(() => {
    setDraft(q);
    if (q.length < 2) {
      setReading({ state: 'idle' });
      return;
    }
    let current = true;
    setReading({ state: 'loading' });
    api.GET('/pipeline/learnings', { params: { query: { q, limit: 20 } } }).then(
      ({ data }) => current && setReading(data === undefined ? { state: 'failed' } : { state: 'read', found: data }),
      () => current && setReading({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [q, language]);

  return (
    <>
      <PageHeading>{t.learningsPageHeading}</PageHeading>
      <p>{t.learningsIntro}</p>
      <form
        role="search"
        class="spire-search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const typed = draft.trim();
          if (typed.length < 2) {
            setError(t.tooShort);
            document.getElementById('learnings-q')?.focus();
            return;
          }
          setError(undefined);
          route(`/pipeline/learnings?${new URLSearchParams({ q: typed }).toString()}`);
        }}
      >
        <TextField id="learnings-q" name="q" label={t.searchLabel} hint={t.searchHint} error={error} value={draft} onInput={setDraft} />
        <button type="submit" class="button button-primary">
          {t.search}
        </button>
      </form>
      {reading.state === 'loading' ? <Spinner label={texts.common.loading} /> : null}
      <FailureAlert failure={reading.state === 'failed' ? texts.common.loadFailed : undefined} />
      {reading.state === 'read' ? <Results found={reading.found} /> : null}
    </>
  );
}

function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text))}
    </>
  );
}

function Results({ found }: { found: Found }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  return (
    <section aria-labelledby="learnings-results-heading">
      <h2 id="learnings-results-heading">
        {found.items.length === 0 ? t.noResults(found.q) : t.resultsFound(found.items.length, found.q)}
      </h2>
      <ol class="spire-learnings">
        {found.items.map((item) => (
          <li key={item.pilotId} lang={item.language}>
            <h3 class="h4">
              <a href={`/pipeline/pilots/${item.pilotId}`}>
                <Marked text={item.title} terms={item.matchedTerms} />
              </a>
            </h3>
            <p class="spire-meta">
              {t.stages[item.stage]} · {item.department} · {texts.common.date(item.at)} · {t.match(Math.round(item.score * 100))}
            </p>
            <p class="spire-text">
              <Marked text={item.learnings} terms={item.matchedTerms} />
            </p>
            {item.matchedTerms.length === 0 ? null : <p class="spire-meta">{t.matchedWords(item.matchedTerms.join(', '))}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
