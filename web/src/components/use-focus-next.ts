/**
 * Focus for an element that is not on the page yet: `focusNext(id)` focuses the element with that
 * id once the next render has drawn it (the first field of an item just added to a list, or the
 * list itself after an item is removed).
 */
import { useEffect, useState } from 'preact/hooks';

export function useFocusNext(): (id: string) => void {
  const [next, setNext] = useState<string>();
  useEffect(() => {
    if (next === undefined) return;
    document.getElementById(next)?.focus();
    setNext(undefined);
  }, [next]);
  return setNext;
}
