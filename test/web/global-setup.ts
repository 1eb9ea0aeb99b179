import { build } from 'vite';

/**
 * Builds the pages once for the browser tests (web/dist, as `npm start` and the stack use them);
 * the emulators come from the integration tests' own global setup, which runs beside this one.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
