/**
 * "Is it one of these?": while the person types a title or description, the ideas already sent
 * that resemble it (`GET /ideas/similar`, 400 ms after the last keystroke), each of which can be
 * supported with one tap (`POST /ideas/{id}/support`) instead of being sent again. The form works
 * the same when the lookup fails, so its faults are not shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { acceptsSupport } from '../../../../shared/domain/decisions.ts';
import { api } from '../../api/client.ts';
import { minutesToWait } from '../../api/problems.ts';
import type { SimilarIdea } from '../../api/types.ts';
import { useTexts } from '../../i18n/texts.tsx';
import { similarQuery, type SubmitForm } from './submission.ts';

const TYPING_PAUSE_MS = 400;

export function SimilarIdeas({ title, description }: Pick<SubmitForm, 'title' | 'description'>) {
  const { texts, language } = useTexts();
  const [items, setItems] = useState<SimilarIdea[]>([]);

  useEffect(() => {
    const query = similarQuery({ title, description }, language);
    if (query === undefined) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.GET('/ideas/similar', { params: { query }, signal: controller.signal }).then(
        ({ data }) => {
          if (data !== undefined) setItems(data.items);
        },
        () => undefined,
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [title, description, language]);

  return (
    <>
      <p class="sr-only" aria-live="polite">
        {items.length === 0 ? '' : texts.similar.found(items.length)}
      </p>
      {items.length === 0 ? null : (
        <section class="mt-6" aria-labelledby="similar-heading">
          <h2 id="similar-heading" class="h3">
            {texts.similar.heading}
          </h2>
          <p>{texts.similar.intro}</p>
          <ul class="spire-idea-list">
            {items.map((item) => (
              <SimilarItem key={item.id} idea={item} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SimilarItem({ idea }: { idea: SimilarIdea }) {
  const { texts } = useTexts();
  const [outcome, setOutcome] = useState<{ supportCount: number } | { note: string }>();
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome !== undefined) result.current?.focus();
  }, [outcome]);

  const support = async () => {
    try {
      const { data, error, response } = await api.POST('/ideas/{id}/support', { params: { path: { id: idea.id } } });
      if (data !== undefined) setOutcome({ supportCount: data.supportCount });
      else if (response.status === 409) setOutcome({ note: texts.similar.closed });
      else if (response.status === 429) setOutcome({ note: texts.problems.tooMany(texts.problems.minutes(minutesToWait(response.headers.get('Retry-After'), error, new Date()) ?? 60)) });
      else setOutcome({ note: texts.problems.server });
    } catch {
      setOutcome({ note: texts.problems.network });
    }
  };

  return (
    <li>
      <h3 class="h5">{idea.title}</h3>
      <p class="spire-meta">
        {texts.common.kinds[idea.kind]} · {idea.statusLabel}
      </p>
      {outcome === undefined ? (
        acceptsSupport(idea.status) ? (
          <button type="button" class="button button-secondary mt-3" aria-label={texts.similar.supportLabel(idea.title)} onClick={() => void support()}>
            {texts.similar.support}
          </button>
        ) : null
      ) : (
        <p ref={result} tabIndex={-1} role="status" class="mt-3">
          {'supportCount' in outcome ? `${texts.similar.supported(outcome.supportCount)} ${texts.similar.supportedNote}` : outcome.note}
        </p>
      )}
    </li>
  );
}
