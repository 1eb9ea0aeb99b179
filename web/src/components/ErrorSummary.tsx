/**
 * The dkfds error summary at the top of a form: what is wrong, each line a link to its field.
 * It takes the focus each time a sending is refused (`attempt` counts them), so a screen reader
 * reads it first; a link moves the focus to the field with its label scrolled into view, as
 * dkfds' own error summary script does. Without items it draws nothing, so a form places it
 * unconditionally.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SummaryItem } from '../api/problems.ts';
import { useTexts } from '../i18n/texts.tsx';
import { Icon } from './Icon.tsx';

export function ErrorSummary({ items, attempt }: { items: readonly SummaryItem[]; attempt: number }) {
  const { texts } = useTexts();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  const focusField = (event: MouseEvent, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (field === null) return;
    event.preventDefault();
    const label = field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${fieldId}"]`);
    (label ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  };

  if (items.length === 0) return null;
  return (
    <div ref={ref} class="alert alert-error" tabIndex={-1} aria-labelledby="error-summary-heading">
      <Icon name="error" className="alert-icon" label={texts.common.alertIcons.error} />
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-heading">
          {texts.validation.summaryHeading}
        </h2>
        <ul class="alert-text nobullet-list">
          {items.map(({ fieldId, text }, index) => (
            <li key={index}>
              {fieldId === undefined ? (
                text
              ) : (
                <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                  {text}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
