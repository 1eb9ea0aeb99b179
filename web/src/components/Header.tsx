/**
 * The dkfds header: the solution's name (a link to the front page), the language switch and
 * signing out, then the menu with the current page marked.
 */
import { useLocation } from 'preact-iso';
import { chooseLanguage } from '../i18n/language.ts';
import { useTexts } from '../i18n/texts.tsx';
import { signOut } from '../session/session.ts';
import { useSessionStatus } from '../session/useSession.ts';
import { usePerson } from '../session/usePerson.ts';
import { consoleAccess } from '../pages/console/access.ts';
import { Icon } from './Icon.tsx';

export function Header() {
  const { texts, language } = useTexts();
  const status = useSessionStatus();
  const { path } = useLocation();
  const { person } = usePerson();
  const other = language === 'da' ? 'en' : 'da';
  const links = [
    { href: '/', text: texts.common.submitLink },
    { href: '/mine', text: texts.common.mineLink },
    // The console for those whose roles give them one; the API decides what they may do there.
    ...(person !== undefined && consoleAccess(person.roles) !== 'none' ? [{ href: '/console', text: texts.console.link }] : []),
  ];

  return (
    <header class="header">
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href="/" aria-label={texts.common.homeLabel}>
              {texts.common.appName}
            </a>
          </div>
          <div class="spire-header-actions">
            <button type="button" class="function-link" lang={other} onClick={() => chooseLanguage(other)}>
              <Icon name="language" />
              {texts.language.other}
            </button>
            {status === 'signed-in' ? (
              <button type="button" class="function-link" onClick={() => void signOut()}>
                <Icon name="lock" />
                {texts.common.signOut}
              </button>
            ) : null}
          </div>
        </div>
      </div>
      <nav class="spire-menu" aria-label={texts.common.menu}>
        <div class="container">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={path === link.href || (link.href === '/console' && /^\/console(\/inbox|\/ideas\/.*)?$/.test(path)) ? 'page' : undefined}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}
