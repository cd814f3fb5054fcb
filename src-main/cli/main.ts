// Entry of the command line, `npm run cli -- <command> …`, on the same services as the app.
import { COMMANDS } from './commands';
import { UsageError } from './args';

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}`);
  return `Användning: npm run cli -- <kommando>\n${lines.join('\n') || '  (inga kommandon ännu)'}`;
}

async function main(argv: string[]): Promise<number> {
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    const asked = argv.length ? `Okänt kommando: ${argv.join(' ')}\n\n` : '';
    console.error(`${asked}${usage()}`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.words.length));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\nAnvändning: npm run cli -- ${command.usage}`);
      return 2;
    }
    console.error(`Fel: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
