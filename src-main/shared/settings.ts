// Owns the shape of the user's remembered preferences (last document, later language and theme).
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from './model';

export const SettingsSchema = z.strictObject({
  lastDocumentId: z.string().regex(DOCUMENT_ID_PATTERN).nullable(),
  lastParagraph: z.number().int().min(1).max(1_000_000).nullable(),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: only the given keys change. */
export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = { lastDocumentId: null, lastParagraph: null };
