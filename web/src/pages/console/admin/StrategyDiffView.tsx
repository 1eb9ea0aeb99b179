/** What changed between two versions of the strategy, as lists a person reads top to bottom (./strategy-diff.ts). */
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { isUnchanged, type FieldChange, type ItemsDiff, type StrategyDiff } from './strategy-diff.ts';

export function StrategyDiffView({ diff, heading, headingId }: { diff: StrategyDiff; heading: string; headingId: string }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.versions;
  return (
    <section class="mt-5" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {isUnchanged(diff) ? (
        <p>{t.none}</p>
      ) : (
        <>
          {diff.name.length === 0 && diff.period === undefined ? null : (
            <>
              <h4>{t.name}</h4>
              <ul>
                {diff.name.map((change) => (
                  <li key={`${change.field}-${'language' in change ? change.language : ''}`}>
                    <FieldChangeText change={change} />
                  </li>
                ))}
                {diff.period === undefined ? null : (
                  <li>{t.period(t.periodText(diff.period.from.from, diff.period.from.to), t.periodText(diff.period.to.from, diff.period.to.to))}</li>
                )}
              </ul>
            </>
          )}
          <ItemsDiffView heading={t.themes} items={diff.themes} />
          <ItemsDiffView heading={t.criteria} items={diff.criteria} />
        </>
      )}
    </section>
  );
}

function ItemsDiffView({ heading, items }: { heading: string; items: ItemsDiff }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.admin.versions;
  if (items.added.length === 0 && items.removed.length === 0 && items.changed.length === 0) return null;
  const nameOf = (item: { id: string; name: { da: string; en: string } }) => (item.name[language] === '' ? item.id : item.name[language]);
  return (
    <>
      <h4>{heading}</h4>
      <ul>
        {items.added.map((item) => (
          <li key={`added-${item.id}`}>
            <span class="badge badge-success">{t.added(nameOf(item))}</span>
          </li>
        ))}
        {items.removed.map((item) => (
          <li key={`removed-${item.id}`}>
            <span class="badge badge-error">{t.removed(nameOf(item))}</span>
          </li>
        ))}
        {items.changed.map((item) => (
          <li key={`changed-${item.id}`}>
            {t.changed(nameOf(item))}
            <ul>
              {item.fields.map((change, index) => (
                <li key={index}>
                  <FieldChangeText change={change} />
                </li>
              ))}
              {item.keywords.flatMap((change) => [
                change.added.length === 0 ? null : <li key={`${change.language}-added`}>{t.keywordsAdded(texts.admin.languages[change.language], change.added.join(', '))}</li>,
                change.removed.length === 0 ? null : <li key={`${change.language}-removed`}>{t.keywordsRemoved(texts.admin.languages[change.language], change.removed.join(', '))}</li>,
              ])}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function FieldChangeText({ change }: { change: FieldChange }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.versions;
  const languages = texts.admin.languages;
  switch (change.field) {
    case 'name':
      return <>{t.fromTo(t.fieldName(languages[change.language]), change.from, change.to)}</>;
    case 'description':
      return <>{t.fromTo(t.fieldDescription(languages[change.language]), change.from, change.to)}</>;
    case 'weight':
      return <>{t.fromTo(t.fieldWeight, texts.common.number(change.from), texts.common.number(change.to))}</>;
    case 'step':
      return <>{t.fromTo(t.fieldStep(change.step, languages[change.language]), change.from, change.to)}</>;
  }
}
