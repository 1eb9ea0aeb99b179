/**
 * Reading what several console pages share: the current strategy (theme and criterion names) and
 * the counts per status. Small hooks over the one API client; each reads again in another language.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTexts } from '../../i18n/texts.tsx';

const readStrategy = () => api.GET('/console/strategy');
/** The strategy as the client answers it (openapi-fetch reads a criterion's five-step scale as a list). */
export type Strategy = NonNullable<Awaited<ReturnType<typeof readStrategy>>['data']>;
export type PipelineSummary = components['schemas']['PipelineSummary'];

/** The current strategy, or undefined while it is read (or when it could not be). */
export function useStrategy(): Strategy | undefined {
  const [strategy, setStrategy] = useState<Strategy>();
  useEffect(() => {
    let current = true;
    readStrategy().then(
      ({ data }) => current && data !== undefined && setStrategy(data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return strategy;
}

/** The pipeline's summary (counts per status and stage), or undefined while it is read or when it could not be. */
export function usePipelineSummary(): PipelineSummary | undefined {
  const { language } = useTexts();
  const [summary, setSummary] = useState<PipelineSummary>();
  useEffect(() => {
    let current = true;
    api.GET('/pipeline/summary').then(
      ({ data }) => current && data !== undefined && setSummary(data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [language]);
  return summary;
}
