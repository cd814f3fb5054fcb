// Command line of the browser host: `npm run host -- --port N --data DIR`.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/table';
import { openServices, startupProblems } from '../services';
import { collectionDirFrom } from '../cli/args';
import { defaultDataDir } from '../services/data-dir';
import { startHost } from './server';

const root = resolve(import.meta.dirname, '../..');

const USAGE = `Användning: npm run host -- [--port N] [--host 127.0.0.1] [--data MAPP] [--resources MAPP] [--collection MAPP]
  --port N     port att lyssna på (0 = valfri ledig port; standard 5199)
  --host ADR   loopback-adress: 127.0.0.1, ::1 eller localhost
  --data MAPP  mapp för anteckningar och inställningar (standard: programmets egen, ${defaultDataDir()})
  --resources MAPP  mapp med documents/ (standard: programmets egna dokument; t.ex. en genererad testkorpus)
  --collection MAPP  en annan samling (manifest.ndjson + Markdown); dess index byggs första gången och sparas i datamappen`;

function exit(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5199' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        resources: { type: 'string' },
        collection: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    exit((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exit(`Ogiltig port: ${values.port}`);
  const rendererDir = resolve(root, 'out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html')))
    exit('Renderaren är inte byggd: kör npm run build först.');

  let collectionDir: string | null = null;
  try {
    collectionDir = collectionDirFrom(values.collection);
  } catch (e) {
    exit((e as Error).message);
  }
  const services = await openServices({
    resourcesDir: resolve(values.resources ?? resolve(root, 'resources')),
    dataDir: resolve(values.data ?? defaultDataDir()),
    collectionDir,
    log: (line) => console.log(line),
    openExternal: async (url) => {
      // The host has no system browser to hand links to; it records the request instead.
      console.log(`EXTERN LÄNK (öppnas inte av testvärden): ${url}`);
    },
  });
  for (const problem of startupProblems(services)) console.warn(problem);
  void services.search.ready.then((how) => console.log(how));
  const dispatch = createDispatcher(createHandlerTable(services), (line) => console.error(line));
  let host;
  try {
    host = await startHost({ host: values.host, port, rendererDir, dispatch });
  } catch (e) {
    exit((e as Error).message);
  }
  console.log(`Läsaren körs på ${host.url}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
