/**
 * Editing the strategy: its name and period, every theme (names, descriptions, keywords per
 * language, weight) and every scorecard criterion (names, weight, the meaning of each of the five
 * steps), saved as a new version with `PUT /console/strategy` and `If-Match`. The API's faults
 * are shown at their fields and in the error summary; when somebody saved first (412), the page
 * reads the current version, says who saved it, shows how the text typed here differs from it,
 * and keeps every character typed.
 */
import { useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/problems.ts';
import type { FieldError } from '../../../api/types.ts';
import { Alert, FailureAlert } from '../../../components/Alert.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { TextArea, TextField } from '../../../components/fields.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { faultSummary } from '../../../api/problems.ts';
import { faultsByField, fieldIdOf } from './form-errors.ts';
import { FieldGroup } from './FieldGroup.tsx';
import { strategyDiff } from './strategy-diff.ts';
import { StrategyDiffView } from './StrategyDiffView.tsx';
import { useFocusNext } from '../../../components/use-focus-next.ts';
import {
  draftOf,
  inputOf,
  newCriterion,
  newTheme,
  STRATEGY_FORM,
  strategyFields,
  type CriterionDraft,
  type Strategy,
  type StrategyDraft,
  type ThemeDraft,
} from './strategy-form.ts';

const LANGUAGES = ['da', 'en'] as const;

interface StrategyEditorProps {
  strategy: Strategy;
  etag: string;
  onSaved: (strategy: Strategy, etag: string) => void;
}

export function StrategyEditor({ strategy, etag: readEtag, onSaved }: StrategyEditorProps) {
  const { texts, language } = useConsoleTexts();
  const t = texts.admin.strategy;
  const [draft, setDraft] = useState<StrategyDraft>(() => draftOf(strategy));
  const [etag, setEtag] = useState(readEtag);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [tries, setTries] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<number>();
  const [conflict, setConflict] = useState<Strategy>();
  const [failure, setFailure] = useState<string>();
  const setFocusNext = useFocusNext();

  const labels = {
    ...t,
    themeName: t.itemName,
    criterionName: t.itemName,
    themes: t.themes,
    languages: texts.admin.languages,
    within: texts.admin.within,
  };
  const fields = strategyFields(draft, labels);
  const faults = faultsByField(fields, errors);
  const errorAt = (pointer: string) => faults.get(fieldIdOf(STRATEGY_FORM, pointer))?.join(' ');
  const idAt = (pointer: string) => fieldIdOf(STRATEGY_FORM, pointer);

  const change = (next: (draft: StrategyDraft) => StrategyDraft) => setDraft((current) => next(current));
  const setTheme = (index: number, theme: Partial<ThemeDraft>) =>
    change((current) => ({ ...current, themes: current.themes.map((old, at) => (at === index ? { ...old, ...theme } : old)) }));
  const setCriterion = (index: number, criterion: Partial<CriterionDraft>) =>
    change((current) => ({ ...current, criteria: current.criteria.map((old, at) => (at === index ? { ...old, ...criterion } : old)) }));

  const save = async () => {
    if (saving) return;
    setTries((count) => count + 1);
    setFailure(undefined);
    setSaved(undefined);
    const checked = inputOf(draft, texts.validation.number);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const { data, error, response } = await api.PUT('/console/strategy', { params: { header: { 'If-Match': etag } }, body: checked.input });
      if (data !== undefined) {
        const next = response.headers.get('ETag') ?? `"${data.version}"`;
        setErrors([]);
        setConflict(undefined);
        setDraft(draftOf(data));
        setEtag(next);
        setSaved(data.version);
        onSaved(data, next);
      } else if (response.status === 412) {
        await readCurrent();
      } else if (fieldErrorsOf(error).length > 0) {
        setErrors(fieldErrorsOf(error));
      } else if (response.status === 413) {
        setFailure(texts.problems.tooLarge);
      } else if (response.status !== 401) {
        setFailure(texts.problems.server);
      }
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSaving(false);
    }
  };

  /** Somebody saved first: read what they saved, and save over it next time, the draft untouched. */
  const readCurrent = async () => {
    const { data, response } = await api.GET('/console/strategy');
    if (data === undefined) {
      setFailure(texts.problems.server);
      return;
    }
    const next = response.headers.get('ETag') ?? `"${data.version}"`;
    setConflict(data);
    setEtag(next);
    onSaved(data, next);
  };

  const typed = inputOf(draft, texts.validation.number);

  return (
    <section class="mt-7" aria-labelledby="strategy-edit-heading">
      <h2 id="strategy-edit-heading">{t.editHeading}</h2>
      <ErrorSummary items={faultSummary(fields, errors)} attempt={tries} />
      {saved === undefined ? null : (
        <Alert variant="success" announce focus>
          <p class="alert-text">{t.saved(saved)}</p>
        </Alert>
      )}
      <FailureAlert failure={failure} focus />
      {conflict === undefined ? null : (
        <Alert key={conflict.version} variant="warning" heading={texts.admin.conflictHeading} announce focus>
          <p class="alert-text">{texts.admin.conflict(conflict.version, texts.common.date(conflict.createdAt), conflict.createdBy)}</p>
          {'input' in typed ? <StrategyDiffView diff={strategyDiff(conflict, typed.input)} heading={texts.admin.versions.yoursHeading(conflict.version)} headingId="conflict-diff-heading" /> : null}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <FieldGroup id={idAt('/name')} legend={t.nameLegend}>
          {LANGUAGES.map((lang) => (
            <TextField
              key={lang}
              id={idAt(`/name/${lang}`)}
              label={t.name(texts.admin.languages[lang])}
              error={errorAt(`/name/${lang}`)}
              value={draft.name[lang]}
              onInput={(value) => change((current) => ({ ...current, name: { ...current.name, [lang]: value } }))}
            />
          ))}
          {(['from', 'to'] as const).map((end) => (
            <TextField
              key={end}
              id={idAt(`/period/${end}`)}
              label={end === 'from' ? t.periodFrom : t.periodTo}
              hint={t.dateHint}
              error={errorAt(`/period/${end}`)}
              value={draft.period[end]}
              widthClass="input-width-s"
              onInput={(value) => change((current) => ({ ...current, period: { ...current.period, [end]: value } }))}
            />
          ))}
        </FieldGroup>

        <FieldGroup id={idAt('/themes')} legend={t.themes} legendClass="h2" hint={t.themesHint} error={errorAt('/themes')}>
          {draft.themes.map((theme, index) => {
            const at = `/themes/${index}`;
            const legend = t.themeLegend(index + 1, theme.name[language]);
            return (
              <FieldGroup key={theme.key} id={idAt(at)} legend={legend} error={errorAt(at)}>
                <p class="form-hint">{theme.id === '' ? t.newId : t.id(theme.id)}</p>
                {LANGUAGES.map((lang) => (
                  <TextField
                    key={`name-${lang}`}
                    id={idAt(`${at}/name/${lang}`)}
                    label={t.itemName(texts.admin.languages[lang])}
                    error={errorAt(`${at}/name/${lang}`)}
                    value={theme.name[lang]}
                    onInput={(value) => setTheme(index, { name: { ...theme.name, [lang]: value } })}
                  />
                ))}
                {LANGUAGES.map((lang) => (
                  <TextArea
                    key={`description-${lang}`}
                    id={idAt(`${at}/description/${lang}`)}
                    label={t.description(texts.admin.languages[lang])}
                    error={errorAt(`${at}/description/${lang}`)}
                    value={theme.description[lang]}
                    rows={3}
                    onInput={(value) => setTheme(index, { description: { ...theme.description, [lang]: value } })}
                  />
                ))}
                {LANGUAGES.map((lang) => (
                  <TextArea
                    key={`keywords-${lang}`}
                    id={idAt(`${at}/keywords/${lang}`)}
                    label={t.keywords(texts.admin.languages[lang])}
                    hint={t.keywordsHint}
                    error={errorAt(`${at}/keywords/${lang}`)}
                    value={theme.keywords[lang]}
                    rows={5}
                    required={false}
                    onInput={(value) => setTheme(index, { keywords: { ...theme.keywords, [lang]: value } })}
                  />
                ))}
                <TextField
                  id={idAt(`${at}/weight`)}
                  label={t.weight}
                  hint={t.weightHint}
                  error={errorAt(`${at}/weight`)}
                  value={theme.weight}
                  inputMode="decimal"
                  widthClass="input-width-xs"
                  onInput={(value) => setTheme(index, { weight: value })}
                />
                <button
                  type="button"
                  class="button button-secondary mt-4"
                  onClick={() => {
                    change((current) => ({ ...current, themes: current.themes.filter((_, at) => at !== index) }));
                    setFocusNext(idAt('/themes'));
                  }}
                >
                  {texts.admin.remove(legend)}
                </button>
              </FieldGroup>
            );
          })}
          <button
            type="button"
            class="button button-secondary mt-5"
            onClick={() => {
              change((current) => ({ ...current, themes: [...current.themes, newTheme()] }));
              setFocusNext(idAt(`/themes/${draft.themes.length}/name/da`));
            }}
          >
            {t.addTheme}
          </button>
        </FieldGroup>

        <FieldGroup id={idAt('/criteria')} legend={t.criteria} legendClass="h2" hint={t.criteriaHint} error={errorAt('/criteria')}>
          {draft.criteria.map((criterion, index) => {
            const at = `/criteria/${index}`;
            const legend = t.criterionLegend(index + 1, criterion.name[language]);
            return (
              <FieldGroup key={criterion.key} id={idAt(at)} legend={legend} error={errorAt(at)}>
                <p class="form-hint">{criterion.id === '' ? t.newId : t.id(criterion.id)}</p>
                {LANGUAGES.map((lang) => (
                  <TextField
                    key={`name-${lang}`}
                    id={idAt(`${at}/name/${lang}`)}
                    label={t.itemName(texts.admin.languages[lang])}
                    error={errorAt(`${at}/name/${lang}`)}
                    value={criterion.name[lang]}
                    onInput={(value) => setCriterion(index, { name: { ...criterion.name, [lang]: value } })}
                  />
                ))}
                <TextField
                  id={idAt(`${at}/weight`)}
                  label={t.weight}
                  hint={t.weightHint}
                  error={errorAt(`${at}/weight`)}
                  value={criterion.weight}
                  inputMode="decimal"
                  widthClass="input-width-xs"
                  onInput={(value) => setCriterion(index, { weight: value })}
                />
                <FieldGroup id={idAt(`${at}/scale`)} legend={t.scale} legendClass="h4" error={errorAt(`${at}/scale`)}>
                  {criterion.scale.map((step, stepIndex) =>
                    LANGUAGES.map((lang) => (
                      <TextArea
                        key={`${stepIndex}-${lang}`}
                        id={idAt(`${at}/scale/${stepIndex}/${lang}`)}
                        label={t.step(stepIndex, texts.admin.languages[lang])}
                        error={errorAt(`${at}/scale/${stepIndex}/${lang}`)}
                        value={step[lang]}
                        rows={2}
                        onInput={(value) =>
                          setCriterion(index, { scale: criterion.scale.map((old, at) => (at === stepIndex ? { ...old, [lang]: value } : old)) as CriterionDraft['scale'] })
                        }
                      />
                    )),
                  )}
                </FieldGroup>
                <button
                  type="button"
                  class="button button-secondary mt-4"
                  onClick={() => {
                    change((current) => ({ ...current, criteria: current.criteria.filter((_, at) => at !== index) }));
                    setFocusNext(idAt('/criteria'));
                  }}
                >
                  {texts.admin.remove(legend)}
                </button>
              </FieldGroup>
            );
          })}
          <button
            type="button"
            class="button button-secondary mt-5"
            onClick={() => {
              change((current) => ({ ...current, criteria: [...current.criteria, newCriterion()] }));
              setFocusNext(idAt(`/criteria/${draft.criteria.length}/name/da`));
            }}
          >
            {t.addCriterion}
          </button>
        </FieldGroup>

        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={saving ? 'true' : undefined}>
            {saving ? texts.admin.saving : t.save}
          </button>
        </div>
      </form>
    </section>
  );
}
