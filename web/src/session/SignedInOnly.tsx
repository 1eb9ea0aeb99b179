/**
 * What a page that needs a signed-in person shows: the page once signed in; else it sends the
 * person to sign in (and back), or says why that did not work, with a button to try again.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Alert } from '../components/Alert.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useTexts } from '../i18n/texts.tsx';
import { signIn } from './session.ts';
import { useSessionStatus } from './useSession.ts';

export function SignedInOnly({ children }: { children: ComponentChildren }) {
  const { texts } = useTexts();
  const status = useSessionStatus();
  useEffect(() => {
    if (status === 'signed-out') void signIn();
  }, [status]);

  switch (status) {
    case 'signed-in':
      return <>{children}</>;
    case 'interrupted':
      return <SignInProblem heading={texts.signIn.failedHeading} text={texts.signIn.failed} variant="warning" />;
    case 'refused':
      return <SignInProblem heading={texts.signIn.refusedHeading} text={texts.signIn.refused} variant="error" />;
    case 'checking':
      return <Spinner label={texts.common.loading} />;
    case 'signed-out':
    case 'redirecting':
      return <Spinner label={texts.signIn.redirecting} />;
  }
}

/** Signing in failed or was refused: what happened, and a button to sign in again (and come back to `returnTo`, by default here). */
export function SignInProblem({ heading, text, variant, returnTo }: { heading: string; text: string; variant: 'warning' | 'error'; returnTo?: string }) {
  const { texts } = useTexts();
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Alert variant={variant}>
        <p class="alert-text">{text}</p>
      </Alert>
      <button type="button" class="button button-primary" onClick={() => void signIn(returnTo)}>
        {texts.signIn.again}
      </button>
    </>
  );
}
