/**
 * Every version of the strategy, newest first (`GET /console/strategy/versions`, a page of ten
 * summaries at a time), and what changed between any two (`GET /console/strategy/versions/{n}`:
 * versions never change, so each is read once).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client.ts';
import type { components } from '../../../api/schema.d.ts';
import { FailureAlert } from '../../../components/Alert.tsx';
import { Select } from '../../../components/fields.tsx';
import { useConsoleTexts } from '../texts/useConsoleTexts.ts';
import { strategyDiff } from './strategy-diff.ts';
import { StrategyDiffView } from './StrategyDiffView.tsx';
import type { Strategy } from './strategy-form.ts';

const PAGE = 10;

type VersionSummary = components['schemas']['StrategyVersionsPage']['items'][number];

/** Versions read so far, by number: shared by the list and the comparison. */
const cache = new Map<number, Strategy>();

async function readVersion(n: number): Promise<Strategy> {
  const known = cache.get(n);
  if (known !== undefined) return known;
  const { data } = await api.GET('/console/strategy/versions/{n}', { params: { path: { n } } });
  if (data === undefined) throw new Error(`Version ${n} could not be read`);
  cache.set(n, data);
  return data;
}

export function StrategyVersions({ current }: { current: Strategy }) {
  const { texts } = useConsoleTexts();
  const t = texts.admin.versions;
  cache.set(current.version, current);
  const numbers = Array.from({ length: current.version }, (_, index) => current.version - index);
  const [listed, setListed] = useState<VersionSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [from, setFrom] = useState(String(Math.max(1, current.version - 1)));
  const [to, setTo] = useState(String(current.version));
  const [compared, setCompared] = useState<{ from: Strategy; to: Strategy }>();

  useEffect(() => {
    setFrom(String(Math.max(1, current.version - 1)));
    setTo(String(current.version));
  }, [current.version]);

  const readPage = async (cursor: string | undefined, isLive: () => boolean) => {
    try {
      const { data } = await api.GET('/console/strategy/versions', { params: { query: { limit: PAGE, ...(cursor === undefined ? {} : { cursor }) } } });
      if (!isLive()) return;
      if (data === undefined) return setFailed(true);
      setListed((before) => [...(cursor === undefined ? [] : before), ...data.items]);
      setNextCursor(data.nextCursor);
    } catch {
      if (isLive()) setFailed(true);
    }
  };

  useEffect(() => {
    let live = true;
    void readPage(undefined, () => live);
    return () => {
      live = false;
    };
  }, [current.version]);

  const compare = async () => {
    setFailed(false);
    try {
      const [before, after] = await Promise.all([readVersion(Number(from)), readVersion(Number(to))]);
      setCompared({ from: before, to: after });
    } catch {
      setFailed(true);
    }
  };

  const options = numbers.map((n) => ({ value: String(n), label: t.option(n) }));

  return (
    <section class="mt-7" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <FailureAlert failure={failed ? texts.common.loadFailed : undefined} />
      <ul>
        {listed.map((version) => (
          <li key={version.version}>
            {t.item(version.version, texts.common.date(version.createdAt), version.createdBy)}
            {version.version === current.version ? <span class="badge badge-info ml-3">{t.current}</span> : null}
          </li>
        ))}
      </ul>
      {nextCursor === undefined ? null : (
        <button type="button" class="button button-secondary" onClick={() => void readPage(nextCursor, () => true)}>
          {texts.mine.more}
        </button>
      )}
      {numbers.length < 2 ? null : (
        <form
          class="mt-6"
          onSubmit={(event) => {
            event.preventDefault();
            void compare();
          }}
        >
          <fieldset>
            <legend class="h3">{t.compareLegend}</legend>
            <Select id="compare-from" label={t.from} value={from} options={options} onChange={setFrom} />
            <Select id="compare-to" label={t.to} value={to} options={options} onChange={setTo} />
          </fieldset>
          <div class="spire-actions">
            <button type="submit" class="button button-secondary">
              {t.compare}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {compared === undefined ? null : (
          <StrategyDiffView diff={strategyDiff(compared.from, compared.to)} heading={t.diffHeading(compared.from.version, compared.to.version)} headingId="versions-diff-heading" />
        )}
      </div>
    </section>
  );
}
