/**
 * `/console/gates`: for the system owner (admin) every gate's checklist (each item in Danish and
 * English, required or not) and the stage time limits as a form, saved as one document with
 * `PUT /console/gates` and `If-Match`; for the triage team and the directors, who decide at the
 * gates, the same to read (./GatesSummary.tsx). Faults are shown at their fields and in the error
 * summary; when somebody saved first (412), the page says who and when, keeps what was typed, and
 * saves over their version next time.
 */
import { useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/problems.ts';
import type { FieldError } from '../../../api/types.ts';
import { Alert, FailureAlert } from '../../../components/Alert.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Checkbox, TextField } from '../../../components/fields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { ConsoleOnly } from '../ConsoleOnly.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { faultSummary } from '../../../api/problems.ts';
import { faultsByField, fieldIdOf } from './form-errors.ts';
import { FieldGroup } from './FieldGroup.tsx';
import { ReadingState, useVersionedDocument } from './versioned-document.tsx';
import { GatesSummary, GatesVersion } from './GatesSummary.tsx';
import { ACTIVE_STAGES, GATE_NAMES, GATES_FORM, gatesDraftOf, gatesFields, gatesInputOf, newItem, type GatesDraft, type GateSettings, type ItemDraft } from './gates-form.ts';
import { useFocusNext } from '../../../components/use-focus-next.ts';

const LANGUAGES = ['da', 'en'] as const;

export default function GatesRoute() {
  return <ConsoleOnly page="gates">{(access) => <GatesPage canEdit={access === 'full'} />}</ConsoleOnly>;
}

function GatesPage({ canEdit }: { canEdit: boolean }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.gates;
  const { reading, retry } = useVersionedDocument(() => api.GET('/console/gates'));

  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      <ReadingState reading={reading} retry={retry} />
      {reading.state === 'read' && canEdit ? <GatesEditor settings={reading.document} etag={reading.etag} /> : null}
      {reading.state === 'read' && !canEdit ? <GatesSummary settings={reading.document} /> : null}
    </>
  );
}

function GatesEditor({ settings, etag: readEtag }: { settings: GateSettings; etag: string }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.gates;
  const [draft, setDraft] = useState<GatesDraft>(() => gatesDraftOf(settings));
  const [current, setCurrent] = useState(settings);
  const [etag, setEtag] = useState(readEtag);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [tries, setTries] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<number>();
  const [conflict, setConflict] = useState<GateSettings>();
  const [failure, setFailure] = useState<string>();
  const setFocusNext = useFocusNext();

  const labels = {
    gate: (gate: (typeof GATE_NAMES)[number]) => t.gate[gate],
    item: t.item,
    itemText: t.itemText,
    required: t.required,
    limits: t.limitsLegend,
    days: (stage: (typeof ACTIVE_STAGES)[number]) => t.days(t.stage[stage]),
    languages: texts.admin.languages,
    within: texts.admin.within,
  };
  const fields = gatesFields(draft, labels);
  const faults = faultsByField(fields, errors);
  const idAt = (pointer: string) => fieldIdOf(GATES_FORM, pointer);
  const errorAt = (pointer: string) => faults.get(idAt(pointer))?.join(' ');

  const setItem = (gate: (typeof GATE_NAMES)[number], index: number, item: Partial<ItemDraft>) =>
    setDraft((old) => ({ ...old, gates: { ...old.gates, [gate]: old.gates[gate].map((was, at) => (at === index ? { ...was, ...item } : was)) } }));

  const save = async () => {
    if (saving) return;
    setTries((count) => count + 1);
    setFailure(undefined);
    setSaved(undefined);
    const checked = gatesInputOf(draft, texts.validation.wholeNumber);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const { data, error, response } = await api.PUT('/console/gates', { params: { header: { 'If-Match': etag } }, body: checked.input });
      if (data !== undefined) {
        setErrors([]);
        setConflict(undefined);
        setDraft(gatesDraftOf(data));
        setCurrent(data);
        setEtag(response.headers.get('ETag') ?? `"${data.version}"`);
        setSaved(data.version);
      } else if (response.status === 412) {
        const reread = await api.GET('/console/gates');
        if (reread.data === undefined) setFailure(texts.problems.server);
        else {
          setConflict(reread.data);
          setCurrent(reread.data);
          setEtag(reread.response.headers.get('ETag') ?? `"${reread.data.version}"`);
        }
      } else if (fieldErrorsOf(error).length > 0) {
        setErrors(fieldErrorsOf(error));
      } else if (response.status !== 401) {
        setFailure(texts.problems.server);
      }
    } catch {
      setFailure(texts.problems.network);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <GatesVersion settings={current} />
      <ErrorSummary items={faultSummary(fields, errors)} attempt={tries} />
      {saved === undefined ? null : (
        <Alert variant="success" announce focus>
          <p class="alert-text">{t.saved(saved)}</p>
        </Alert>
      )}
      <FailureAlert failure={failure} focus />
      {conflict === undefined ? null : (
        <Alert key={conflict.version} variant="warning" heading={texts.admin.conflictHeading} announce focus>
          <p class="alert-text">{texts.admin.conflict(conflict.version, texts.common.date(conflict.updatedAt), conflict.updatedBy)}</p>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {GATE_NAMES.map((gate) => {
          const gateName = t.gate[gate];
          return (
            <FieldGroup key={gate} id={idAt(`/gates/${gate}`)} legend={t.gateLegend(gateName)} legendClass="h2" error={errorAt(`/gates/${gate}`)}>
              {draft.gates[gate].length === 0 ? <p>{t.noItems}</p> : null}
              {draft.gates[gate].map((item, index) => {
                const at = `/gates/${gate}/${index}`;
                const legend = t.item(index + 1);
                return (
                  <FieldGroup key={item.key} id={idAt(at)} legend={legend} legendClass="h4" error={errorAt(at)}>
                    {LANGUAGES.map((lang) => (
                      <TextField
                        key={lang}
                        id={idAt(`${at}/text/${lang}`)}
                        label={t.itemText(texts.admin.languages[lang])}
                        error={errorAt(`${at}/text/${lang}`)}
                        value={item.text[lang]}
                        onInput={(value) => setItem(gate, index, { text: { ...item.text, [lang]: value } })}
                      />
                    ))}
                    <Checkbox id={idAt(`${at}/required`)} label={t.required} checked={item.required} onChange={(required) => setItem(gate, index, { required })} />
                    <button
                      type="button"
                      class="button button-secondary mt-4"
                      onClick={() => {
                        setDraft((old) => ({ ...old, gates: { ...old.gates, [gate]: old.gates[gate].filter((_, position) => position !== index) } }));
                        setFocusNext(idAt(`/gates/${gate}`));
                      }}
                    >
                      {texts.admin.remove(`${gateName}, ${legend}`)}
                    </button>
                  </FieldGroup>
                );
              })}
              <button
                type="button"
                class="button button-secondary mt-5"
                onClick={() => {
                  setDraft((old) => ({ ...old, gates: { ...old.gates, [gate]: [...old.gates[gate], newItem()] } }));
                  setFocusNext(idAt(`/gates/${gate}/${draft.gates[gate].length}/text/da`));
                }}
              >
                {t.addItem(gateName)}
              </button>
            </FieldGroup>
          );
        })}
        <FieldGroup id={idAt('/stageLimitDays')} legend={t.limitsLegend} legendClass="h2" hint={t.limitsHint} error={errorAt('/stageLimitDays')}>
          {ACTIVE_STAGES.map((stage) => (
            <TextField
              key={stage}
              id={idAt(`/stageLimitDays/${stage}`)}
              label={t.days(t.stage[stage])}
              error={errorAt(`/stageLimitDays/${stage}`)}
              value={draft.stageLimitDays[stage]}
              inputMode="numeric"
              widthClass="input-width-xs"
              onInput={(value) => setDraft((old) => ({ ...old, stageLimitDays: { ...old.stageLimitDays, [stage]: value } }))}
            />
          ))}
        </FieldGroup>
        <div class="spire-actions">
          <button type="submit" class="button button-primary" aria-disabled={saving ? 'true' : undefined}>
            {saving ? texts.admin.saving : t.save}
          </button>
        </div>
      </form>
    </>
  );
}
