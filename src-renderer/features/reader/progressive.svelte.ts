// Owns rendering a long document progressively: the first screenful at once, the rest in
// chunks, one task each, so a 2,000-block document paints its first screen quickly
// and stays responsive. Anything that needs a block further down (a deep link, a find hit, an
// outline jump) asks for it with `ensure` and gets it rendered before it scrolls there.

/** Blocks in the first chunk: fills a tall screen below the header (the next chunk follows in the next task). */
export const FIRST_CHUNK_BLOCKS = 24;
/** Blocks per later chunk: small enough that input is handled between chunks. */
const CHUNK_BLOCKS = 150;

// A macrotask per chunk rather than requestIdleCallback: idle periods may never come while
// something polls the page every frame, and the document must still finish rendering.
type Handle = ReturnType<typeof setTimeout>;
const later = (fn: () => void): Handle => setTimeout(fn, 0);

export class Progressive {
  /** Units rendered so far. */
  count = $state(0);
  /** True once every unit is rendered. */
  complete = $state(false);
  #sizes: readonly number[] = [];
  #handle: Handle | null = null;

  /** Starts over for a document whose units have these sizes (blocks per unit). */
  start(sizes: readonly number[]): void {
    this.stop();
    this.#sizes = sizes;
    this.count = this.#upTo(0, FIRST_CHUNK_BLOCKS);
    this.complete = this.count >= sizes.length;
    this.#schedule();
  }

  /** Renders at least the first `n` units now. */
  ensure(n: number): void {
    if (n <= this.count) return;
    this.count = Math.min(n, this.#sizes.length);
    this.complete = this.count >= this.#sizes.length;
  }

  all(): void {
    this.ensure(this.#sizes.length);
  }

  stop(): void {
    if (this.#handle !== null) clearTimeout(this.#handle);
    this.#handle = null;
  }

  /** The unit index reached after adding `blocks` blocks from `from`. */
  #upTo(from: number, blocks: number): number {
    let i = from;
    let n = 0;
    while (i < this.#sizes.length && n < blocks) n += this.#sizes[i++]!;
    return i;
  }

  #schedule(): void {
    if (this.complete) return;
    this.#handle = later(() => {
      this.#handle = null;
      this.count = this.#upTo(this.count, CHUNK_BLOCKS);
      this.complete = this.count >= this.#sizes.length;
      this.#schedule();
    });
  }
}
