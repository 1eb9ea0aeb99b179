/**
 * A Vite plugin that writes the dkfds icons the pages use into index.html as one hidden SVG
 * sprite (`<svg class="hide-base-svg"><symbol id="info">…`), so `<use href="#info">` works as in
 * dkfds' own markup: no request per icon, no script, nothing from a CDN, and only the icons named.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { DKFDS_SOURCES } from './dkfds.ts';

const ICONS_FOLDER = join(DKFDS_SOURCES, 'img', 'svg-icons');

/** One icon file as a `<symbol>`: its viewBox and its drawing, under the icon's name. */
function symbolOf(name: string, svg: string): string {
  const match = /<svg\b[^>]*\bviewBox="([^"]+)"[^>]*>([\s\S]*)<\/svg>/.exec(svg);
  if (match === null) throw new Error(`dkfds icon ${name}: no <svg viewBox="…"> in its file`);
  return `<symbol id="${name}" viewBox="${match[1]}">${(match[2] ?? '').trim()}</symbol>`;
}

/** The plugin, for the icons `names` (files of dkfds' src/img/svg-icons without `.svg`). */
export function iconSprite(names: readonly string[]): Plugin {
  return {
    name: 'spire-icon-sprite',
    async transformIndexHtml() {
      const symbols = await Promise.all(names.map(async (name) => symbolOf(name, await readFile(join(ICONS_FOLDER, `${name}.svg`), 'utf8'))));
      return [
        {
          tag: 'svg',
          attrs: { class: 'hide-base-svg', xmlns: 'http://www.w3.org/2000/svg', 'aria-hidden': 'true', focusable: 'false' },
          children: symbols.join(''),
          injectTo: 'body-prepend',
        },
      ];
    },
  };
}
