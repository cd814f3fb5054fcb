// Owns the reading preferences' allowed values. Zod-free so the renderer can import them.

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const LINE_WIDTHS = ['narrow', 'normal', 'wide'] as const;
export type LineWidth = (typeof LINE_WIDTHS)[number];

/** Text size in percent of the default reading size. */
export const TEXT_SIZE = { min: 80, max: 200, step: 10, default: 100 } as const;
