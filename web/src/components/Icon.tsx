/** A dkfds icon from the sprite in index.html (./icon-names.ts), drawn in the text's colour. */
import type { IconName } from './icon-names.ts';

export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  const classes = className === undefined ? 'icon-svg' : `icon-svg ${className}`;
  return label === undefined ? (
    <svg class={classes} focusable="false" aria-hidden="true">
      <use href={`#${name}`} />
    </svg>
  ) : (
    <svg class={classes} focusable="false" role="img" aria-label={label}>
      <use href={`#${name}`} />
    </svg>
  );
}
