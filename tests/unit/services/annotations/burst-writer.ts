// A child process for the fault test: opens the real store in the given folder and creates
// annotations as fast as it can, printing `ack <id>` once each save has resolved (is durable).
// The parent kills it with SIGKILL at a random moment.
import { openAnnotationStore } from '../../../../src-main/services/annotations/store';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: burst-writer <dataDir> <run>');
const store = await openAnnotationStore(dataDir);
if (store.problem) process.stdout.write(`problem ${store.problem}\n`);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const result = await store.create({
    documentId: '000_85e98cc4eb8dedfb',
    paragraph: 1,
    quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: ' Contact' },
    position: { type: 'TextPositionSelector', start: 0, end: 8 },
    colour: 'yellow',
    note: `körning ${run}, nummer ${i}: åäö – ✓ 🇸🇪`,
    tags: ['fel-test'],
  });
  if (!result.ok) throw new Error(result.error.message);
  // Every few saves, also edit an earlier one, so updates are under fire too.
  if (i % 5 === 4) {
    const updated = await store.update(result.value.id, { colour: 'green' });
    if (!updated.ok) throw new Error(updated.error.message);
  }
  process.stdout.write(`ack ${result.value.id}\n`);
}
