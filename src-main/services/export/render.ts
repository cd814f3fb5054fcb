// Owns turning the export model into a file's bytes for each format: the one switch that
// the app, the browser host and the CLI all go through.
import type { ExportFormat } from '../../shared/export';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { ExportModel } from './model';
import type { PdfRenderer } from './pdf';
import { renderW3cJson } from './w3c-json';

const utf8 = (text: string) => new TextEncoder().encode(text);

export async function renderExport(
  model: ExportModel,
  format: ExportFormat,
  renderPdf: PdfRenderer,
): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return renderDocx(model);
    case 'pdf':
      return renderPdf(renderHtml(model));
    case 'md':
      return utf8(renderMarkdown(model));
    case 'html':
      return utf8(renderHtml(model));
    case 'csv':
      return renderCsv(model);
    case 'json':
      return utf8(renderW3cJson(model));
  }
}
