/**
 * An idea's status in plain words, as a dkfds badge: the domain's own neutral labels
 * (shared/domain/messages.ts, the same the API gives as `statusLabel`), coloured by what it asks
 * of the person: a question waits for them, a selection is good news.
 */
import { IDEA_STATUS_LABELS } from '../../../shared/domain/messages.ts';
import type { IdeaStatus } from '../api/types.ts';
import { useTexts } from '../i18n/texts.tsx';

const BADGE_CLASSES: Record<IdeaStatus, string> = {
  submitted: 'badge badge-info',
  in_triage: 'badge badge-info',
  needs_info: 'badge badge-warning',
  accepted: 'badge badge-success',
  parked: 'badge',
  declined: 'badge',
  duplicate: 'badge',
  redirected: 'badge',
  withdrawn: 'badge',
};

export function statusLabel(status: IdeaStatus, language: 'da' | 'en'): string {
  return IDEA_STATUS_LABELS[status][language];
}

export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { language } = useTexts();
  return <span class={BADGE_CLASSES[status]}>{statusLabel(status, language)}</span>;
}
