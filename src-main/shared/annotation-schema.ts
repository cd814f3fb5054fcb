// Owns the zod schemas for annotations: the store file on disk, IPC payloads and imports all
// pass through these. Kept apart from annotation.ts so the renderer can import the model's
// constants without bundling zod.
import { z } from 'zod';
import {
  HIGHLIGHT_COLOURS,
  STORE_SCHEMA_VERSION,
  type Annotation,
  type AnnotationBody,
  type AnnotationTarget,
} from './annotation';
import { DOCUMENT_ID_PATTERN } from './documents/model';

export const MAX_NOTE_LENGTH = 200_000;
export const MAX_QUOTE_LENGTH = 200_000;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoTime = z.iso.datetime({ offset: true, error: 'Tiden måste vara en ISO 8601-tid.' });

export const AnnotationIdSchema = z
  .string()
  .regex(UUID, { error: 'Ogiltigt antecknings-id (ska vara ett UUID).' });

export const TagSchema = z
  .string()
  .trim()
  .min(1, { error: 'En tagg kan inte vara tom.' })
  .max(MAX_TAG_LENGTH, { error: `En tagg får vara högst ${MAX_TAG_LENGTH} tecken.` });

export const AnnotationBodySchema = z.strictObject({
  colour: z.enum(HIGHLIGHT_COLOURS).nullable(),
  note: z.string().max(MAX_NOTE_LENGTH, { error: `En anteckning får vara högst ${MAX_NOTE_LENGTH} tecken.` }),
  tags: z.array(TagSchema).max(MAX_TAGS, { error: `Högst ${MAX_TAGS} taggar per anteckning.` }),
}) satisfies z.ZodType<AnnotationBody>;

export const AnnotationTargetSchema = z
  .strictObject({
    documentId: z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Ogiltigt dokument-id.' }),
    paragraph: z.number().int().min(1),
    quote: z.strictObject({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
      prefix: z.string().max(1000),
      suffix: z.string().max(1000),
    }),
    position: z.strictObject({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
  })
  .refine((t) => t.position.end > t.position.start, {
    error: 'Markeringens slut måste ligga efter dess början.',
    path: ['position'],
  }) satisfies z.ZodType<AnnotationTarget>;

export const NewAnnotationSchema = z
  .strictObject({ ...AnnotationTargetSchema.shape, ...AnnotationBodySchema.shape })
  .refine((a) => a.position.end > a.position.start, {
    error: 'Markeringens slut måste ligga efter dess början.',
    path: ['position'],
  });

export const AnnotationSchema = z
  .strictObject({
    ...AnnotationTargetSchema.shape,
    ...AnnotationBodySchema.shape,
    id: AnnotationIdSchema,
    created: isoTime,
    modified: isoTime,
    history: z.array(AnnotationBodySchema.extend({ modified: isoTime })).max(100),
  })
  .refine((a) => a.position.end > a.position.start, { path: ['position'] }) satisfies z.ZodType<Annotation>;

export const StoreFileSchema = z.strictObject({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  annotations: z.array(AnnotationSchema),
});
