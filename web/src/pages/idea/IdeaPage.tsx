/**
 * `/ideas/:id`: one of the person's ideas (`GET /ideas/{id}`): its status in plain words, the
 * team's messages (more with `GET /ideas/{id}/comments`), what was sent, the history and how
 * many colleagues support it; answering the team's question and withdrawing the idea. An
 * anonymous idea opened from its follow-up link is read with the token kept for it
 * (`X-Follow-Up-Token`): its submitter is signed in like anybody, and the token proves the idea is theirs.
 */
import { useEffect, useState } from 'preact/hooks';
import { canWithdraw } from '../../../../shared/domain/decisions.ts';
import { api } from '../../api/client.ts';
import { followUpHeader } from '../../api/follow-up-tokens.ts';
import type { IdeaDocument } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { StatusBadge, statusLabel } from '../../components/StatusBadge.tsx';
import { useTexts } from '../../i18n/texts.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { IdeaHistory } from './IdeaHistory.tsx';
import type { Notice } from './notice.ts';
import { TeamMessages } from './TeamMessages.tsx';
import { WithdrawPanel } from './WithdrawPanel.tsx';

type Reading = { state: 'loading' } | { state: 'not-found' } | { state: 'failed' } | { state: 'read'; idea: IdeaDocument };

export default function IdeaPage({ id }: { id: string }) {
  const { texts, language } = useTexts();
  const [reading, setReading] = useState<Reading>({ state: 'loading' });
  const [notice, setNotice] = useState<Notice>();
  // Reading again after an answer or a withdrawal, or in another language, counts up.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api.GET('/ideas/{id}', { params: { path: { id }, header: followUpHeader(id) } }).then(
      ({ data, response }) => {
        if (!current) return;
        if (data !== undefined) setReading({ state: 'read', idea: data });
        else if (response.status === 404 || response.status === 400) setReading({ state: 'not-found' });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => {
        if (current) setReading({ state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [id, language, version]);

  const readAgain = (next: Notice) => {
    setNotice(next);
    setVersion((count) => count + 1);
  };

  switch (reading.state) {
    case 'loading':
      return <Spinner label={texts.common.loading} />;
    case 'not-found':
      return (
        <>
          <PageHeading>{texts.idea.notFoundHeading}</PageHeading>
          <p>{texts.idea.notFound}</p>
        </>
      );
    case 'failed':
      return (
        <>
          <PageHeading>{texts.idea.titleFallback}</PageHeading>
          <Alert variant="error" announce>
            <p class="alert-text">{texts.common.loadFailed}</p>
            <button type="button" class="button button-secondary mt-4" onClick={() => setVersion((count) => count + 1)}>
              {texts.common.retry}
            </button>
          </Alert>
        </>
      );
    case 'read':
      return <IdeaView idea={reading.idea} notice={notice} onChanged={readAgain} />;
  }
}

function IdeaView({ idea, notice, onChanged }: { idea: IdeaDocument; notice: Notice | undefined; onChanged: (notice: Notice) => void }) {
  const { texts, language } = useTexts();
  const t = texts.idea;
  const comments = idea.messages.filter((message) => message.kind === 'comment');

  return (
    <>
      <PageHeading>{idea.title}</PageHeading>
      <p class="spire-meta">
        {texts.common.kinds[idea.kind]} · {t.submitted} {texts.common.date(idea.submittedAt)}
      </p>
      {notice === undefined ? null : (
        <Alert key={notice.text} variant={notice.variant} announce focus>
          <p class="alert-text">{t[notice.text]}</p>
        </Alert>
      )}
      {idea.anonymous ? (
        <Alert variant="info">
          <p class="alert-text">{t.anonymousNote}</p>
        </Alert>
      ) : null}

      <section class="mt-6" aria-labelledby="status-heading">
        <h2 id="status-heading">{t.statusHeading}</h2>
        <p>
          <StatusBadge status={idea.status} /> {t.since(texts.common.date(idea.statusChangedAt))}
        </p>
        <p class="spire-text">{idea.statusMessage}</p>
        {idea.mergedInto === undefined ? null : <p>{t.mergedInto(idea.mergedInto.title, statusLabel(idea.mergedInto.status, language))}</p>}
        {idea.supportCount === undefined || idea.supportCount === 0 ? null : <p>{t.supporters(idea.supportCount)}</p>}
      </section>

      {idea.status === 'needs_info' ? <AnswerForm ideaId={idea.id} onAnswered={onChanged} /> : null}

      <TeamMessages key={`${language}-${idea.statusChangedAt}-${comments.length}`} ideaId={idea.id} first={comments} cursor={idea.commentsCursor} />

      <section class="mt-6" aria-labelledby="details-heading">
        <h2 id="details-heading">{t.detailsHeading}</h2>
        <p class="spire-text">{idea.description}</p>
        <dl class="spire-facts">
          <dt>{t.department}</dt>
          <dd>{idea.department}</dd>
          {idea.friction === undefined ? null : (
            <>
              <dt>{t.figures}</dt>
              <dd>
                {t.figuresText(idea.friction.frequency, texts.submit.units[idea.friction.frequencyUnit], texts.common.number(idea.friction.minutesEach), idea.friction.peopleAffected)}
              </dd>
            </>
          )}
          {idea.figuresUnknown === true ? (
            <>
              <dt>{t.figures}</dt>
              <dd>{t.figuresUnknown}</dd>
            </>
          ) : null}
          {idea.frictionHoursPerYear === undefined ? null : (
            <>
              <dt>{t.hours}</dt>
              <dd>{texts.common.number(idea.frictionHoursPerYear)}</dd>
            </>
          )}
        </dl>
      </section>

      <IdeaHistory history={idea.history} />

      {canWithdraw(idea.status) ? <WithdrawPanel ideaId={idea.id} onWithdrawn={onChanged} /> : null}
    </>
  );
}
