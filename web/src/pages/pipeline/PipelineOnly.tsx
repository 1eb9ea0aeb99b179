/**
 * The pipeline pages' door and their own menu: the page for the team, the directors and the system
 * owner (session/access.ts, `pipelineAccess`), else a plain "no access" page. Nothing is asked of the API
 * before the roles are known, so an employee never loads any of the pipeline's data.
 */
import '../console/console.scss';
import './pipeline.scss';
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { pipelineAccess, type PipelineAccess } from '../../session/access.ts';
import { usePerson } from '../../session/usePerson.ts';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

export function PipelineOnly({ children }: { children: (access: PipelineAccess) => ComponentChildren }) {
  const { texts } = usePipelineTexts();
  const { person, known } = usePerson();
  if (!known) return <Spinner label={texts.common.loading} />;
  const access = person === undefined ? undefined : pipelineAccess(person.roles);
  if (access?.read !== true) {
    return (
      <>
        <PageHeading>{texts.pipeline.noAccessHeading}</PageHeading>
        <p>{texts.pipeline.noAccess}</p>
        <a class="button button-secondary" href="/">
          {texts.pipeline.home}
        </a>
      </>
    );
  }
  return (
    <>
      <PipelineMenu />
      {children(access)}
    </>
  );
}

/** The pipeline's three pages, the current one marked. */
function PipelineMenu() {
  const { texts } = usePipelineTexts();
  const { path } = useLocation();
  const links = [
    { href: '/pipeline', text: texts.pipeline.boardLink },
    { href: '/pipeline/report', text: texts.pipeline.reportLink },
    { href: '/pipeline/learnings', text: texts.pipeline.learningsLink },
  ];
  return (
    <nav class="spire-pipeline-menu" aria-label={texts.pipeline.sections}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={path === link.href ? 'page' : undefined}>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
