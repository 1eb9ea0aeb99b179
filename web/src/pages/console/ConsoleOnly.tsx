/**
 * The console's pages' door: the page as a person's roles give it to them (session/access.ts: all of it,
 * or what they may read), else a plain "no access" page. Nothing is asked of the API before the
 * roles are known, so a person the page is not for never loads any of its data.
 */
import type { ComponentChildren } from 'preact';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { pageAccess, type ConsolePage, type PageAccess } from '../../session/access.ts';
import type { SignedInPerson } from '../../session/person.ts';
import { usePerson } from '../../session/usePerson.ts';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

interface ConsoleOnlyProps {
  page: ConsolePage;
  children: (access: PageAccess, person: SignedInPerson) => ComponentChildren;
}

export function ConsoleOnly({ page, children }: ConsoleOnlyProps) {
  const { texts } = useConsoleTexts();
  const { person, known } = usePerson();
  if (!known) return <Spinner label={texts.common.loading} />;
  const access = person === undefined ? undefined : pageAccess(person.roles, page);
  if (person === undefined || access === undefined) return <NoAccess page={page} />;
  return <>{children(access, person)}</>;
}

function NoAccess({ page }: { page: ConsolePage }) {
  const { texts } = useConsoleTexts();
  const { heading, text } =
    page === 'strategy' || page === 'gates'
      ? { heading: texts.admin.noAccessHeading, text: texts.admin.noAccess[page] }
      : { heading: texts.console.noAccessHeading, text: texts.console.noAccess };
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>{text}</p>
      <a class="button button-secondary" href="/">
        {texts.console.noAccessHome}
      </a>
    </>
  );
}
