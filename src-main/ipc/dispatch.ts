// Owns the single entry point for every IPC call in both hosts: it finds the capability by
// channel, validates the payload against the contract's schema and turns any failure,
// including an exception in a handler, into a Result. Nothing is thrown back to the caller.
import { z } from 'zod';
import { CHANNELS, type CapabilityName } from '../shared/channels';
import { contract } from '../shared/contract';
import { fail, type Result } from '../shared/result';
import type { HandlerTable } from './table';

z.config(z.locales.sv());

const BY_CHANNEL = new Map<string, CapabilityName>(
  (Object.keys(CHANNELS) as CapabilityName[]).map((name) => [CHANNELS[name], name]),
);

export type Dispatcher = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function createDispatcher(table: HandlerTable, log: (line: string) => void = () => {}): Dispatcher {
  return async (channel, payload) => {
    const name = typeof channel === 'string' ? BY_CHANNEL.get(channel) : undefined;
    if (!name) {
      // A channel that is not a string is named by its type: String() of a hostile object
      // (one whose toString is not a function) throws.
      const shown = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
      return fail('unknown-channel', `Okänd funktion: ${shown}.`, `Unknown function: ${shown}.`);
    }
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) {
      return fail(
        'invalid-request',
        `Ogiltig begäran (${name}): ${describeIssues(parsed.error)}`,
        `Invalid request (${name}): ${describeIssues(parsed.error)}`,
      );
    }
    try {
      const handler = table[name] as (input: unknown) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data);
    } catch (e) {
      log(`${name} misslyckades: ${(e as Error).stack ?? String(e)}`);
      return fail(
        'internal',
        'Något gick fel i Läsaren. Försök igen; om felet kvarstår, starta om programmet.',
        'Something went wrong in Läsaren. Try again; if it keeps happening, restart the program.',
      );
    }
  };
}
