/**
 * What the person sees once the API has accepted the submission (202): that it arrived, what
 * happens next and when, and a link to the idea. For an anonymous idea, its follow-up link, shown
 * this once, with a warning to keep it and a copy button.
 */
import { useRef, useState } from 'preact/hooks';
import { followUpLink } from '../../api/follow-up-link.ts';
import type { SubmitAccepted } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Icon } from '../../components/Icon.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useConfig } from '../../config.ts';
import { useTexts } from '../../i18n/texts.tsx';

export function Receipt({ accepted, onAnother }: { accepted: SubmitAccepted; onAnother: () => void }) {
  const { texts } = useTexts();
  const t = texts.receipt;
  const days = useConfig().triageServiceLevelDays;
  const token = accepted.followUpToken;

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <Alert variant="success">
        <p class="alert-text">{token === undefined ? t.next(days) : t.nextAnonymous(days)}</p>
      </Alert>
      {token === undefined ? null : <FollowUpLink link={followUpLink(window.location.origin, accepted.id, token)} />}
      {accepted.personalData === undefined ? null : (
        <Alert variant="warning" heading={t.personalDataHeading}>
          <p class="alert-text">{t.personalData}</p>
        </Alert>
      )}
      <p class="mt-6">
        <a href={`/ideas/${encodeURIComponent(accepted.id)}`}>{t.view}</a>
      </p>
      <button type="button" class="button button-secondary" onClick={onAnother}>
        {t.another}
      </button>
    </>
  );
}

function FollowUpLink({ link }: { link: string }) {
  const { texts } = useTexts();
  const t = texts.receipt;
  const input = useRef<HTMLTextAreaElement>(null);
  const [copyResult, setCopyResult] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyResult(t.copied);
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for the person to copy.
      input.current?.focus();
      input.current?.select();
      setCopyResult(t.copyFallback);
    }
  };

  return (
    <section class="mt-6" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t.followUpHeading}</h2>
      <Alert variant="warning">
        <p class="alert-text">{t.followUpWarning}</p>
      </Alert>
      <div class="form-group">
        <label class="form-label" for="follow-up-link">
          {t.followUpLabel}
        </label>
        <textarea ref={input} id="follow-up-link" class="form-input spire-follow-up-link" rows={3} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div class="spire-actions">
        <button type="button" class="button button-primary" onClick={() => void copy()}>
          <Icon name="copy" />
          {t.copy}
        </button>
        <p class="m-0" role="status">
          {copyResult}
        </p>
      </div>
    </section>
  );
}
