/**
 * The gate checklists and stage limits for a reader who may not change them (the triage team and
 * the directors): each gate's items in the reader's language, marked required or optional, and the
 * days each active stage may last. `GatesVersion` says which version is shown, for the form too.
 */
import { Alert } from '../../../components/Alert.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { ACTIVE_STAGES, GATE_NAMES, type GateSettings } from './gates-form.ts';

export function GatesSummary({ settings }: { settings: GateSettings }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.admin.gates;
  return (
    <>
      <GatesVersion settings={settings} />
      <Alert variant="info">
        <p class="alert-text">{t.readOnly}</p>
      </Alert>
      {GATE_NAMES.map((gate) => (
        <section key={gate} class="mt-7" aria-labelledby={`gate-${gate}-heading`}>
          <h2 id={`gate-${gate}-heading`}>{t.gateLegend(t.gate[gate])}</h2>
          {settings.gates[gate].length === 0 ? (
            <p>{t.noItems}</p>
          ) : (
            <ul>
              {settings.gates[gate].map((item) => (
                <li key={item.id}>
                  {item.text[language]} <span class={item.required ? 'badge badge-info' : 'badge'}>{item.required ? t.requiredBadge : t.optionalBadge}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section class="mt-7" aria-labelledby="stage-limits-heading">
        <h2 id="stage-limits-heading">{t.limitsLegend}</h2>
        <p>{t.limitsHint}</p>
        <dl class="spire-facts">
          {ACTIVE_STAGES.map((stage) => [
            <dt key={`${stage}-name`}>{t.stage[stage]}</dt>,
            <dd key={`${stage}-days`}>{texts.console.days(settings.stageLimitDays[stage])}</dd>,
          ])}
        </dl>
      </section>
    </>
  );
}

/** Which version of the settings is shown: who saved it and when, or that they are the shipped defaults (version 0, which nobody saved). */
export function GatesVersion({ settings }: { settings: GateSettings }) {
  const { texts } = useConsoleTexts();
  return (
    <p class="spire-meta">
      {settings.version === 0 ? texts.admin.gates.defaults : texts.admin.savedBy(settings.version, texts.common.date(settings.updatedAt), settings.updatedBy)}
    </p>
  );
}
