/**
 * CSV as Danish Excel opens it: UTF-8 with a byte order mark (or æ, ø and å turn into Ã¦, Ã¸
 * and Ã¥), semicolons between fields (the comma is Danish Excel's decimal separator), CRLF line
 * ends, and RFC 4180 quoting. Text that Excel would run as a formula is defused. Pure.
 */
import type { Language } from './idea.ts';
import { PILOT_STAGE_LABELS, RISK_LEVEL_LABELS } from './messages.ts';
import type { PilotRow } from './pilot-lists.ts';

export const BOM = '\uFEFF';
export const SEPARATOR = ';';
export const LINE_END = '\r\n';

/** A field quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ in text gets an apostrophe first. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | undefined)[]): string {
  return values.map(csvField).join(SEPARATOR) + LINE_END;
}

/** The export's columns: names and values in the reader's language (stage and risk as words, not codes). */
const COLUMNS: { da: string; en: string; value: (row: PilotRow, language: Language) => string | number | undefined }[] = [
  { da: 'Id', en: 'Id', value: (row) => row.id },
  { da: 'Titel', en: 'Title', value: (row) => row.title },
  { da: 'Fase', en: 'Stage', value: (row, language) => PILOT_STAGE_LABELS[row.stage][language] },
  { da: 'I fasen siden', en: 'In stage since', value: (row) => row.stageEnteredAt },
  { da: 'Afdeling', en: 'Department', value: (row) => row.department },
  { da: 'Temaer', en: 'Themes', value: (row) => row.themes.join(', ') },
  { da: 'Ejer', en: 'Owner', value: (row) => row.owner?.name ?? row.owner?.sub },
  { da: 'Risiko', en: 'Risk', value: (row, language) => (row.riskLevel === undefined ? undefined : RISK_LEVEL_LABELS[row.riskLevel][language]) },
  { da: 'Forventede timer pr. år', en: 'Expected hours per year', value: (row) => row.expectedHoursPerYear },
  { da: 'Realiserede timer pr. år', en: 'Realised hours per year', value: (row) => row.realisedHoursPerYear },
  { da: 'Engangsudgift (kr.)', en: 'One-off cost (DKK)', value: (row) => row.oneOffCostDkk },
  { da: 'Årlig udgift (kr.)', en: 'Yearly cost (DKK)', value: (row) => row.yearlyCostDkk },
  { da: 'Afventer til', en: 'On hold until', value: (row) => row.holdUntil },
  { da: 'Idéer', en: 'Ideas', value: (row) => row.ideaIds.join(', ') },
  { da: 'Oprettet', en: 'Created', value: (row) => row.createdAt },
  { da: 'Opdateret', en: 'Updated', value: (row) => row.updatedAt },
];

/** The export's first line: the byte order mark and the column names. */
export function pilotCsvHeader(language: Language): string {
  return BOM + csvLine(COLUMNS.map((column) => column[language]));
}

export function pilotCsvLine(row: PilotRow, language: Language): string {
  return csvLine(COLUMNS.map((column) => column.value(row, language)));
}
