/**
 * A fieldset of an admin form: its legend, an optional hint, and the faults that concern the group
 * as a whole (two themes with the same id, say). It can take the focus, so the error summary's
 * link to it lands on its legend.
 */
import type { ComponentChildren } from 'preact';
import { useTexts } from '../../../i18n/texts.tsx';

interface FieldGroupProps {
  id: string;
  legend: string;
  legendClass?: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}

export function FieldGroup({ id, legend, legendClass = 'h3', hint, error, children }: FieldGroupProps) {
  const { texts } = useTexts();
  const described = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter((part) => part !== undefined).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} class={error === undefined ? 'mt-6' : 'mt-6 form-error'} aria-describedby={described === '' ? undefined : described}>
      <legend class={legendClass}>{legend}</legend>
      {hint === undefined ? null : (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{texts.common.errorPrefix} </span>
          {error}
        </span>
      )}
      {children}
    </fieldset>
  );
}
