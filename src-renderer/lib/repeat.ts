// Owns running a check again and again with a pause between the end of one and the start of
// the next (never two at once, however slow main is to answer), for the polls that notice
// changes made by another process.

/** Runs `check` every `ms` milliseconds after the previous run finished, for the page's life. */
export function repeatEvery(ms: number, check: () => Promise<void>): void {
  const tick = async () => {
    try {
      await check();
    } finally {
      setTimeout(() => void tick(), ms);
    }
  };
  setTimeout(() => void tick(), ms);
}
