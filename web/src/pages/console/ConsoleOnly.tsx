/**
 * The console's door: the page for a person whose roles give them the console (./access.ts),
 * else a plain "no access" page. Nothing is asked of the API before the roles are known, so a
 * person without access never loads any of the console's data.
 */
import type { ComponentChildren } from 'preact';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useTexts } from '../../i18n/texts.tsx';
import type { SignedInPerson } from '../../session/person.ts';
import { usePerson } from '../../session/usePerson.ts';
import { consoleAccess, type ConsoleAccess } from './access.ts';

interface ConsoleOnlyProps {
  /** Who may see the page: the team only, or the team and the directors. */
  allow: readonly Exclude<ConsoleAccess, 'none'>[];
  children: (person: SignedInPerson, access: Exclude<ConsoleAccess, 'none'>) => ComponentChildren;
}

export function ConsoleOnly({ allow, children }: ConsoleOnlyProps) {
  const { texts } = useTexts();
  const { person, known } = usePerson();
  if (!known) return <Spinner label={texts.common.loading} />;
  const access = person === undefined ? 'none' : consoleAccess(person.roles);
  if (person === undefined || access === 'none' || !allow.includes(access)) return <NoAccess />;
  return <>{children(person, access)}</>;
}

export function NoAccess() {
  const { texts } = useTexts();
  return (
    <>
      <PageHeading>{texts.console.noAccessHeading}</PageHeading>
      <p>{texts.console.noAccess}</p>
      <a class="button button-secondary" href="/">
        {texts.console.noAccessHome}
      </a>
    </>
  );
}
