/**
 * The deployment's settings for the pages, fetched once at start from `/config.json`: the sign-in
 * (OIDC), the municipality's departments and the days within which the team answers. A document
 * that is not one stops the start with a message naming what is wrong, not a failure later.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WebConfig } from '../../shared/web-config.ts';

export async function loadConfig(): Promise<WebConfig> {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
  return webConfigOf(await response.json());
}

/** The configuration in a parsed `/config.json`, or an error naming the first setting that is missing or wrong. */
export function webConfigOf(document: unknown): WebConfig {
  const fields = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
  const config = fields(document);
  const oidc = fields(config['oidc']);
  const fault = (setting: string) => new Error(`/config.json: ${setting} is missing or not what the pages expect`);
  for (const setting of ['authority', 'clientId', 'scope'] as const) {
    if (typeof oidc[setting] !== 'string' || oidc[setting] === '') throw fault(`oidc.${setting}`);
  }
  const extra = oidc['extraQueryParams'];
  if (extra !== undefined && !Object.values(fields(extra)).every((value) => typeof value === 'string')) throw fault('oidc.extraQueryParams');
  const departments = config['departments'];
  if (!Array.isArray(departments) || !departments.every((department) => typeof department === 'string')) throw fault('departments');
  const days = config['triageServiceLevelDays'];
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) throw fault('triageServiceLevelDays');
  return document as WebConfig;
}

const ConfigContext = createContext<WebConfig | undefined>(undefined);

export const ConfigProvider = ConfigContext.Provider;

/** The configuration, for pages: they are only shown once it has loaded. */
export function useConfig(): WebConfig {
  const config = useContext(ConfigContext);
  if (config === undefined) throw new Error('useConfig outside ConfigProvider: the pages render only after /config.json has loaded.');
  return config;
}
