// Owns the UI language as reactive state: every t() call in a template re-renders when it
// changes, and the document's lang attribute follows.
import type { Language } from '../../../src-main/shared/preferences';

class Locale {
  current = $state<Language>('sv');

  set(language: Language): void {
    this.current = language;
    document.documentElement.lang = language;
  }
}

export const locale = new Locale();
