/**
 * Asking before sending text that seems to hold personal data (the API's own detector, run in the
 * page): what was found and where, with the choice to edit the text or send it anyway.
 */
import type { FieldFinding } from '../../../shared/domain/personal-data.ts';
import { fieldOfPointer, type FormField } from '../api/problems.ts';
import { useTexts } from '../i18n/texts.tsx';
import { Alert } from './Alert.tsx';

interface PersonalDataCheckProps {
  findings: readonly FieldFinding[];
  fields: readonly FormField[];
  onEdit: (fieldId: string) => void;
  onSendAnyway: () => void;
}

export function PersonalDataCheck({ findings, fields, onEdit, onSendAnyway }: PersonalDataCheckProps) {
  const { texts } = useTexts();
  const t = texts.personalData;
  const named = findings.flatMap((finding) => {
    const field = fields.find((candidate) => candidate.name === fieldOfPointer(finding.pointer));
    return field === undefined ? [] : [{ field, kind: finding.kind }];
  });
  // One line per field and kind: three phone numbers in a description are one thing to fix.
  const lines = [...new Set(named.map(({ field, kind }) => t.finding(field.label, t.kinds[kind])))];
  const firstField = named[0]?.field.id;

  return (
    <Alert variant="warning" heading={t.heading} announce focus>
      <p class="alert-text">{t.intro}</p>
      <ul class="alert-text">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="alert-text">{t.advice}</p>
      <div class="spire-actions">
        {firstField === undefined ? null : (
          <button type="button" class="button button-secondary" onClick={() => onEdit(firstField)}>
            {t.edit}
          </button>
        )}
        <button type="button" class="button button-primary" onClick={onSendAnyway}>
          {t.sendAnyway}
        </button>
      </div>
    </Alert>
  );
}
