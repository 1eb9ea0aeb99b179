/**
 * A dkfds alert: information, success, a warning or an error, with its icon and an optional
 * heading. Warnings and errors are announced (`role="alert"`) when `announce` is set, as dkfds does
 * for messages that appear after an action. `focus` moves the focus to it when it appears.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useTexts } from '../i18n/texts.tsx';
import { Icon } from './Icon.tsx';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  variant: AlertVariant;
  heading?: string;
  headingLevel?: 'h2' | 'h3';
  announce?: boolean;
  focus?: boolean;
  children?: ComponentChildren;
}

export function Alert({ variant, heading, headingLevel = 'h2', announce = false, focus = false, children }: AlertProps) {
  const { texts } = useTexts();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const Heading = headingLevel;
  return (
    <div ref={ref} class={`alert alert-${variant}`} role={announce ? 'alert' : undefined} tabIndex={focus ? -1 : undefined}>
      <Icon name={variant} className="alert-icon" label={texts.common.alertIcons[variant]} />
      <div class="alert-body">
        {heading === undefined ? null : <Heading class="alert-heading">{heading}</Heading>}
        {children}
      </div>
    </div>
  );
}


/** Why a sending failed, as an announced error alert; nothing while `failure` is undefined. */
export function FailureAlert({ failure, focus = false }: { failure: string | undefined; focus?: boolean }) {
  if (failure === undefined) return null;
  return (
    <Alert variant="error" announce focus={focus}>
      <p class="alert-text">{failure}</p>
    </Alert>
  );
}
