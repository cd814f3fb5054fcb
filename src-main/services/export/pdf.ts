// Owns the PDF export's print settings and the renderer seam: the PDF is always the HTML
// export printed by Chromium, A4 with "Sida n av m" at the foot of each page. Electron
// injects webContents.printToPDF; the browser host and the CLI use pdf-chromium.ts.

/** Turns the export's HTML into PDF bytes. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

/** Chromium fills .pageNumber and .totalPages; the template's own styles apply only here. */
export const PDF_FOOTER_TEMPLATE = `<div style="width:100%;text-align:center;font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#5c5a53;">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>`;
export const PDF_HEADER_TEMPLATE = '<div></div>';

/** Margins in inches (Electron's printToPDF and Playwright's page.pdf both accept them). */
export const PDF_MARGINS = { top: 0.7, bottom: 0.8, left: 0.75, right: 0.75 } as const;
