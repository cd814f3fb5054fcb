// Worker thread entry for parsing one untrusted file: receives the bytes and the file name,
// posts progress for long PDFs and then one outcome. A crash or hang here ends this thread
// only; import-worker.ts enforces the time and memory limits from the other side. A second
// thread for the same PDF gets a page share instead and posts that share's rows, which the
// app's side passes on to the first thread as the answer to its request for them.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './import-parse';
import { ImportFailure, problems } from './limits';
import { parseMarkdown } from './markdown';
import { extractPdfPages, type PageShare, type PdfPages } from './pdf';

export interface WorkerRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Set for a helper thread: read only these pages of a PDF. */
  readonly share?: PageShare;
}

/** From the app's side to the first thread: the helper's pages, or word that it failed. */
export type HelperReply = { readonly type: 'pages'; readonly pages: PdfPages } | { readonly type: 'failed' };

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: Awaited<ReturnType<typeof parseFile>> }
  | { readonly type: 'want-pages'; readonly share: PageShare }
  | HelperReply;

const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

function helperRun(request: WorkerRequest & { share: PageShare }): void {
  extractPdfPages(request.bytes, request.share, (done, total) =>
    post({ type: 'progress', done, total }),
  ).then(
    (pages) => post({ type: 'pages', pages }),
    () => post({ type: 'failed' }),
  );
}

/** Asks the app's side for the pages another thread reads; resolves with them or rejects. */
function askForPages(share: PageShare): Promise<PdfPages> {
  return new Promise((resolve, reject) => {
    const onReply = (reply: HelperReply): void => {
      parentPort?.off('message', onReply);
      if (reply.type === 'pages') resolve(reply.pages);
      else reject(new ImportFailure(problems.crashed()));
    };
    parentPort?.on('message', onReply);
    post({ type: 'want-pages', share });
  });
}

parentPort?.once('message', (request: WorkerRequest) => {
  if (request.share) {
    helperRun({ ...request, share: request.share });
    return;
  }
  void parseFile(request.bytes, request.fileName, {
    // Links in the user's own Markdown stay external: they cannot name library documents.
    markdown: (source) => parseMarkdown(source, { resolveLink: () => null }),
    onProgress: (done, total) => post({ type: 'progress', done, total }),
    pdfHelper: askForPages,
  }).then((outcome) => post({ type: 'done', outcome }));
});
