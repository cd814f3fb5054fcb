// Worker thread entry: builds the index for a list of paragraphs off the main thread and
// posts back its export. It imports the encoder (functions cannot be sent to a worker).
import { parentPort } from 'node:worker_threads';
import { SearchEngine, type ParagraphRecord } from './engine';

parentPort?.once('message', (records: ParagraphRecord[]) => {
  const engine = new SearchEngine();
  engine.add(records);
  parentPort?.postMessage(engine.export());
});
