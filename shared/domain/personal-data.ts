/**
 * Personal data in free text: CPR numbers, e-mail addresses, Danish phone numbers, and a name
 * followed by a health condition ("Jens Hansen har demens"). Employees write about citizens; the
 * intake warns the submitter, and triage must confirm before such text is stored and sent
 * (docs/personal-data-detection.md).
 *
 * Pure: no I/O, no Node APIs, no dependencies, so the web pages can run the same code in the
 * browser. A finding is a kind and a span: `start` and `end` are UTF-16 offsets into the text
 * given (JavaScript string indices, `text.slice(start, end)`), so a form can highlight them as
 * they are. A finding never carries the matched text, so it can be logged and returned without
 * repeating what it points at.
 *
 * Regular expressions find candidates; each is then validated (a CPR number's date, a phone
 * number's grouping and the words around it). Findings do not overlap: where two would, the
 * kind earlier in PERSONAL_DATA_KINDS wins (a CPR number is not also a phone number).
 */

export const PERSONAL_DATA_KINDS = ['cpr', 'email', 'phone', 'health'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** UTF-16 offset of the first code unit of the match. */
  start: number;
  /** UTF-16 offset just after the match. */
  end: number;
}

/** A finding in one field of a request body; `pointer` is the field's JSON Pointer (RFC 6901), e.g. `/description`. */
export interface FieldFinding extends PersonalDataFinding {
  pointer: string;
}

/** Every finding in `text`, in the order they occur. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const candidates of [findCprNumbers(text), findEmailAddresses(text), findPhoneNumbers(text), findHealthMentions(text)]) {
    for (const candidate of candidates) {
      if (!findings.some((kept) => candidate.start < kept.end && kept.start < candidate.end)) findings.push(candidate);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The findings in several fields of one request, keyed by JSON Pointer (`{ '/title': …,
 * '/description': … }`), in the order the fields are given; fields left out (undefined) have none.
 */
export function findPersonalDataInFields(fields: Readonly<Record<string, string | undefined>>): FieldFinding[] {
  return Object.entries(fields).flatMap(([pointer, text]) =>
    text === undefined ? [] : findPersonalData(text).map((finding) => ({ pointer, ...finding })),
  );
}

// --- CPR numbers ---------------------------------------------------------------------------------

/**
 * ddmmyy-xxxx or ddmmyyxxxx (also with a space, or a dash with spaces around it), not inside a
 * longer number or word: not "12.0102031234", "0102031234-5", "INC0102031234" or the account of
 * "1234 0102031234" (a bank's registration number and an account number). A number whose
 * date is a day is a CPR number unless the word before it names another kind of number ("P-nr.
 * 1003388394", "faktura 1503221234"; see cueBefore).
 */
const CPR = /(?<![\p{L}\p{N}_]|\p{N}[.,/:\- \u00A0])(\d{2})(\d{2})(\d{2})(?:[ \u00A0]?[-\u2010\u2011\u2012\u2013][ \u00A0]?|[ \u00A0])?(\d{4})(?![\p{L}\p{N}_]|[.,/:\-\u2013]\p{N})/gu;

function findCprNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(CPR)) {
    const [all, day, month, year, serial] = match as unknown as [string, string, string, string, string];
    if (cprBirthDate(Number(day), Number(month), Number(year), Number(serial[0])) === undefined) continue;
    if (cueBefore(text, match.index) === 'identifier') continue;
    findings.push({ kind: 'cpr', start: match.index, end: match.index + all.length });
  }
  return findings;
}

/**
 * The birth date a CPR number stands for, or undefined when there is no such day. The century
 * comes from the 7th digit (the first of the serial number), as the CPR office assigns it:
 * 0–3: 1900–1999; 4 and 9: 2000–2036 for years 00–36, else 1900s; 5–8: 2000–2057 for years
 * 00–57, else 1858–1899. So 290200-4xxx (2000, a leap year) is a day and 290200-1xxx (1900, not
 * a leap year) is not. There is no modulus-11 check: numbers issued since 2007 need not pass it.
 */
export function cprBirthDate(day: number, month: number, twoDigitYear: number, seventhDigit: number): { year: number; month: number; day: number } | undefined {
  let century: number;
  if (seventhDigit <= 3) century = 1900;
  else if (seventhDigit === 4 || seventhDigit === 9) century = twoDigitYear <= 36 ? 2000 : 1900;
  else century = twoDigitYear <= 57 ? 2000 : 1800;
  const year = century + twoDigitYear;
  return isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// --- E-mail addresses ----------------------------------------------------------------------------

/**
 * local@domain.tld, with letters of any script (æøå too) in both parts; the local part does not
 * start or end with a dot, each domain label is 1–63 letters, digits or inner hyphens, and the
 * top-level domain is 2–24 letters. A sentence's full stop after the address is not part of it.
 * The quantifiers are bounded, and a match may only start where a word starts, so a long text
 * without an "@" is read in linear time.
 */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

function findEmailAddresses(text: string): PersonalDataFinding[] {
  return [...text.matchAll(EMAIL)].map((match) => ({ kind: 'email' as const, start: match.index, end: match.index + match[0].length }));
}

// --- Danish phone numbers ------------------------------------------------------------------------

/**
 * A run of digit groups joined by one separator each ("12 34 56 78", "12.000", "2024-03-12",
 * "14.30"), with an optional +45 or (+45) in front. Each run is judged as a whole, so a phone
 * number is never read out of a longer number, an amount or a date.
 */
const NUMBER_RUN = /(\(\+45\)[ \u00A0\u202F]?|\+45[ \u00A0\u202F]?)?\d+(?:[ \u00A0\u202F.,:/\-\u2013]\d+)*/gu;
const SPACE = /^[ \u00A0\u202F]$/u;

/**
 * Words that make the number after them a phone number: tlf., telefon…, mobil…, ring…, sms…,
 * phone, call, and the compounds on -nummer that name a phone number (arbejdsnummer,
 * hovednummer, kontaktnummer…; other -nummer words name identifiers, see cueBefore).
 */
const PHONE_CUE = /^(?:tlf|tel|telefon\p{L}*|mobil\p{L}*|mob|fastnet\p{L}*|(?:lokal|arbejds|hoved|privat|kontakt|vagt|nød|direkte|omstillings|hotline|støtte)(?:nr|nummer|nummeret|numre)|ring|ringe|ringer|ringes|ringede|ringet|sms|sms'e|sms'er|smse|phone|mobile|cell|call|calls|text|tlf\.?nr|tel\.?nr)$/u;

/** Words that make a number after them something else: a case, an invoice, an account, an amount, an id (see cueBefore). */
const IDENTIFIER_WORDS = new Set([
  'cvr', 'ean', 'gln', 'sag', 'sagen', 'sager', 'sags', 'journal', 'jnr', 'faktura', 'fakturaen', 'fakturaer',
  'ordre', 'ordren', 'konto', 'kontoen', 'reg', 'bilag', 'bilaget', 'ref', 'reference', 'referencen', 'id', 'ticket', 'inc',
  'sr', 'ritm', 'version', 'kr', 'dkk', 'eur', 'euro', 'usd', 'beløb', 'beløbet', 'matr', 'matrikel', 'pin', 'kode',
  'koden', 'password', 'licens', 'serie', 'serial', 'invoice', 'case', 'order', 'account', 'po', 'rekvisition', 'projekt',
  'kl', 'klokken', 'kundenr', 'løn', 'lønnr', 'stilling',
  'stillingsnr', 'bestilling', 'budget', 'budgettet', 'kontrakt', 'kontrakten', 'udbud', 'udbuddet', 'bbr', 'esdh', 'sbsys',
]);

/** Words after a number that make it an amount or a count. */
const UNIT_WORDS = new Set([
  'kr', 'kroner', 'dkk', 'eur', 'euro', 'mio', 'mia', 'procent', 'pct', 'timer', 'time', 't', 'min', 'minutter', 'sek', 'sekunder',
  'dage', 'dag', 'uger', 'måneder', 'år', 'stk', 'personer', 'borgere', 'elever', 'børn', 'medarbejdere', 'ansatte', 'brugere',
  'sager', 'km', 'm', 'm2', 'm²', 'kvm', 'kg', 'gb', 'mb', 'tb', 'kwh', 'mwh', 'liter', 'l', 'hours', 'minutes', 'days', 'weeks',
  'people', 'users', 'pupils', 'staff', 'cases', 'kilometer', 'meter', 'ton', 'tons', 'sider', 'pages', 'ark', 'stykker',
]);

/** The groupings Danes write an eight-digit number in. */
const GROUPINGS = ['8', '4 4', '2 2 2 2'];

function findPhoneNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isPhoneNumber(text, start, end, match[1] !== undefined)) findings.push({ kind: 'phone', start, end });
  }
  return findings;
}

function isPhoneNumber(text: string, start: number, end: number, prefixed: boolean): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  // Part of a word or code ("A12345678", "12345678kr"), a foreign or odd prefix ("+46", "#12345678"), a percentage.
  if (/[\p{L}\p{N}_+#§€$£%]/u.test(before) || /[\p{L}_%]/u.test(after)) return false;

  // Split into digit groups and the separators between them; strip a +45 / 0045 prefix.
  let body = text.slice(start, end);
  let international = prefixed;
  if (prefixed) body = body.replace(/^\(?\+45\)?[ \u00A0\u202F]?/u, '');
  const groups = body.split(/[^\d]/u);
  const separators = body.match(/[^\d]/gu) ?? [];
  if (!international && groups[0] !== undefined && groups[0].startsWith('0045')) {
    if (groups[0] === '0045' && groups.length > 1) {
      groups.shift();
      separators.shift();
      international = true;
    } else if (groups[0].length === 12 && groups.length === 1) {
      groups[0] = groups[0].slice(4);
      international = true;
    }
  }
  if (!GROUPINGS.includes(groups.map((group) => group.length).join(' '))) return false;
  const digits = groups.join('');

  // Spaces between groups, or one kind of dash or dot all through ("12-34-56-78") after a phone word.
  const spaced = separators.every((separator) => SPACE.test(separator));
  const uniform = separators.length > 0 && separators.every((separator) => separator === separators[0] && /[-.\u2013]/u.test(separator));
  if (!spaced && !uniform) return false;
  if (nextWordIsUnit(text, end)) return false;

  const cue = cueBefore(text, start);
  const certain = international || cue === 'phone';
  if (!spaced && !certain) return false;
  if (certain) return true;
  if (cue === 'identifier' || cue === 'cpr') return false;

  // No phone word: judge the number by itself. Danish numbers start with 2–9; "12 34 56 78" is
  // grouped as only a phone number is, so a first digit 1 is taken there too (never 0).
  const grouping = groups.length;
  if (digits[0] === '0' || (digits[0] === '1' && grouping !== 4)) return false;
  if (grouping === 1 && looksLikeDate(digits)) return false;
  if (grouping === 2 && isYear(groups[0] as string) && isYear(groups[1] as string)) return false;
  return true;
}

function nextWordIsUnit(text: string, end: number): boolean {
  const word = /^[ \u00A0\u202F]*([\p{L}²\d]+)/u.exec(text.slice(end, end + 24))?.[1];
  return word !== undefined && UNIT_WORDS.has(word.toLowerCase());
}

/**
 * What the nearest telling word before a number says it is, looking back over at most four words
 * and not past another number: "tlf. 12345678" is a phone number; "CPR-nr. 0102031234" a CPR
 * number; "sagsnr. 12345678", "P-nr. 1003388394" and "kr. 1234 5678" identifiers or amounts. A
 * word ending in -nr/-nummer/-number/-id (not -tid, -lid: "arbejdstid") that is not a phone or
 * CPR word makes it an identifier; "nr." or "nummer" alone says nothing, and the next word back
 * is read. Other words say nothing either way.
 */
function cueBefore(text: string, start: number): 'phone' | 'cpr' | 'identifier' | undefined {
  let window = text.slice(Math.max(0, start - 48), start);
  const lastDigit = window.search(/\d[^\d]*$/u);
  if (lastDigit >= 0) window = window.slice(lastDigit + 1);
  const words = (window.toLowerCase().match(/\p{L}[\p{L}.'-]*/gu) ?? []).slice(-4).reverse();
  for (const raw of words) {
    const word = raw.replace(/[.'-]+$/u, '');
    if (PHONE_CUE.test(word) || /^(?:tlf|telefon|mobil|tel)/u.test(word)) return 'phone';
    if (/^(?:cpr[\p{L}.-]*|personnummer\p{L}*|personnr|pers\.nr|persnr|ssn|social)$/u.test(word)) return 'cpr';
    if (word === 'nr' || word === 'nummer' || word === 'no' || word === 'number') continue;
    const plain = word.replace(/[.'-]/gu, '');
    if (IDENTIFIER_WORDS.has(word) || IDENTIFIER_WORDS.has(plain) || /(?:nr|nummer|numre|number|(?<![tl])id)$/u.test(plain)) return 'identifier';
  }
  return undefined;
}

/** yyyymmdd or ddmmyyyy in 1900–2099: a date, not a phone number, when no phone word says otherwise. */
function looksLikeDate(digits: string): boolean {
  const n = (from: number, length: number) => Number(digits.slice(from, from + length));
  const yearFirst = n(0, 4) >= 1900 && n(0, 4) <= 2099 && isCalendarDay(n(0, 4), n(4, 2), n(6, 2));
  const yearLast = n(4, 4) >= 1900 && n(4, 4) <= 2099 && isCalendarDay(n(4, 4), n(2, 2), n(0, 2));
  return yearFirst || yearLast;
}

function isYear(group: string): boolean {
  const year = Number(group);
  return year >= 1900 && year <= 2099;
}

// --- Health conditions next to a name -----------------------------------------------------------

/**
 * Common first names in Denmark (Danmarks Statistik's most frequent, and names common among
 * Danes of other origins), plus a few English ones. A health finding needs a name from this list
 * or a title (fru, hr., Mr, Mrs, Ms) in front of a capitalised name: capitalised words alone
 * would take "Hjemmeplejen Øst har demens…" for a person.
 */
const FIRST_NAMES = new Set(
  (
    'Aage Abdi Abdullah Adam Agnes Ahmad Ahmed Aisha Albert Alberte Alexander Alfred Ali Alice Allan Alma Amalie Amanda Amir Ana ' +
    'Andrea Anders Andreas Ane Anette Anita Anja Anker Ann Anna Anne Annette Annie Ansgar Anton Arne Asger Asta Astrid August Aya ' +
    'Ayse Bashir Benjamin Bent Bente Bettina Birgit Birgitte Birthe Bjarne Bo Britt Brian Camilla Carl Carina Carsten Caroline ' +
    'Cecilie Charlotte Christa Christian Christina Christine Claus Conny Dan Daniel David Dennis Dorte Dorthe Ebba Edith Egon Einar ' +
    'Ejner Elin Elisabeth Ella Ellen Elna Else Emil Emilie Emma Erik Erling Esben Ester Esther Eva Ferdinand Fatima Fie Finn Flemming ' +
    'Frank Freja Frederik Frida Gitte Grethe Gudrun Gunnar Gustav Hanne Hans Hassan Hedda Helen Helene Helga Helle Henning Henrik ' +
    'Herdis Holger Hussein Ib Ida Inge Inger Ingrid Irene Iris Jacob Jakob James Jan Jane Jannie Jens Jeppe Jesper Jette Joan ' +
    'Johan Johanne Johannes John Jonas Jonathan Jonna Jytte Jørgen Jørn Kaj Karen Karin Karl Karla Karsten Kasper Katrine Kenneth ' +
    'Kent Kim Kirsten Kirstine Klaus Knud Kristian Kristina Kurt Laila Lars Lasse Laura Lauge Laurits Lea Leif Lene Lilly Lina ' +
    'Line Linda Lis Lisbeth Lise Lone Lotte Louise Lucas Lukas Magnus Maja Malene Malthe Margit Margrethe Maria Marianne Marie ' +
    'Martin Mary Mathias Mathilde Mette Michael Mikkel Mille Mogens Mohamed Mohammad Mohammed Molly Morten Nanna Nicolai Niels ' +
    'Nikolaj Nina Noah Nora Ole Oliver Omar Oscar Oskar Otto Ove Palle Peter Per Pernille Poul Preben Rasmus Rikke Rita Robert ' +
    'Rune Ruth Sara Sarah Sebastian Signe Simon Sofie Sofia Solveig Sonja Steen Sten Stig Susanne Svend Sven Søren Thomas Tina ' +
    'Tobias Tom Tommy Tove Troels Ulla Ulrik Valdemar Vera Victor Viggo Vilhelm Villads William Winnie Yusuf Zainab Åse Aase'
  ).split(' '),
);

const TITLES = /^(?:fru|frk|hr|herr|mr|mrs|ms|miss|dr)\.?$/iu;

/** A run of capitalised words ("Jens Hansen", "Anne-Marie Østergaard"), where a person's name may be. */
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \u00A0]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)*/gu;

/**
 * What may follow a name for a health finding, read case-insensitively from the name's end: an
 * optional apposition (", som bor på Ærø,") or relative pronoun (", som …", ", who …"), a verb
 * ("har", "lider af", "er diagnosticeret med", "has", "suffers from"), an optional article and
 * degree, and a condition as a whole word, so "demenskoordinator" and "diabetes-sygeplejersken"
 * are not conditions; a compound ending in one of a few heads is ("brystkræft",
 * "alkoholmisbrug", "leddegigt", "hjertesygdom"). Or "er"/"is" and a word for a person with a
 * condition ("er dement", "is diabetic").
 */
const HEALTH_AFTER_NAME = new RegExp(
  String.raw`(?:,[^,.!?\n]{1,40},|,?[ \u00A0]+(?:som|der|who)|,)?[ \u00A0]+` +
    String.raw`(?:(?:har|havde|har fået|fik|lider af|led af|er ramt af|blev ramt af|har fået konstateret|fik konstateret|er diagnosticeret med|blev diagnosticeret med|er i behandling for|has|had|suffers from|suffered from|is diagnosed with|was diagnosed with|has been diagnosed with|is being treated for)` +
    String.raw`[ \u00A0]+(?:(?:en|et|a|an)[ \u00A0]+)?(?:(?:svær|svært|let|fremskreden|fremskredent|begyndende|moderat|kronisk|alvorlig|alvorligt|severe|mild|early|advanced|chronic|type[ \u00A0]?[12][ \u00A0\-]?)[ \u00A0]*)?` +
    String.raw`(?:\p{L}{0,15}(?:kræft|cancer|misbrug|sklerose|demens|gigt|sygdom|lidelse)|demens|alzheimers?|parkinsons?|sklerose|dissemineret sklerose|diabetes|sukkersyge|kræft|cancer|leukæmi|epilepsi|depression|angstlidelse|skizofreni|bipolar lidelse|psykose|autisme|adhd|kol|astma|hjertesvigt|hjerneskade|blodprop|apopleksi|alkoholmisbrug|stofmisbrug|misbrug|hiv|aids|hepatitis|tuberkulose|spiseforstyrrelse|anoreksi|bulimi|ptsd|ocd|cerebral parese|udviklingshæmning|handicap|psykisk lidelse|kræftsygdom|dementia|alzheimer's|parkinson's|multiple sclerosis|epilepsy|schizophrenia|autism|copd|asthma|heart failure|brain injury|stroke|eating disorder|anorexia|addiction|disability|mental illness)` +
    String.raw`|(?:er|blev|is|was)[ \u00A0]+(?:dement|diabetiker|alkoholiker|misbruger|epileptiker|autist|autistisk|psykisk syg|kræftsyg|hjerneskadet|udviklingshæmmet|terminalt syg|gravid|diabetic|pregnant|terminally ill|epileptic|autistic))` +
    String.raw`(?![\p{L}\p{N}\-])`,
  'iuy',
);

function findHealthMentions(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const start = nameStart(text, run.index, run[0]);
    if (start === undefined) continue;
    HEALTH_AFTER_NAME.lastIndex = run.index + run[0].length;
    const condition = HEALTH_AFTER_NAME.exec(text);
    if (condition !== null) findings.push({ kind: 'health', start, end: condition.index + condition[0].length });
  }
  return findings;
}

/**
 * Where the person's name begins in a run of capitalised words: at its first known first name
 * ("Hjemmeplejen Jens Hansen" → "Jens Hansen"), or at a title before a capitalised name ("fru
 * Hansen", "Fru Hansen"); undefined when the run names nobody.
 */
function nameStart(text: string, runStart: number, run: string): number | undefined {
  const words = run.split(/[ \u00A0]/u);
  const title = /(?<!\p{L})(\p{L}+\.?)[ \u00A0]+$/u.exec(text.slice(Math.max(0, runStart - 12), runStart));
  if (title !== null && TITLES.test(title[1] as string)) return runStart - title[0].length;
  let offset = runStart;
  for (const [index, word] of words.entries()) {
    const first = word.split('-')[0] as string;
    if (FIRST_NAMES.has(first)) return offset;
    if (TITLES.test(word) && index < words.length - 1) return offset;
    offset += word.length + 1;
  }
  return undefined;
}
