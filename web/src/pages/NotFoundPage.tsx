/** The page for a path the pages do not have. */
import { PageHeading } from '../components/PageHeading.tsx';
import { useTexts } from '../i18n/texts.tsx';

export default function NotFoundPage() {
  const { texts } = useTexts();
  return (
    <>
      <PageHeading>{texts.notFound.title}</PageHeading>
      <p>{texts.notFound.text}</p>
      <p>
        <a href="/">{texts.notFound.home}</a>
      </p>
    </>
  );
}
