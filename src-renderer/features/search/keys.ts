// Owns the search shortcuts: Ctrl+K and Ctrl+Shift+F focus the header search, Ctrl+F finds
// in the open document, F3 / Shift+F3 step through its matches.
import { find } from './find.svelte';

export interface SearchKeyContext {
  readonly inReader: boolean;
  focusSearch(): void;
}

/** Handles the event when it is a search shortcut; returns whether it did. */
export function handleSearchKey(event: KeyboardEvent, context: SearchKeyContext): boolean {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && !event.altKey && (key === 'k' || (key === 'f' && event.shiftKey))) {
    context.focusSearch();
  } else if (ctrl && !event.altKey && key === 'f') {
    if (context.inReader) find.show();
    else context.focusSearch();
  } else if (event.key === 'F3' && !ctrl && !event.altKey) {
    if (!context.inReader) return false;
    if (!find.open) find.show();
    else find.step(event.shiftKey ? -1 : 1);
  } else return false;
  event.preventDefault();
  return true;
}
