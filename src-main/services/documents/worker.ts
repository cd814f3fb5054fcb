// Worker thread entry for parsing one untrusted file: receives the bytes and the file name,
// posts progress for long PDFs and then one outcome. A crash or hang here ends this thread
// only; import-worker.ts enforces the time and memory limits from the other side.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './import-parse';
import { parseMarkdown } from './markdown';

export interface WorkerRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: Awaited<ReturnType<typeof parseFile>> };

parentPort?.once('message', (request: WorkerRequest) => {
  void parseFile(request.bytes, request.fileName, {
    // Links in the user's own Markdown stay external: they cannot name library documents.
    markdown: (source) => parseMarkdown(source, { resolveLink: () => null }),
    onProgress: (done, total) =>
      parentPort?.postMessage({ type: 'progress', done, total } satisfies WorkerMessage),
  }).then((outcome) => parentPort?.postMessage({ type: 'done', outcome } satisfies WorkerMessage));
});
