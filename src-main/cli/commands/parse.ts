// Owns parsing a command's arguments with node:util's parseArgs, with its English errors
// turned into Swedish usage errors (exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../args';

export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const { code, message } = e as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Okänd flagga: ${quoted}.`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`Oväntat argument: ${quoted}.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`Flaggan ${quoted.split(' ')[0] ?? ''} behöver ett värde.`);
    throw new UsageError(message);
  }
}
