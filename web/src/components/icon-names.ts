/**
 * The dkfds icons the pages use. The build puts exactly these into index.html as one hidden SVG
 * sprite (web/build/icon-sprite.ts), and <Icon> refers to them by name, as dkfds' own markup does.
 */
export const ICON_NAMES = ['info', 'success', 'warning', 'error', 'language', 'lock', 'copy', 'check'] as const;
export type IconName = (typeof ICON_NAMES)[number];
