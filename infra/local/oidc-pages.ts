/**
 * The pages of the local OpenID provider (./oidc.ts): the sign-in page where a developer picks a
 * person and roles, the one-click sign-out page, and the error page, in Danish or English. Plain
 * HTML forms and one stylesheet of the provider's own: no script and no inline style, so the
 * strict Content-Security-Policy (PAGE_CSP) holds, as on the web pages.
 */
import { ROLES, type Role } from '../../shared/domain/roles.ts';
import type { Language } from '../../shared/domain/idea.ts';
import { explicitLanguage } from '../../shared/http/language.ts';
import { escapeHtml } from '../../shared/http/problem-page.ts';
import { DevTokenRequest } from './dev-issuer.ts';

/** Nothing runs; styles and form posts only from the runtime itself. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The headers of every page here. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A person as the sign-in page chooses one: what a development token is asked for with. */
export type Person = DevTokenRequest;

/** The people a developer can pick with one click: one of each role. */
export const READY_MADE_PEOPLE: readonly Person[] = [
  { sub: 'mette', name: 'Mette Sørensen', roles: ['employee'] },
  { sub: 'jonas', name: 'Jonas Nørgaard', roles: ['triage'] },
  { sub: 'birgitte', name: 'Birgitte Åberg', roles: ['director'] },
  { sub: 'admin', name: 'Admin', roles: ['admin'] },
];

/**
 * The page's language: `?lang=` when the page was asked in one, then the authorization request's
 * `ui_locales`, then `Accept-Language`; Danish when none says.
 */
export function pageLanguage(asked: { lang?: unknown; uiLocales?: unknown; acceptLanguage?: string | undefined }): Language {
  if (asked.lang === 'da' || asked.lang === 'en') return asked.lang;
  const uiLocales = typeof asked.uiLocales === 'string' ? explicitLanguage(asked.uiLocales.split(' ').join(',')) : undefined;
  return uiLocales ?? explicitLanguage(asked.acceptLanguage) ?? 'da';
}

const ROLE_NAMES: Record<Role, Record<Language, string>> = {
  employee: { da: 'medarbejder (employee)', en: 'employee' },
  triage: { da: 'triage (digitaliseringsteamet)', en: 'triage (the digitalisation team)' },
  director: { da: 'direktør (director)', en: 'director' },
  admin: { da: 'administrator (admin)', en: 'admin (system owner)' },
};

const TEXT = {
  da: {
    banner: 'Lokal udvikling: dette er ikke kommunens login.',
    other: { language: 'en', name: 'English' },
    signInTitle: 'Log ind på Spire – lokal udvikling',
    signInHeading: 'Log ind på Spire (lokal udviklings-login)',
    signInIntro:
      'Når Spire kører på din egen maskine, står dette login i stedet for kommunens (Entra ID). Vælg, hvem du vil være, og hvilke roller du har: her kan alle vælge alt.',
    people: 'Vælg en person',
    own: 'Eller vælg selv',
    sub: 'Id (sub)',
    name: 'Navn',
    email: 'E-mail',
    emailHint: 'Står feltet tomt, bliver adressen <id>@spire.localhost.',
    roles: 'Roller',
    rolesHint: 'Alle, der er logget ind, er medarbejdere.',
    signIn: 'Log ind',
    errorsHeading: 'Ret det markerede',
    errors: {
      sub: 'Skriv et id på 1 til 128 tegn.',
      name: 'Navnet må højst have 200 tegn.',
      email: 'Skriv en gyldig e-mailadresse, eller lad feltet stå tomt.',
      roles: 'Vælg kun blandt rollerne.',
      person: 'Den person findes ikke her. Vælg en fra listen.',
    },
    signOutTitle: 'Log ud – Spire, lokal udvikling',
    signOutHeading: 'Log ud af Spire (lokal udviklings-login)',
    signOutIntro: 'Du logges ud af den lokale udviklings-login. Næste gang vælger du igen, hvem du er.',
    signOut: 'Log ud',
    signedOutHeading: 'Du er logget ud',
    errorTitle: 'Log ind lykkedes ikke – Spire, lokal udvikling',
    errorHeading: 'Log ind lykkedes ikke',
    expired: 'Log ind er udløbet eller allerede gennemført. Start forfra fra Spire.',
    code: 'Fejlkode',
    back: 'Til Spire',
  },
  en: {
    banner: "Local development: this is not the municipality's sign-in.",
    other: { language: 'da', name: 'Dansk' },
    signInTitle: 'Sign in to Spire – local development',
    signInHeading: 'Sign in to Spire (local development sign-in)',
    signInIntro:
      "When Spire runs on your own machine, this sign-in stands in for the municipality's (Entra ID). Choose who you want to be and which roles you have: anyone may choose anything here.",
    people: 'Pick a person',
    own: 'Or choose yourself',
    sub: 'Id (sub)',
    name: 'Name',
    email: 'E-mail',
    emailHint: 'Left empty, the address becomes <id>@spire.localhost.',
    roles: 'Roles',
    rolesHint: 'Everyone signed in is an employee.',
    signIn: 'Sign in',
    errorsHeading: 'Correct what is marked',
    errors: {
      sub: 'Write an id of 1 to 128 characters.',
      name: 'The name may have at most 200 characters.',
      email: 'Write a valid e-mail address, or leave the field empty.',
      roles: 'Choose only among the roles.',
      person: 'There is no such person here. Pick one from the list.',
    },
    signOutTitle: 'Sign out – Spire, local development',
    signOutHeading: 'Sign out of Spire (local development sign-in)',
    signOutIntro: 'You sign out of the local development sign-in. Next time you choose again who you are.',
    signOut: 'Sign out',
    signedOutHeading: 'You are signed out',
    errorTitle: 'Sign-in failed – Spire, local development',
    errorHeading: 'Sign-in failed',
    expired: 'The sign-in has expired or is already complete. Start again from Spire.',
    code: 'Error code',
    back: 'To Spire',
  },
} as const;

export type SignInField = keyof (typeof TEXT)['da']['errors'];

/** The free choice as typed, to show again beside what is wrong with it. */
export interface SignInForm {
  sub?: string;
  name?: string;
  email?: string;
  roles?: readonly string[];
}

/** The person the sign-in form chose (a ready-made one, or a free choice), or what is wrong with it. */
export function readSignInForm(form: URLSearchParams): { person: Person } | { errors: SignInField[]; values: SignInForm } {
  const picked = form.get('person');
  if (picked !== null) {
    const person = READY_MADE_PEOPLE.find((candidate) => candidate.sub === picked);
    return person === undefined ? { errors: ['person'], values: {} } : { person };
  }
  const values = { sub: form.get('sub') ?? '', name: form.get('name') ?? '', email: form.get('email') ?? '', roles: form.getAll('roles') };
  const parsed = DevTokenRequest.safeParse({
    sub: values.sub,
    ...(values.name.trim() === '' ? {} : { name: values.name }),
    ...(values.email.trim() === '' ? {} : { email: values.email.trim() }),
    ...(values.roles.length === 0 ? {} : { roles: values.roles }),
  });
  if (parsed.success) return { person: parsed.data };
  const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return { errors: (['sub', 'name', 'email', 'roles'] as const).filter((field) => fields.has(field)), values };
}

/** What every page needs besides its content: its language, and where the same page in the other language, the stylesheet and Spire are. */
export interface PageFrame {
  language: Language;
  otherLanguageHref: string;
  stylesheetHref: string;
  /** Spire's front page, for a way back. */
  home: string;
}

function page(frame: PageFrame, title: string, main: string): string {
  const text = TEXT[frame.language];
  return [
    '<!doctype html>',
    `<html lang="${frame.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(frame.stylesheetHref)}">`,
    '</head>',
    '<body>',
    '<header class="banner">',
    `<p><strong>${escapeHtml(text.banner)}</strong></p>`,
    `<p><a href="${escapeHtml(frame.otherLanguageHref)}" lang="${text.other.language}" hreflang="${text.other.language}">${text.other.name}</a></p>`,
    '</header>',
    '<main>',
    main,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function rolesOf(person: Person, language: Language): string {
  return person.roles.map((role) => ROLE_NAMES[role][language]).join(', ');
}

/** The sign-in page: the ready-made people, then the free choice; `errors` marks what was wrong with a choice sent. */
export function signInPage(frame: PageFrame, options: { action: string; errors?: readonly SignInField[]; values?: SignInForm }): string {
  const { language } = frame;
  const { action } = options;
  const text = TEXT[language];
  const errors = new Set(options.errors ?? []);
  const values = options.values ?? {};
  const chosenRoles = new Set(values.roles ?? ['employee']);

  const errorLine = (field: SignInField) => (errors.has(field) ? `<p id="${field}-error" class="error">${escapeHtml(text.errors[field])}</p>` : '');
  const textField = (field: 'sub' | 'name' | 'email', attributes: string) => {
    const describedBy = [...(field === 'email' ? ['email-hint'] : []), ...(errors.has(field) ? [`${field}-error`] : [])].join(' ');
    return [
      '<div class="field">',
      `<label for="${field}">${escapeHtml(text[field])}</label>`,
      field === 'email' ? `<p id="email-hint" class="hint">${escapeHtml(text.emailHint)}</p>` : '',
      errorLine(field),
      `<input id="${field}" name="${field}" ${attributes} value="${escapeHtml(values[field] ?? '')}"${errors.has(field) ? ' aria-invalid="true"' : ''}${
        describedBy === '' ? '' : ` aria-describedby="${describedBy}"`
      }>`,
      '</div>',
    ]
      .filter((line) => line !== '')
      .join('\n');
  };

  const summary =
    errors.size === 0
      ? []
      : [
          '<div class="errors" role="alert" aria-labelledby="errors-heading">',
          `<h2 id="errors-heading">${escapeHtml(text.errorsHeading)}</h2>`,
          '<ul>',
          ...[...errors].map((field) => `<li><a href="#${field === 'person' ? 'people-heading' : field === 'roles' ? 'role-employee' : field}">${escapeHtml(text.errors[field])}</a></li>`),
          '</ul>',
          '</div>',
        ];

  const main = [
    `<h1>${escapeHtml(text.signInHeading)}</h1>`,
    `<p>${escapeHtml(text.signInIntro)}</p>`,
    ...summary,
    '<section aria-labelledby="people-heading">',
    `<h2 id="people-heading">${escapeHtml(text.people)}</h2>`,
    `<form method="post" action="${escapeHtml(action)}">`,
    '<ul class="people">',
    ...READY_MADE_PEOPLE.map(
      (person) => `<li><button type="submit" name="person" value="${escapeHtml(person.sub)}">${escapeHtml(person.name ?? person.sub)} — ${escapeHtml(rolesOf(person, language))}</button></li>`,
    ),
    '</ul>',
    '</form>',
    '</section>',
    '<section aria-labelledby="own-heading">',
    `<h2 id="own-heading">${escapeHtml(text.own)}</h2>`,
    `<form method="post" action="${escapeHtml(action)}">`,
    textField('sub', 'type="text" required maxlength="128" autocomplete="off" spellcheck="false"'),
    textField('name', 'type="text" maxlength="200" autocomplete="off"'),
    textField('email', 'type="email" autocomplete="off" spellcheck="false"'),
    `<fieldset${errors.has('roles') ? ' aria-describedby="roles-error"' : ''}>`,
    `<legend>${escapeHtml(text.roles)}</legend>`,
    `<p class="hint">${escapeHtml(text.rolesHint)}</p>`,
    errorLine('roles'),
    ...ROLES.map((role) =>
      [
        '<div class="choice">',
        `<input type="checkbox" id="role-${role}" name="roles" value="${role}"${chosenRoles.has(role) ? ' checked' : ''}>`,
        `<label for="role-${role}">${escapeHtml(ROLE_NAMES[role][language])}</label>`,
        '</div>',
      ].join('\n'),
    ),
    '</fieldset>',
    `<button type="submit">${escapeHtml(text.signIn)}</button>`,
    '</form>',
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return page(frame, text.signInTitle, main);
}

/** The sign-out page: one button, which submits the provider's own form (`form`, id op.logoutForm, with its xsrf token). */
export function signOutPage(frame: PageFrame, form: string): string {
  const text = TEXT[frame.language];
  const main = [
    `<h1>${escapeHtml(text.signOutHeading)}</h1>`,
    `<p>${escapeHtml(text.signOutIntro)}</p>`,
    form,
    `<button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(text.signOut)}</button>`,
  ].join('\n');
  return page(frame, text.signOutTitle, main);
}

/** The page after a sign-out that named no page to return to. */
export function signedOutPage(frame: PageFrame): string {
  const text = TEXT[frame.language];
  return page(frame, text.signedOutHeading, [`<h1>${escapeHtml(text.signedOutHeading)}</h1>`, `<p><a href="${escapeHtml(frame.home)}">${escapeHtml(text.back)}</a></p>`].join('\n'));
}

/** A failed sign-in: the OAuth error as the provider gives it, or (without one) an expired or finished sign-in. */
export function errorPage(frame: PageFrame, error?: { code: string; description?: string }): string {
  const text = TEXT[frame.language];
  const main = [
    `<h1>${escapeHtml(text.errorHeading)}</h1>`,
    ...(error === undefined
      ? [`<p>${escapeHtml(text.expired)}</p>`]
      : [...(error.description === undefined ? [] : [`<p>${escapeHtml(error.description)}</p>`]), `<p>${escapeHtml(text.code)}: <code>${escapeHtml(error.code)}</code></p>`]),
    `<p><a href="${escapeHtml(frame.home)}">${escapeHtml(text.back)}</a></p>`,
  ].join('\n');
  return page(frame, text.errorTitle, main);
}

/** The pages' stylesheet: readable, with a focus that is always visible. */
export const STYLESHEET = `:root { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0; }
.banner { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; padding: 0 1rem; background: #fff4ce; border-bottom: 3px solid #7a5c00; }
main { max-width: 40rem; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: #004b9a; }
button { font: inherit; padding: 0.6rem 1rem; border: 2px solid #004b9a; border-radius: 4px; background: #004b9a; color: #fff; cursor: pointer; }
.people { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
.people button { width: 100%; text-align: left; background: #fff; color: #004b9a; }
.field { margin: 1rem 0; }
label { font-weight: 600; }
.field label { display: block; }
input[type='text'], input[type='email'] { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; border: 2px solid #555; border-radius: 4px; }
fieldset { margin: 1rem 0; border: 2px solid #bbb; border-radius: 4px; }
legend { font-weight: 600; }
.choice { display: flex; align-items: center; gap: 0.5rem; margin: 0.25rem 0; }
.choice label { font-weight: normal; }
input[type='checkbox'] { width: 1.25rem; height: 1.25rem; }
.hint { margin: 0; color: #444; }
.error { margin: 0; color: #b00020; font-weight: 600; }
[aria-invalid='true'] { border-color: #b00020; }
.errors { margin: 1rem 0; padding: 0 1rem; border: 3px solid #b00020; }
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd400; }
`;
