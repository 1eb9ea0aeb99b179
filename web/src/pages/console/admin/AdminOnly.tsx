/**
 * The admin pages' gate: their content for a person with the admin role (`canEdit`), or for a
 * role the page may also be read by (`alsoReadBy`, as the API allows); anybody else is told the
 * page is not for them, and the API is not called. The roles are read from the sign-in
 * (web/src/session/person.ts): they decide what the page shows, the API what anybody may do.
 */
import type { ComponentChildren } from 'preact';
import type { Role } from '../../../../../shared/domain/roles.ts';
import { Alert } from '../../../components/Alert.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { useTexts } from '../../../i18n/texts.tsx';
import { usePerson } from '../../../session/usePerson.ts';

interface AdminOnlyProps {
  alsoReadBy?: readonly Role[];
  children: (canEdit: boolean) => ComponentChildren;
}

export function AdminOnly({ alsoReadBy = [], children }: AdminOnlyProps) {
  const { texts } = useTexts();
  const { person, known } = usePerson();
  if (!known) return <Spinner label={texts.common.loading} />;
  const roles = person?.roles ?? [];
  if (roles.includes('admin')) return <>{children(true)}</>;
  if (roles.some((role) => alsoReadBy.includes(role))) return <>{children(false)}</>;
  return (
    <>
      <PageHeading>{texts.admin.noAccessHeading}</PageHeading>
      <Alert variant="warning">
        <p class="alert-text">{texts.admin.noAccess}</p>
      </Alert>
      <p>
        <a href="/">{texts.notFound.home}</a>
      </p>
    </>
  );
}
