/** The ids of form controls that are made from others, kept apart from the components so pure code can name them. */

/** The id of one option of a radio group; the group's first option is where an error summary's link leads. */
export function radioId(name: string, value: string): string {
  return `${name}-${value}`;
}
