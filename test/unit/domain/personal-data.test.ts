import { describe, expect, it } from 'vitest';
import { cprBirthDate, findPersonalData, findPersonalDataInFields, type PersonalDataKind } from '../../../shared/domain/personal-data.ts';

/** What was found in `text`, as [kind, the text the span covers]: easier to read than offsets. */
function found(text: string): [PersonalDataKind, string][] {
  return findPersonalData(text).map((finding) => [finding.kind, text.slice(finding.start, finding.end)]);
}

describe('CPR numbers', () => {
  it.each([
    ['with a dash', 'Borgerens CPR-nr. er 010203-1234.', '010203-1234'],
    ['without a dash', 'CPR 0102031234 står i journalen.', '0102031234'],
    ['with a space', 'cpr: 010203 1234', '010203 1234'],
    ['with an en dash', 'Personnummer 151163–2345 skal rettes.', '151163–2345'],
    ['with spaces around the dash', 'Han har nummer 241290 - 1233.', '241290 - 1233'],
    ['right after a colon', 'CPR:2412901233', '2412901233'],
    ['in brackets', 'Jens (120456-7890) ringede.', '120456-7890'],
    ['at the very start of the text', '120456-7890 er forkert i Nexus.', '120456-7890'],
    ['at the very end of the text', 'Rettet i systemet: 120456-7890', '120456-7890'],
  ])('finds a CPR number written %s', (_how, text, cpr) => {
    // Act
    const findings = found(text);

    // Assess
    expect(findings).toEqual([['cpr', cpr]]);
  });

  it('refuses 310299-1234 as a CPR number because 31 February does not exist', () => {
    // Act, Assess
    expect(found('Nummeret 310299-1234 blev afvist.')).toEqual([]);
  });

  it('refuses a CPR number in the 13th month', () => {
    // Act, Assess
    expect(found('Nummeret 011399-1234 blev afvist.')).toEqual([]);
  });

  it('refuses day 00 and day 32', () => {
    // Act, Assess
    expect(found('000199-1234 og 320199-1234')).toEqual([]);
  });

  it('accepts 29 February 2000 when the 7th digit 4 puts the year in 2000, a leap year', () => {
    // Act, Assess
    expect(found('Født 290200-4123.')).toEqual([['cpr', '290200-4123']]);
  });

  it('refuses 29 February 1900 when the 7th digit 1 puts the year in 1900, which was no leap year', () => {
    // Act, Assess
    expect(found('Forkert: 290200-1123.')).toEqual([]);
  });

  it('accepts 29 February 1996 for any 7th digit that puts it in the 1900s', () => {
    // Act, Assess
    expect(found('290296-0123 og 290296-3123 og 290296-4123 og 290296-9123').map(([kind]) => kind)).toEqual(['cpr', 'cpr', 'cpr', 'cpr']);
  });

  it('does not check modulus 11, which numbers issued since 2007 need not pass', () => {
    // 010203-1235: the weighted sum of its digits is not divisible by 11, yet it may be a real number.
    // Act, Assess
    expect(found('010203-1235')).toEqual([['cpr', '010203-1235']]);
  });

  it('does not read a CPR number out of a longer number', () => {
    // Act, Assess
    expect(found('Konto 40102031234 og 01020312345 og 12.0102031234')).toEqual([]);
  });

  it('does not read a CPR number out of a code that starts with letters', () => {
    // Act, Assess
    expect(found('Sagen INC0102031234 er lukket.')).toEqual([]);
  });

  it.each([
    ['a P-number', 'P-nr. 1003388394 skal stå på indberetningen.'],
    ['an invoice number', 'Faktura 1503221234 er betalt to gange.'],
    ['an account number', 'Kontonummer 0102031234 er forkert.'],
    ['the account of a registration and account number', 'Reg. og konto: 1234 0102031234.'],
  ])('does not take %s whose digits make a date for a CPR number', (_what, text) => {
    // Act, Assess
    expect(found(text)).toEqual([]);
  });

  it('takes a number after "CPR-nr." for a CPR number even after an identifier word further back', () => {
    // Act, Assess
    expect(found('Sagens borger, CPR-nr. 0102031234, er flyttet.')).toEqual([['cpr', '0102031234']]);
  });

  it('does not take a dated case number with more parts for a CPR number', () => {
    // Act, Assess
    expect(found('Sagsnr. 010203-1234-01 er oprettet.')).toEqual([]);
  });
});

describe('cprBirthDate (the 7th-digit century rule)', () => {
  it.each<[number, number, number]>([
    [0, 85, 1985],
    [3, 10, 1910],
    [4, 36, 2036],
    [4, 37, 1937],
    [9, 5, 2005],
    [9, 99, 1999],
    [5, 57, 2057],
    [5, 58, 1858],
    [8, 0, 2000],
  ])('puts year %i/%i in %i', (seventh, year, expected) => {
    // Act, Assess
    expect(cprBirthDate(1, 1, year, seventh)?.year).toBe(expected);
  });

  it('gives no date for 29 February 1900 but one for 29 February 2000', () => {
    // Act, Assess
    expect(cprBirthDate(29, 2, 0, 1)).toBeUndefined();
    expect(cprBirthDate(29, 2, 0, 4)).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('gives no date for 29 February 1858 (the 1800s reach back to 1858 with digits 5–8)', () => {
    // Act, Assess
    expect(cprBirthDate(29, 2, 58, 5)).toBeUndefined();
    expect(cprBirthDate(28, 2, 58, 5)).toEqual({ year: 1858, month: 2, day: 28 });
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['a plain address', 'Skriv til jens.hansen@kommune.dk om det.', 'jens.hansen@kommune.dk'],
    ['a private address with digits and plus', 'Hendes mail er birthe+test77@gmail.com', 'birthe+test77@gmail.com'],
    ['æ, ø and å in both parts', 'Svar til søren.ærø@ålborg-kommune.dk', 'søren.ærø@ålborg-kommune.dk'],
    ['a subdomain', 'jh@skole.aarhus.dk er forkert', 'jh@skole.aarhus.dk'],
    ['upper-case letters', 'Kontakt Jens.Hansen@Kommune.DK', 'Jens.Hansen@Kommune.DK'],
    ['a mailto link', '<a href="mailto:info@borger.dk">', 'info@borger.dk'],
    ['in angle brackets', 'Fra: Jens <jens@firma.com>', 'jens@firma.com'],
  ])('finds %s', (_what, text, email) => {
    // Act, Assess
    expect(found(text)).toEqual([['email', email]]);
  });

  it('leaves the full stop that ends the sentence out of the address', () => {
    // Act, Assess
    expect(found('Skriv til jens@kommune.dk.')).toEqual([['email', 'jens@kommune.dk']]);
  });

  it.each([
    ['a mention', 'Spørg @Jens i Teams.'],
    ['a bare domain', 'Se kommune.dk/borger for mere.'],
    ['an at sign between words', 'Vi mødes @ kantinen kl. 12.'],
    ['an address without a top-level domain', 'Brugeren admin@localhost kan ikke logge ind.'],
    ['a domain whose last part is digits', 'Serveren svarer på test@10.0.0.1'],
  ])('does not take %s for an e-mail address', (_what, text) => {
    // Act, Assess
    expect(found(text)).toEqual([]);
  });

  it('reads a 4,000-character word without an at sign quickly (no catastrophic backtracking)', () => {
    // Act
    const started = performance.now();
    const findings = findPersonalData(`${'a.'.repeat(2000)} ${'x-'.repeat(1000)}@${'b-'.repeat(1000)}`);

    // Assess
    expect(findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('Danish phone numbers', () => {
  it.each([
    ['as eight digits', 'Ring til hende på 23456789.', '23456789'],
    ['in pairs', 'Hans nummer er 23 45 67 89.', '23 45 67 89'],
    ['in fours', 'Mobil 2345 6789 efter kl. 16.', '2345 6789'],
    ['with +45', 'Tlf. +45 23 45 67 89', '+45 23 45 67 89'],
    ['with +45 and no space', 'Ring +4523456789', '+4523456789'],
    ['with 0045', 'Fra udlandet: 0045 2345 6789', '0045 2345 6789'],
    ['with 0045 and no space', 'Fra udlandet: 004523456789', '004523456789'],
    ['with (+45)', 'Telefon (+45) 23456789', '(+45) 23456789'],
    ['with non-breaking spaces', 'Tlf.\u00A023\u00A045\u00A067\u00A089', '23\u00A045\u00A067\u00A089'],
    ['in pairs starting with 1 (only a phone number is grouped that way)', 'Ring 12 34 56 78', '12 34 56 78'],
    ['with dashes after a phone word', 'mobil: 12-34-56-78', '12-34-56-78'],
    ['with dots after a phone word', 'tlf. 12.34.56.78', '12.34.56.78'],
    ['in fours with a dash after a phone word', 'Telefonnummer 1234-5678', '1234-5678'],
    ['starting with 1 after a phone word', 'tlf.nr. 12345678', '12345678'],
    ['after "sms" some words back', 'Send en sms til hende på 87654321', '87654321'],
    ['in English', 'Please call her on 2345 6789.', '2345 6789'],
  ])('finds a phone number written %s', (_how, text, phone) => {
    // Act, Assess
    expect(found(text)).toEqual([['phone', phone]]);
  });

  it.each([
    ['"arbejdstid" (a word on -tid is no identifier on -id)', 'Hun kan træffes i arbejdstid på 23456789.', '23456789'],
    ['"i år"', 'Hun har fået nyt nummer i år: 23 45 67 89.', '23 45 67 89'],
    ['a phone compound on -nummer', 'Kontaktnummer: 2345 6789.', '2345 6789'],
  ])('finds a phone number after %s', (_after, text, phone) => {
    // Act, Assess
    expect(found(text)).toEqual([['phone', phone]]);
  });

  it('finds two phone numbers in one sentence', () => {
    // Act, Assess
    expect(found('Ring 23 45 67 89 eller 98 76 54 32.')).toEqual([
      ['phone', '23 45 67 89'],
      ['phone', '98 76 54 32'],
    ]);
  });

  it.each([
    ['an amount with a thousands dot', 'Det koster 12.000 kr. om året.'],
    ['an amount of eight digits in kroner', 'Budgettet er 23456789 kr.'],
    ['an amount in fours followed by kroner', 'I alt 2345 6789 kroner.'],
    ['an amount with kr. before it', 'Beløbet er kr. 2345 6789.'],
    ['an amount with thousand groups', 'Anlægget kostede 12 345 678 kr.'],
    ['a decimal amount', 'Prisen er 23.456,78 kr.'],
    ['a date with dots', 'Mødet er 12.03.2024.'],
    ['an ISO date', 'Fra 2024-03-12 gælder de nye regler.'],
    ['a compact date (yyyymmdd)', 'Filen hedder rapport_20240312.pdf og er fra 20240312.'],
    ['a compact date (ddmmyyyy)', 'Dato 24032024 står i feltet.'],
    ['two years', 'Skoleåret 2023 2024 blev svært.'],
    ['a school year with a slash', 'Skoleåret 2023/2024.'],
    ['a range of years', 'I perioden 2019-2024 steg antallet.'],
    ['a time', 'Vi mødes kl. 14.30 i mødelokale 2.'],
    ['a range of times', 'Åbent 08.00-15.30 på hverdage.'],
    ['classes', 'Gælder for 1.-3. klasse og 7. klasse.'],
    ['a postcode', 'Rådhuset ligger i 8000 Aarhus C.'],
    ['an EAN number', 'EAN-nummer 5798000123456 skal stå på fakturaen.'],
    ['a case number', 'Sagsnr. 23456789 er oprettet i SBSYS.'],
    ['a journal number', 'Journalnummer 27.00.00-A00-1-24.'],
    ['an invoice number', 'Faktura 34567890 er betalt.'],
    ['an invoice number with nr.', 'Faktura nr. 34567890 er betalt.'],
    ['a CVR number', 'Leverandøren har CVR 29189846.'],
    ['a customer number', 'Kundenummer 45678901 hos leverandøren.'],
    ['an order number', 'Ordrenr. 56789012 er leveret.'],
    ['a ticket id', 'Se INC23456789 i ServiceNow.'],
    ['a ticket with a hash', 'Se sag #23456789.'],
    ['a number starting with 0', 'Filen 01234567 mangler.'],
    ['a number starting with 1', 'Filen 12345678 mangler.'],
    ['a number of seven digits', 'Der er 2345678 poster.'],
    ['a number of nine digits', 'Der er 234567890 poster.'],
    ['a count with a unit', '23 45 67 89 borgere er berørt.'],
    ['a percentage', 'Det er 23456789% for meget.'],
    ['a foreign number', 'Ring +46 701234567 i Sverige.'],
    ['a version number', 'Version 23.45.67.89 af Nexus.'],
    ['a number inside a word', 'Printeren HP23456789X står i gangen.'],
    ['a range of four-digit numbers', 'Postnumrene 2000-2990 hører til.'],
  ])('does not take %s for a phone number', (_what, text) => {
    // Act, Assess
    expect(found(text).filter(([kind]) => kind === 'phone')).toEqual([]);
  });

  it('lets the nearest word decide: an invoice number after a phone number is still an invoice number', () => {
    // Act, Assess
    expect(found('Tlf. 23456789, faktura 34567890.')).toEqual([['phone', '23456789']]);
  });

  it('does not report a CPR number again as a phone number', () => {
    // Act, Assess
    expect(found('0102031234')).toEqual([['cpr', '0102031234']]);
  });

  it('does not report the digits of an e-mail address as a phone number', () => {
    // Act, Assess
    expect(found('Skriv til 23456789@sms.kommune.dk')).toEqual([['email', '23456789@sms.kommune.dk']]);
  });
});

describe('health conditions next to a name', () => {
  it.each([
    ['a full name and "har"', 'Jens Hansen har demens og glemmer sine piller.', 'Jens Hansen har demens'],
    ['a first name and "lider af"', 'Birthe lider af KOL.', 'Birthe lider af KOL'],
    ['a title and a surname', 'Fru Hansen har fået konstateret kræft.', 'Fru Hansen har fået konstateret kræft'],
    ['a lower-case title', 'Vi besøger fru Østergaard, som har sklerose.', 'fru Østergaard, som har sklerose'],
    ['a degree before the condition', 'Ole Jensen har svær depression.', 'Ole Jensen har svær depression'],
    ['type 2 diabetes', 'Anne-Marie Holm har type 2-diabetes.', 'Anne-Marie Holm har type 2-diabetes'],
    ['"er" and an adjective', 'Karen er dement.', 'Karen er dement'],
    ['an apposition between name and verb', 'Jens Hansen, som bor på Ærø, har kræft.', 'Jens Hansen, som bor på Ærø, har kræft'],
    ['English', 'Mary Smith has dementia.', 'Mary Smith has dementia'],
    ['a name after a department name', 'Hjemmeplejen Jens Hansen har demens, skrev de.', 'Jens Hansen har demens'],
  ])('finds %s', (_what, text, span) => {
    // Act, Assess
    expect(found(text)).toEqual([['health', span]]);
  });

  it.each([
    ['a department', 'Hjemmeplejen Øst har demens som indsatsområde.'],
    ['a compound that is a role, not a condition', 'Jens Hansen har demenskoordinatorrollen.'],
    ['a hyphenated compound', 'Birthe har diabetes-sygeplejersken med.'],
    ['a condition with no name', 'Borgeren har demens og glemmer sine piller.'],
    ['a name with no condition', 'Jens Hansen har ferie i uge 7.'],
    ['a condition further away', 'Jens Hansen skrev, at mange borgere har demens.'],
    ['a capitalised word that is no known name', 'Afdelingen har kræft som fokus i år.'],
    ['"MS" (Microsoft, not multiple sclerosis)', 'Jens har MS Teams på telefonen.'],
  ])('does not report %s', (_what, text) => {
    // Act, Assess
    expect(found(text)).toEqual([]);
  });
});

describe('offsets', () => {
  it('gives UTF-16 offsets that slice out the match when æ, ø and å come before it', () => {
    // Prepare
    const text = 'Æblegården på Østerbrogade: ring til Søren på 23 45 67 89 i dag.';

    // Act
    const [finding] = findPersonalData(text);

    // Assess
    expect(finding).toEqual({ kind: 'phone', start: 46, end: 57 });
    expect(text.slice(finding?.start, finding?.end)).toBe('23 45 67 89');
  });

  it('counts an emoji with a skin tone before the match as four UTF-16 code units, as a browser does', () => {
    // Prepare: U+1F44D U+1F3FD, two code points outside the BMP, each a surrogate pair.
    const text = '👍🏽 tak! CPR 010203-1234';

    // Act
    const [finding] = findPersonalData(text);

    // Assess
    expect(finding).toEqual({ kind: 'cpr', start: 14, end: 25 });
    expect(text.slice(finding?.start, finding?.end)).toBe('010203-1234');
  });

  it('gives offsets that still slice out the match after combining characters', () => {
    // Prepare: "å" as a + combining ring, as a form may send it before it is stored as NFC.
    const text = 'Sma\u030As mail: smaa@kommune.dk';

    // Act
    const [finding] = findPersonalData(text);

    // Assess
    expect(text.slice(finding?.start, finding?.end)).toBe('smaa@kommune.dk');
  });

  it('lists findings of different kinds in the order they occur in the text', () => {
    // Act
    const findings = findPersonalData('Mail jens@kommune.dk, CPR 010203-1234, tlf. 23456789, Jens Hansen har demens.');

    // Assess
    expect(findings.map((finding) => finding.kind)).toEqual(['email', 'cpr', 'phone', 'health']);
    expect(findings.map((finding) => finding.start)).toEqual([...findings.map((finding) => finding.start)].sort((a, b) => a - b));
  });

  it('returns kinds and offsets only, never the text found', () => {
    // Act
    const [finding] = findPersonalData('CPR 010203-1234');

    // Assess
    expect(Object.keys(finding ?? {}).sort()).toEqual(['end', 'kind', 'start']);
    expect(JSON.stringify(finding)).not.toContain('1234');
  });

  it('finds nothing in ordinary Danish text about work', () => {
    // Act, Assess
    expect(findPersonalData('Vi bruger 3 timer om ugen på at taste de samme oplysninger ind i Nexus og Cura. Det koster ca. 120.000 kr. om året.')).toEqual([]);
  });

  it('finds nothing in an empty text', () => {
    // Act, Assess
    expect(findPersonalData('')).toEqual([]);
  });
});

describe('findPersonalDataInFields', () => {
  it('names each finding’s field by its JSON Pointer, in the order the fields are given', () => {
    // Act
    const findings = findPersonalDataInFields({
      '/title': 'Ring til Jens på 23456789',
      '/description': 'Ingen personoplysninger her.',
      '/department': undefined,
      '/answer': 'CPR 010203-1234 og jens@kommune.dk',
    });

    // Assess
    expect(findings).toEqual([
      { pointer: '/title', kind: 'phone', start: 17, end: 25 },
      { pointer: '/answer', kind: 'cpr', start: 4, end: 15 },
      { pointer: '/answer', kind: 'email', start: 19, end: 34 },
    ]);
  });

  it('finds nothing when no field holds personal data', () => {
    // Act, Assess
    expect(findPersonalDataInFields({ '/text': 'Vi kigger på det i næste uge.' })).toEqual([]);
  });
});
