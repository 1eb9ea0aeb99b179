/**
 * Where Det Fælles Designsystem's sources are: dkfds exports only its built script, so its SCSS,
 * fonts and icons are found two folders above that script. The build reaches them as `@dkfds/…`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const DKFDS_SOURCES = join(dirname(require.resolve('dkfds')), '..', '..', 'src');
