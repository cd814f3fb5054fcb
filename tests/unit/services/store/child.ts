// A child process for the two-process tests: opens the real store on a data folder, as a
// second Läsaren (or the CLI) would, and does one thing:
//   open DIR             prints `open <count> <problem or ->` and exits
//   burst DIR N LABEL    saves N notes, printing `ack <id>` after each acknowledged save
import { openAnnotationStore } from '../../../../src-main/services/annotations/store';

const [command, dataDir, n, label] = process.argv.slice(2);
if (!command || !dataDir) throw new Error('usage: child open|burst DIR [N LABEL]');
const store = await openAnnotationStore(dataDir);
if (command === 'open') {
  process.stdout.write(`open ${store.all().length} ${store.problem ?? '-'}\n`);
} else if (command === 'burst') {
  for (let i = 0; i < Number(n); i++) {
    const result = await store.create({
      documentId: '000_85e98cc4eb8dedfb',
      paragraph: 1,
      quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: ' Contact' },
      position: { type: 'TextPositionSelector', start: 0, end: 8 },
      colour: 'green',
      note: `${label ?? 'barn'} ${i}`,
      tags: [label ?? 'barn'],
    });
    if (!result.ok) throw new Error(result.error.message);
    process.stdout.write(`ack ${result.value.id}\n`);
  }
}
store.close();
