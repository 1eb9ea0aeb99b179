/** The current strategy for a reader who may not change it (triage): each theme with its keywords and weight, each criterion with its weight. */
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import type { Strategy } from './strategy-form.ts';

export function StrategySummary({ strategy }: { strategy: Strategy }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.admin.strategy;
  const languages = texts.admin.languages;
  return (
    <>
      <section class="mt-7" aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t.themes}</h2>
        {strategy.themes.map((theme) => (
          <section key={theme.id} aria-labelledby={`theme-${theme.id}`}>
            <h3 id={`theme-${theme.id}`}>{theme.name[language]}</h3>
            <p class="spire-text">{theme.description[language]}</p>
            <dl class="spire-facts">
              <dt>{t.keywords(languages.da)}</dt>
              <dd>{theme.keywords.da.join(', ')}</dd>
              <dt>{t.keywords(languages.en)}</dt>
              <dd>{theme.keywords.en.join(', ')}</dd>
              <dt>{t.weight}</dt>
              <dd>{texts.common.number(theme.weight)}</dd>
            </dl>
          </section>
        ))}
      </section>
      <section class="mt-7" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">{t.criteria}</h2>
        <dl class="spire-facts">
          {strategy.criteria.map((criterion) => [
            <dt key={`${criterion.id}-name`}>{criterion.name[language]}</dt>,
            <dd key={`${criterion.id}-weight`}>
              {t.weight}: {texts.common.number(criterion.weight)}
            </dd>,
          ])}
        </dl>
      </section>
    </>
  );
}
