// Owns undo and redo of annotation changes: each change is a pair of operations that talk to
// main (restore, delete, update), so undoing is itself a durable save.

export interface Change {
  /** What the change did, for the notice ("Markering skapad"). */
  readonly label: string;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

const LIMIT = 200;

export class ChangeHistory {
  #done: Change[] = [];
  #undone: Change[] = [];
  canUndo = $state(false);
  canRedo = $state(false);
  #busy = false;

  /** The change Ctrl+Z would undo now. */
  get latest(): Change | undefined {
    return this.#done[this.#done.length - 1];
  }

  record(change: Change): void {
    this.#done = [...this.#done.slice(-(LIMIT - 1)), change];
    this.#undone = [];
    this.#sync();
  }

  /** Undoes the latest change; returns it when it worked. */
  async undo(): Promise<Change | null> {
    return this.#step(this.#done, this.#undone, 'undo');
  }

  async redo(): Promise<Change | null> {
    return this.#step(this.#undone, this.#done, 'redo');
  }

  async #step(from: Change[], to: Change[], how: 'undo' | 'redo'): Promise<Change | null> {
    const change = from[from.length - 1];
    if (!change || this.#busy) return null;
    this.#busy = true;
    try {
      if (!(await change[how]())) return null;
      from.pop();
      to.push(change);
      return change;
    } finally {
      this.#busy = false;
      this.#sync();
    }
  }

  #sync(): void {
    this.canUndo = this.#done.length > 0;
    this.canRedo = this.#undone.length > 0;
  }
}
