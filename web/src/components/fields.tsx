/**
 * Form fields as dkfds draws them: a label (or a fieldset's legend), an optional hint and error
 * message, both tied to the control with `aria-describedby`, and `aria-invalid` on a field in
 * error. The error message starts with a hidden "Fejl:" for screen readers, as in dkfds.
 */
import type { ComponentChildren } from 'preact';
import { useTexts } from '../i18n/texts.tsx';
import { radioId } from './field-ids.ts';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter((part) => part !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function groupClass(error: string | undefined, extra?: string): string {
  return ['form-group', error === undefined ? undefined : 'form-error', extra].filter((part) => part !== undefined).join(' ');
}

function HintAndError({ id, hint, error }: { id: string; hint: string | undefined; error: string | undefined }) {
  const { texts } = useTexts();
  return (
    <>
      {hint === undefined ? null : (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{texts.common.errorPrefix} </span>
          {error}
        </span>
      )}
    </>
  );
}

interface TextFieldProps extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  name?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  autoComplete?: string;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  widthClass?: string;
  required?: boolean;
  groupClass?: string;
}

export function TextField({ id, label, hint, error, value, onInput, name, inputMode, autoComplete, list, widthClass, required = true, groupClass: extra }: TextFieldProps) {
  return (
    <div class={groupClass(error, extra)}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        type="text"
        id={id}
        name={name ?? id}
        class={widthClass === undefined ? 'form-input' : `form-input ${widthClass}`}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        inputMode={inputMode}
        autoComplete={autoComplete}
        list={list}
        required={required}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error === undefined ? undefined : 'true'}
      />
    </div>
  );
}

interface TextAreaProps extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  required?: boolean;
}

export function TextArea({ id, label, hint, error, value, onInput, rows = 6, required = true }: TextAreaProps) {
  return (
    <div class={groupClass(error)}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        class="form-input"
        rows={rows}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        required={required}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error === undefined ? undefined : 'true'}
      />
    </div>
  );
}

interface SelectProps<V extends string> extends FieldProps {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  groupClass?: string;
}

export function Select<V extends string>({ id, label, hint, error, value, options, onChange, groupClass: extra }: SelectProps<V>) {
  return (
    <div class={groupClass(error, extra)}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        class="form-select"
        value={value}
        onChange={(event) => onChange(options.find((option) => option.value === event.currentTarget.value)?.value ?? value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error === undefined ? undefined : 'true'}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: V;
  options: readonly { value: V; label: string; hint?: string }[];
  onChange: (value: V) => void;
}

export function RadioGroup<V extends string>({ name, legend, hint, error, value, options, onChange }: RadioGroupProps<V>) {
  return (
    <div class={groupClass(error)}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend class="form-label">{legend}</legend>
        <HintAndError id={name} hint={hint} error={error} />
        {options.map((option) => {
          const id = radioId(name, option.value);
          return (
            <div class="form-group-radio" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                class="form-radio"
                value={option.value}
                checked={option.value === value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint === undefined ? undefined : `${id}-hint`}
              />
              <label class="form-label" for={id}>
                {option.label}
              </label>
              {option.hint === undefined ? null : (
                <span class="form-hint" id={`${id}-hint`}>
                  {option.hint}
                </span>
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Checkbox({ id, label, hint, checked, onChange }: CheckboxProps) {
  return (
    <div class="form-group-checkbox">
      <input
        type="checkbox"
        id={id}
        name={id}
        class="form-checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
      />
      <label class="form-label" for={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** A fieldset of its own: a legend and the fields under it. */
export function FieldSet({ legend, hint, id, children }: { legend: string; hint?: string; id: string; children: ComponentChildren }) {
  return (
    <fieldset class="mt-6" aria-describedby={hint === undefined ? undefined : `${id}-hint`}>
      <legend class="h3">{legend}</legend>
      {hint === undefined ? null : (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
    </fieldset>
  );
}
