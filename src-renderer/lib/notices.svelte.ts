// Owns the short messages shown at the bottom of the window (and announced to screen
// readers): confirmations, errors, and later "Ångra" actions.

export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
  readonly action?: NoticeAction;
}

const TIMEOUT_MS = { info: 6000, error: 12000 } as const;

class Notices {
  items = $state<Notice[]>([]);
  #next = 1;

  show(text: string, options: { tone?: Notice['tone']; action?: NoticeAction } = {}): number {
    const id = this.#next++;
    const tone = options.tone ?? 'info';
    this.items = [...this.items.slice(-2), { id, text, tone, action: options.action }];
    setTimeout(() => this.dismiss(id), TIMEOUT_MS[tone]);
    return id;
  }

  error(text: string): number {
    return this.show(text, { tone: 'error' });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }
}

export const notices = new Notices();
