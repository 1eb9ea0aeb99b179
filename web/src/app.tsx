/**
 * The pages' frame and routes: a skip link, the header, the page, the footer. The submit page is
 * in the first download; the others load when first visited. Pages that need a signed-in person
 * say so (SignedInOnly); /signed-in finishes a sign-in; any other path is a 404 page.
 */
import type { ComponentChildren } from 'preact';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { WebConfig } from '../../shared/web-config.ts';
import { Alert } from './components/Alert.tsx';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { ConfigProvider } from './config.ts';
import { LanguageProvider, useTexts } from './i18n/texts.tsx';
import { SignedInPage } from './pages/SignedInPage.tsx';
import { SubmitPage } from './pages/submit/SubmitPage.tsx';
import { SignedInOnly } from './session/SignedInOnly.tsx';

const MyIdeasPage = lazy(() => import('./pages/mine/MyIdeasPage.tsx'));
const IdeaPage = lazy(() => import('./pages/idea/IdeaPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const ConsoleHomePage = lazy(() => import('./pages/console/ConsoleHomePage.tsx'));
const ConsoleIdeaPage = lazy(() => import('./pages/console/ConsoleIdeaPage.tsx'));
const StrategyPage = lazy(() => import('./pages/console/admin/StrategyPage.tsx'));
const GatesPage = lazy(() => import('./pages/console/admin/GatesPage.tsx'));
const BoardPage = lazy(() => import('./pages/pipeline/BoardPage.tsx'));
const PilotPage = lazy(() => import('./pages/pipeline/PilotPage.tsx'));
const ReportPage = lazy(() => import('./pages/pipeline/ReportPage.tsx'));
const LearningsPage = lazy(() => import('./pages/pipeline/LearningsPage.tsx'));

const SubmitRoute = () => (
  <SignedInOnly>
    <SubmitPage />
  </SignedInOnly>
);

const MyIdeasRoute = () => (
  <SignedInOnly>
    <MyIdeasPage />
  </SignedInOnly>
);

const StrategyRoute = () => (
  <SignedInOnly>
    <StrategyPage />
  </SignedInOnly>
);

const GatesRoute = () => (
  <SignedInOnly>
    <GatesPage />
  </SignedInOnly>
);

const ConsoleRoute = () => (
  <SignedInOnly>
    <ConsoleHomePage />
  </SignedInOnly>
);

const ConsoleIdeaRoute = ({ id }: { id: string }) => (
  <SignedInOnly>
    <ConsoleIdeaPage id={id} />
  </SignedInOnly>
);

const BoardRoute = () => (
  <SignedInOnly>
    <BoardPage />
  </SignedInOnly>
);

const PilotRoute = ({ id }: { id: string }) => (
  <SignedInOnly>
    <PilotPage id={id} />
  </SignedInOnly>
);

const ReportRoute = () => (
  <SignedInOnly>
    <ReportPage />
  </SignedInOnly>
);

const LearningsRoute = () => (
  <SignedInOnly>
    <LearningsPage />
  </SignedInOnly>
);

const IdeaRoute = ({ id }: { id: string }) => (
  <SignedInOnly>
    <IdeaPage id={id} />
  </SignedInOnly>
);

export function App({ config }: { config: WebConfig }) {
  return (
    <LanguageProvider>
      <ConfigProvider value={config}>
        <LocationProvider>
          <PageFrame>
            <Pages />
          </PageFrame>
        </LocationProvider>
      </ConfigProvider>
    </LanguageProvider>
  );
}

/**
 * The pages that use the whole width: the console's inbox table and the pipeline's board and
 * charts, whose columns would otherwise wrap every title. Every other page keeps the narrower
 * column, for lines that read well.
 */
const WIDE_PAGES: ReadonlySet<string> = new Set(['/console', '/console/inbox', '/pipeline', '/pipeline/report']);

/** The frame for the address: wide for WIDE_PAGES. */
function PageFrame({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  return <Frame wide={WIDE_PAGES.has(path.replace(/\/+$/, '') || '/')}>{children}</Frame>;
}

/** The skip link, header and footer around the page's own content; `wide` gives the content the whole width on a large screen. */
export function Frame({ children, wide = false }: { children: ComponentChildren; wide?: boolean }) {
  const { texts } = useTexts();
  return (
    <>
      <a class="skipnav" href="#main-content">
        {texts.common.skipLink}
      </a>
      <Header />
      <div class="container page-container">
        <div class="row">
          <main id="main-content" class={wide ? 'col-12' : 'col-12 col-lg-9'} tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
      <Footer />
    </>
  );
}

/** The page for the address, or what went wrong showing it (until the person goes elsewhere). */
function Pages() {
  const { texts } = useTexts();
  const { url } = useLocation();
  const [crashedAt, setCrashedAt] = useState<string>();
  if (crashedAt === url) {
    return (
      <>
        <PageHeading>{texts.common.crashHeading}</PageHeading>
        <Alert variant="error">
          <p class="alert-text">{texts.common.crash}</p>
        </Alert>
      </>
    );
  }
  return (
    <ErrorBoundary onError={() => setCrashedAt(url)}>
      <Router>
        <Route path="/" component={SubmitRoute} />
        <Route path="/mine" component={MyIdeasRoute} />
        <Route path="/ideas/:id" component={IdeaRoute} />
        <Route path="/console/strategy" component={StrategyRoute} />
        <Route path="/console/gates" component={GatesRoute} />
        <Route path="/console" component={ConsoleRoute} />
        <Route path="/console/inbox" component={ConsoleRoute} />
        <Route path="/console/ideas/:id" component={ConsoleIdeaRoute} />
        <Route path="/pipeline" component={BoardRoute} />
        <Route path="/pipeline/pilots/:id" component={PilotRoute} />
        <Route path="/pipeline/report" component={ReportRoute} />
        <Route path="/pipeline/learnings" component={LearningsRoute} />
        <Route path="/signed-in" component={SignedInPage} />
        <Route default component={NotFoundPage} />
      </Router>
    </ErrorBoundary>
  );
}
