/**
 * The web pages' build: Vite + Preact, rooted in web/, written to web/dist with a manifest (so a
 * test can read what the submit page loads). dkfds' SCSS sources are reached as `@dkfds/…`, and
 * every asset is a file of our own origin (no data: URLs), which the pages' CSP allows.
 * `npm run dev:web` rebuilds on every change, for `npm start` to serve: the pages then sign in on
 * the runtime's own origin, as the local OpenID provider expects.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { DKFDS_SOURCES } from './build/dkfds.ts';
import { iconSprite } from './build/icon-sprite.ts';
import { ICON_NAMES } from './src/components/icon-names.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact(), iconSprite(ICON_NAMES)],
  resolve: { alias: { '@dkfds': DKFDS_SOURCES } },
  // dkfds' sources use Sass syntax that Sass now warns about; the warnings are theirs to act on.
  css: { preprocessorOptions: { scss: { quietDeps: true } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    assetsInlineLimit: 0,
  },
});
