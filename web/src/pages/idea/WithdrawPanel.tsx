/**
 * Withdrawing the idea (`POST /ideas/{id}/withdraw`), possible until the team has decided on it.
 * A button opens a confirmation in the page (what it means, an optional reason), which takes the
 * focus; cancelling gives the focus back to the button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { followUpHeader } from '../../api/follow-up-tokens.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { TextArea } from '../../components/fields.tsx';
import { useTexts } from '../../i18n/texts.tsx';
import type { Notice } from './notice.ts';

const REASON_MAX = 1000;

export function WithdrawPanel({ ideaId, onWithdrawn }: { ideaId: string; onWithdrawn: (notice: Notice) => void }) {
  const { texts } = useTexts();
  const t = texts.idea;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const withdraw = async () => {
    if (sending) return;
    const trimmed = reason.trim();
    if (trimmed.length > REASON_MAX) {
      setReasonError(texts.validation.maxChars(REASON_MAX));
      document.getElementById('withdraw-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setFailure(undefined);
    setSending(true);
    try {
      const { data, response } = await api.POST('/ideas/{id}/withdraw', {
        params: { path: { id: ideaId }, header: followUpHeader(ideaId) },
        body: trimmed === '' ? {} : { reason: trimmed },
      });
      if (data !== undefined) onWithdrawn({ variant: 'success', text: 'withdrawn' });
      else if (response.status === 409) onWithdrawn({ variant: 'info', text: 'tooLateToWithdraw' });
      else if (response.status !== 401) setFailure(texts.problems.server);
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSending(false);
    }
  };

  if (!open) {
    return (
      <div class="mt-7">
        <button ref={opener} type="button" class="button button-secondary" onClick={() => setOpen(true)}>
          {t.withdraw}
        </button>
      </div>
    );
  }

  return (
    <section class="mt-7" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading" ref={heading} tabIndex={-1}>
        {t.withdrawHeading}
      </h2>
      <p>{t.withdrawText}</p>
      <FailureAlert failure={failure} />
      <TextArea id="withdraw-reason" label={t.withdrawReasonLabel} hint={t.withdrawReasonHint} error={reasonError} value={reason} onInput={setReason} rows={3} required={false} />
      <div class="spire-actions">
        <button type="button" class="button button-primary" aria-disabled={sending ? 'true' : undefined} onClick={() => void withdraw()}>
          {t.withdrawConfirm}
        </button>
        <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
          {t.withdrawCancel}
        </button>
      </div>
    </section>
  );
}
