/**
 * A page's `<h1>`, which also names the browser tab (`<title>`). After a move within the pages
 * (not on the first page shown) it takes the focus, so a screen reader announces the new page
 * and the next Tab starts from its top, as after a full page load.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useTexts } from '../i18n/texts.tsx';

let firstHeadingShown = false;

export function PageHeading({ children }: { children: string }) {
  const { texts } = useTexts();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = texts.common.pageTitle(children);
  }, [children, texts]);
  useEffect(() => {
    if (firstHeadingShown) ref.current?.focus();
    firstHeadingShown = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
