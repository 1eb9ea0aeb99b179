/**
 * The figures of a piece of friction: how often (a number and a unit, or one of the quick
 * choices), minutes each time and how many people, with the hours a year worked out as they are
 * typed; or "I don't know the figures", which leaves them out.
 */
import type { FieldError, FrequencyUnit } from '../../api/types.ts';
import { errorFor } from '../../api/problems.ts';
import { Checkbox, FieldSet, Select, TextField } from '../../components/fields.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useTexts } from '../../i18n/texts.tsx';
import { hoursPerYear, type SubmitForm } from './submission.ts';

const UNITS: readonly FrequencyUnit[] = ['day', 'week', 'month'];

interface FrictionFieldsProps {
  form: SubmitForm;
  errors: readonly FieldError[];
  onChange: (change: Partial<SubmitForm>) => void;
}

export function FrictionFields({ form, errors, onChange }: FrictionFieldsProps) {
  const { texts } = useTexts();
  const t = texts.submit;
  const hours = hoursPerYear(form);

  return (
    <FieldSet id="figures" legend={t.figuresLegend} hint={t.figuresHint}>
      <Checkbox id="figures-unknown" label={t.figuresUnknown} hint={t.figuresUnknownHint} checked={form.figuresUnknown} onChange={(figuresUnknown) => onChange({ figuresUnknown })} />
      {form.figuresUnknown ? null : (
        <>
          <div class="spire-frequency">
            <TextField
              id="frequency"
              label={t.frequencyLabel}
              error={errorFor(errors, 'frequency')}
              value={form.frequency}
              onInput={(frequency) => onChange({ frequency })}
              inputMode="numeric"
              widthClass="input-char-8"
            />
            <Select
              id="frequency-unit"
              label={t.unitLabel}
              error={errorFor(errors, 'frequencyUnit')}
              value={form.frequencyUnit}
              options={UNITS.map((unit) => ({ value: unit, label: t.units[unit] }))}
              onChange={(frequencyUnit) => onChange({ frequencyUnit })}
            />
          </div>
          <div class="spire-quick-choices" role="group" aria-label={t.quickChoicesLabel}>
            {UNITS.map((unit) => {
              const pressed = form.frequency.trim() === '1' && form.frequencyUnit === unit;
              return (
                <button key={unit} type="button" class="button button-secondary" aria-pressed={pressed} onClick={() => onChange({ frequency: '1', frequencyUnit: unit })}>
                  {pressed ? <Icon name="check" /> : null}
                  {t.quickChoices[unit]}
                </button>
              );
            })}
          </div>
          <TextField
            id="minutes-each"
            label={t.minutesLabel}
            hint={t.minutesHint}
            error={errorFor(errors, 'minutesEach')}
            value={form.minutesEach}
            onInput={(minutesEach) => onChange({ minutesEach })}
            inputMode="decimal"
            widthClass="input-char-8"
          />
          <TextField
            id="people-affected"
            label={t.peopleLabel}
            hint={t.peopleHint}
            error={errorFor(errors, 'peopleAffected')}
            value={form.peopleAffected}
            onInput={(peopleAffected) => onChange({ peopleAffected })}
            inputMode="numeric"
            widthClass="input-char-8"
          />
          <div class="mt-5" aria-live="polite">
            {hours === undefined ? (
              <p class="form-hint">{t.hoursPending}</p>
            ) : (
              <>
                <p class="h4 m-0">{t.hoursPerYear(texts.common.number(hours))}</p>
                <p class="form-hint">{t.hoursBasis}</p>
              </>
            )}
          </div>
        </>
      )}
    </FieldSet>
  );
}
