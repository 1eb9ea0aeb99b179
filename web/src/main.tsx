/**
 * The pages' start: the follow-up token of a link that opened them is put away, the language is
 * set, `/config.json` is read and the sign-in looked up; then the pages are shown. While that
 * happens, and if it fails, the frame says so.
 */
import { render, type VNode } from 'preact';
import { LocationProvider } from 'preact-iso';
import { takeFollowUpTokenFromAddress } from './api/follow-up-tokens.ts';
import { App, Frame } from './app.tsx';
import { Alert } from './components/Alert.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { Spinner } from './components/Spinner.tsx';
import { loadConfig } from './config.ts';
import { showLanguage } from './i18n/language.ts';
import { LanguageProvider, useTexts } from './i18n/texts.tsx';
import { startSession } from './session/session.ts';
import './styles/main.scss';

function Starting() {
  const { texts } = useTexts();
  return <Spinner label={texts.start.loading} />;
}

function StartFailed() {
  const { texts } = useTexts();
  return (
    <>
      <PageHeading>{texts.start.failedHeading}</PageHeading>
      <Alert variant="error">
        <p class="alert-text">{texts.start.failed}</p>
      </Alert>
    </>
  );
}

function showFrame(content: VNode, root: HTMLElement): void {
  render(
    <LanguageProvider>
      <LocationProvider>
        <Frame>{content}</Frame>
      </LocationProvider>
    </LanguageProvider>,
    root,
  );
}

async function start(root: HTMLElement): Promise<void> {
  takeFollowUpTokenFromAddress();
  showLanguage();
  showFrame(<Starting />, root);
  try {
    const config = await loadConfig();
    await startSession(config.oidc);
    render(<App config={config} />, root);
  } catch {
    showFrame(<StartFailed />, root);
  }
}

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element to render the pages into');
void start(root);
