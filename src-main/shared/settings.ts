// Owns the shape of the user's remembered preferences: last document and paragraph,
// language, theme, text size and line width.
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from './documents/model';
import { LANGUAGES, LINE_WIDTHS, TEXT_SIZE, THEMES } from './preferences';

export const SettingsSchema = z.strictObject({
  lastDocumentId: z.string().regex(DOCUMENT_ID_PATTERN).nullable(),
  lastParagraph: z.number().int().min(1).max(1_000_000).nullable(),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  textSize: z.number().int().min(TEXT_SIZE.min).max(TEXT_SIZE.max),
  lineWidth: z.enum(LINE_WIDTHS),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: only the given keys change. */
export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  lastDocumentId: null,
  lastParagraph: null,
  language: 'sv',
  theme: 'system',
  textSize: TEXT_SIZE.default,
  lineWidth: 'normal',
};
