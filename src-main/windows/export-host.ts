// Owns Electron's side of exporting: the native save and open dialogs, "Visa i mappen"
// (shell.showItemInFolder) and printing the HTML export to PDF in a hidden, sandboxed
// window with JavaScript off. Injected into the electron-free export service by index.ts.
import { BrowserWindow, dialog, shell } from 'electron';
import { FORMAT_EXTENSION, FORMAT_LABEL } from '../shared/export';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS } from '../services/export/pdf';
import type { ExportHost } from '../services/export/service';
import { join } from 'node:path';

async function printToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      // Nothing is clicked in a print window; without auxclick a middle click cannot open one.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    // data: URLs are allowed by the session guard; the HTML carries a CSP that loads nothing.
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`,
    );
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margins: { ...PDF_MARGINS },
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}

export function electronExportHost(documentsDir: string): ExportHost {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async chooseSavePath(defaultName, format) {
      const options = {
        title: 'Exportera anteckningar',
        buttonLabel: 'Spara',
        defaultPath: join(documentsDir, defaultName),
        filters: [{ name: FORMAT_LABEL[format], extensions: [FORMAT_EXTENSION[format]] }],
      };
      const owner = parent();
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    revealFile: async (path) => shell.showItemInFolder(path),
    async chooseImportFile() {
      const options = {
        title: 'Importera anteckningar',
        buttonLabel: 'Välj',
        properties: ['openFile' as const],
        filters: [{ name: 'W3C Web Annotation (JSON)', extensions: ['json', 'jsonld'] }],
      };
      const owner = parent();
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    renderPdf: printToPdf,
  };
}
