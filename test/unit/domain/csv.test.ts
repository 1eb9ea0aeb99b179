import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvLine, LINE_END, pilotCsvHeader, pilotCsvLine, SEPARATOR } from '../../../shared/domain/csv.ts';
import { pilotRow, type PilotRow } from '../../../shared/domain/pilot-lists.ts';
import { IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { aPilotIn, PILOT_ID } from '../support/pilots.ts';

describe('csvField', () => {
  it.each([
    ['Færre dobbeltregistreringer', 'Færre dobbeltregistreringer'],
    ['Ældre og sundhed, Åbyhøj', 'Ældre og sundhed, Åbyhøj'],
    ['', ''],
  ])('leaves plain text %j as it is', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    ['a;b', '"a;b"'],
    ['Hun sagde "nej"', '"Hun sagde ""nej"""'],
    ['"', '""""'],
    ['første linje\nanden linje', '"første linje\nanden linje"'],
    ['første linje\r\nanden linje', '"første linje\r\nanden linje"'],
    ['kun\rCR', '"kun\rCR"'],
  ])('quotes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@kommune', "'@kommune"],
    ['\tfane', "'\tfane"],
  ])('defuses text that Excel would run as a formula: %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('defuses a formula and quotes it when it also holds a separator or quote', () => {
    // Act
    const field = csvField('=HYPERLINK("https://ond.example";"klik")');

    // Assess
    expect(field).toBe('"\'=HYPERLINK(""https://ond.example"";""klik"")"');
  });

  it('defuses a leading carriage return and quotes it', () => {
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it.each(['Borger=kunde', 'a+b', 'tids-registrering', 'mail@kommune.example'])('leaves %j alone, where the sign is not first', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it.each([
    [1200, '1200'],
    [0, '0'],
    [12.5, '12,5'],
    [-3.25, '-3,25'],
    [0.1, '0,1'],
  ])('writes the number %d with a decimal comma: %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('writes undefined as an empty field', () => {
    expect(csvField(undefined)).toBe('');
  });
});

describe('csvLine', () => {
  it('joins the fields with semicolons and ends the line with CRLF', () => {
    // Act
    const line = csvLine(['Id', 12.5, undefined, 'a;b']);

    // Assess
    expect(line).toBe('Id;12,5;;"a;b"\r\n');
    expect(SEPARATOR).toBe(';');
    expect(LINE_END).toBe('\r\n');
  });

  it('writes an empty line for no fields', () => {
    expect(csvLine([])).toBe('\r\n');
  });
});

describe('pilotCsvHeader', () => {
  it('starts with the byte order mark, so Excel reads æ, ø and å', () => {
    // Act
    const header = pilotCsvHeader('da');

    // Assess
    expect(BOM).toBe('\uFEFF');
    expect(header.startsWith('\uFEFF')).toBe(true);
    expect(header.charCodeAt(0)).toBe(0xfeff);
  });

  it('names the columns in Danish', () => {
    // Act
    const header = pilotCsvHeader('da');

    // Assess
    expect(header).toBe(
      '\uFEFFId;Titel;Fase;I fasen siden;Afdeling;Temaer;Ejer;Risiko;Forventede timer pr. år;Realiserede timer pr. år;Engangsudgift (kr.);Årlig udgift (kr.);Afventer til;Idéer;Oprettet;Opdateret\r\n',
    );
  });

  it('names the columns in English', () => {
    // Act
    const header = pilotCsvHeader('en');

    // Assess
    expect(header).toBe(
      '\uFEFFId;Title;Stage;In stage since;Department;Themes;Owner;Risk;Expected hours per year;Realised hours per year;One-off cost (DKK);Yearly cost (DKK);On hold until;Ideas;Created;Updated\r\n',
    );
  });

  it('has as many columns in both languages as a pilot line has fields', () => {
    // Prepare
    const columns = (line: string) => line.replace(BOM, '').replace(LINE_END, '').split(SEPARATOR).length;

    // Act
    const line = pilotCsvLine(pilotRow(aPilotIn('pilot')), 'da');

    // Assess
    expect(columns(pilotCsvHeader('da'))).toBe(16);
    expect(columns(pilotCsvHeader('en'))).toBe(16);
    expect(columns(line)).toBe(16);
  });
});

describe('pilotCsvLine', () => {
  const ROW: PilotRow = {
    id: PILOT_ID,
    title: 'Talegenkendelse til journalnotater; første forsøg',
    stage: 'evaluation',
    stageEnteredAt: '2026-02-01T09:00:00.000Z',
    department: 'Ældre og sundhed, Område Øst',
    themes: ['automatisering', 'dataunderstøttelse'],
    ideaIds: [IDEA_ID, OTHER_IDEA_ID],
    owner: { sub: 'owner-7', name: 'Åse Kjær' },
    riskLevel: 'medium',
    expectedHoursPerYear: 420.5,
    realisedHoursPerYear: 180,
    oneOffCostDkk: 45_000,
    yearlyCostDkk: 12_500.75,
    holdUntil: '2026-05-01',
    createdAt: '2026-01-12T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
  };

  it('writes every column of the row, with æ, ø and å unchanged, and ends in CRLF', () => {
    // Act
    const line = pilotCsvLine(ROW, 'da');

    // Assess
    expect(line).toBe(
      [
        PILOT_ID,
        '"Talegenkendelse til journalnotater; første forsøg"',
        'Evaluering',
        '2026-02-01T09:00:00.000Z',
        'Ældre og sundhed, Område Øst',
        'automatisering, dataunderstøttelse',
        'Åse Kjær',
        'Mellem',
        '420,5',
        '180',
        '45000',
        '12500,75',
        '2026-05-01',
        `${IDEA_ID}, ${OTHER_IDEA_ID}`,
        '2026-01-12T09:00:00.000Z',
        '2026-02-01T09:00:00.000Z',
      ].join(';') + '\r\n',
    );
    expect(line.endsWith('\r\n')).toBe(true);
  });

  it('names the stage and the risk in the reader’s language, not by their codes', () => {
    // Act
    const danish = pilotCsvLine({ ...ROW, title: 'Uden semikolon', stage: 'stopped', riskLevel: 'high' }, 'da').split(SEPARATOR);
    const english = pilotCsvLine({ ...ROW, title: 'Uden semikolon', stage: 'stopped', riskLevel: 'high' }, 'en').split(SEPARATOR);

    // Assess
    expect([danish[2], danish[7]]).toEqual(['Stoppet', 'Høj']);
    expect([english[2], english[7]]).toEqual(['Stopped', 'High']);
  });

  it('leaves the fields of what a pilot does not have empty', () => {
    // Prepare
    const row = pilotRow(aPilotIn('pilot', '2026-02-01T09:00:00.000Z'));

    // Act
    const fields = pilotCsvLine(row, 'da').replace(LINE_END, '').split(SEPARATOR);

    // Assess
    expect(fields.slice(6, 13)).toEqual(['', '', '', '', '', '', '']);
    expect(fields[1]).toBe('Færre dobbeltregistreringer på plejecentret');
    expect(fields[4]).toBe('Ældre og sundhed');
  });

  it('names the owner by sub when the owner has no name', () => {
    // Act
    const fields = pilotCsvLine({ ...ROW, title: 'Uden semikolon', owner: { sub: 'owner-7' } }, 'da').split(SEPARATOR);

    // Assess
    expect(fields[6]).toBe('owner-7');
  });

  it('defuses a title that starts like a formula', () => {
    // Act
    const fields = pilotCsvLine({ ...ROW, title: '=cmd|\' /C calc\'!A0' }, 'da').split(SEPARATOR);

    // Assess
    expect(fields[1]).toBe("'=cmd|' /C calc'!A0");
  });

  it('keeps a title with a line break in one quoted field', () => {
    // Act
    const line = pilotCsvLine({ ...ROW, title: 'Linje ét\r\nLinje to' }, 'da');

    // Assess
    expect(line).toContain(';"Linje ét\r\nLinje to";');
    expect(line.endsWith('2026-02-01T09:00:00.000Z\r\n')).toBe(true);
  });
});
