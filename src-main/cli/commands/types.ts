// Owns the shape of a CLI command.

export interface CliCommand {
  /** The words that select it, e.g. ['notes', 'list']. */
  readonly words: readonly string[];
  /** One or more usage lines, in Swedish. */
  readonly usage: string;
  /** Runs with the arguments after the command words; returns the exit code. */
  run(args: string[]): Promise<number>;
}
