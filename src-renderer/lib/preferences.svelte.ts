// Owns the reading preferences in the renderer: loaded from main's settings, applied to the
// page (language, theme, text size, line width) and saved back when the user changes them.
import type { Settings, SettingsPatch } from '../../src-main/shared/settings';
import { TEXT_SIZE, type LineWidth, type Theme } from '../../src-main/shared/preferences';
import { locale } from './i18n';
import { notices } from './notices.svelte';
import { saveSettings } from './settings-client';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

/** The palette to show: "system" follows the operating system's light or dark setting. */
function resolveTheme(theme: Theme): Exclude<Theme, 'system'> {
  if (theme !== 'system') return theme;
  return systemDark.matches ? 'dark' : 'light';
}

class Preferences {
  theme = $state<Theme>('system');
  textSize = $state<number>(TEXT_SIZE.default);
  lineWidth = $state<LineWidth>('normal');

  /** Applies stored settings without saving them again. */
  apply(settings: Pick<Settings, 'language' | 'theme' | 'textSize' | 'lineWidth'>): void {
    locale.set(settings.language);
    this.theme = settings.theme;
    this.textSize = settings.textSize;
    this.lineWidth = settings.lineWidth;
    const root = document.documentElement;
    root.dataset['theme'] = resolveTheme(settings.theme);
    root.dataset['lineWidth'] = settings.lineWidth;
    root.style.setProperty('--text-scale', String(settings.textSize / 100));
  }

  /** Applies at once (quick repeated clicks each count), then saves; a failed save reverts. */
  async update(patch: SettingsPatch): Promise<void> {
    const before = this.#snapshot();
    this.apply({ ...before, ...patch });
    const result = await saveSettings(patch);
    if (!result.ok) {
      this.apply(before);
      notices.error(result.error.message);
    }
  }

  #snapshot(): Pick<Settings, 'language' | 'theme' | 'textSize' | 'lineWidth'> {
    return {
      language: locale.current,
      theme: this.theme,
      textSize: this.textSize,
      lineWidth: this.lineWidth,
    };
  }

  stepTextSize(direction: 1 | -1): void {
    const next = this.textSize + direction * TEXT_SIZE.step;
    if (next >= TEXT_SIZE.min && next <= TEXT_SIZE.max) void this.update({ textSize: next });
  }
}

export const preferences = new Preferences();

systemDark.addEventListener('change', () => {
  if (preferences.theme === 'system') document.documentElement.dataset['theme'] = resolveTheme('system');
});
