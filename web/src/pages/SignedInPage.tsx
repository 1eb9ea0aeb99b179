/**
 * `/signed-in`, where the identity provider sends the person back: finishes the sign-in and
 * returns to the page they came from (a draft saved on the way is picked up there).
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { Spinner } from '../components/Spinner.tsx';
import { useTexts } from '../i18n/texts.tsx';
import { completeSignIn } from '../session/session.ts';
import { SignInProblem } from '../session/SignedInOnly.tsx';

export function SignedInPage() {
  const { texts } = useTexts();
  const { route } = useLocation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn().then(
      (returnTo) => route(returnTo, true),
      () => setFailed(true),
    );
  }, []);
  return failed ? (
    <SignInProblem heading={texts.signIn.failedHeading} text={texts.signIn.failed} variant="warning" returnTo="/" />
  ) : (
    <Spinner label={texts.signIn.completing} />
  );
}
