/**
 * The dkfds header: the solution's name (a link to the front page), the language switch and
 * signing out, then the menu with the current page marked: the console's and the pipeline's pages
 * among its links for those whose roles give them one (session/access.ts).
 */
import { useLocation } from 'preact-iso';
import type { Texts } from '../i18n/da.ts';
import { chooseLanguage } from '../i18n/language.ts';
import { useTexts } from '../i18n/texts.tsx';
import { menuPages, type MenuPage } from '../session/access.ts';
import { signOut } from '../session/session.ts';
import { useSessionStatus } from '../session/useSession.ts';
import { usePerson } from '../session/usePerson.ts';
import { Icon } from './Icon.tsx';

/** The roles' pages in the menu: the address, the text, and the addresses it is the current page on. */
const PAGE_LINKS = {
  home: { href: '/console', text: 'consoleLink', current: /^\/console(\/inbox|\/ideas\/.*)?$/ },
  strategy: { href: '/console/strategy', text: 'strategyLink', current: /^\/console\/strategy$/ },
  gates: { href: '/console/gates', text: 'gatesLink', current: /^\/console\/gates$/ },
  pipeline: { href: '/pipeline', text: 'pipelineLink', current: /^\/pipeline/ },
} as const satisfies Record<MenuPage, { href: string; text: keyof Texts['common']; current: RegExp }>;

export function Header() {
  const { texts, language } = useTexts();
  const status = useSessionStatus();
  const { path } = useLocation();
  const { person } = usePerson();
  const other = language === 'da' ? 'en' : 'da';
  const links = [
    { href: '/', text: texts.common.submitLink, current: path === '/' },
    { href: '/mine', text: texts.common.mineLink, current: path === '/mine' },
    // The console's and the pipeline's pages for those whose roles give them one; the API decides what they may do there.
    ...(person === undefined ? [] : menuPages(person.roles)).map((page) => {
      const link = PAGE_LINKS[page];
      return { href: link.href, text: texts.common[link.text], current: link.current.test(path) };
    }),
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
                <a href={link.href} aria-current={link.current ? 'page' : undefined}>
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
