// Owns external links: no click on a link ever navigates the app. A link to the web or to
// an e-mail address is confirmed by the user, then handed to main, which opens it in the
// system's program; anything else is refused with a notice.
import { parseExternalUrl } from '../../../src-main/shared/external-url';
import { call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { notices } from '../../lib/notices.svelte';

class ExternalLinks {
  pending = $state<URL | null>(null);

  request(href: string): void {
    const url = parseExternalUrl(href);
    if (!url) notices.error(t('link.blocked'));
    else this.pending = url;
  }

  async confirm(): Promise<void> {
    const url = this.pending;
    this.pending = null;
    if (!url) return;
    const result = await call('openExternal', { url: url.href });
    if (result.ok) {
      const program = url.protocol === 'mailto:' ? t('link.mail') : t('link.browser');
      notices.show(t('link.opened', { program }));
    } else notices.error(result.error.message);
  }

  cancel(): void {
    this.pending = null;
  }
}

export const externalLinks = new ExternalLinks();

/** Catches every link activation in the page; in-app hash links pass through. */
export function interceptLinks(root: HTMLElement | Document): () => void {
  const handler = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(target instanceof HTMLAnchorElement)) return;
    const href = target.getAttribute('href') ?? '';
    if (href.startsWith('#')) return;
    event.preventDefault();
    if (event.type === 'click' || event.button === 1) externalLinks.request(target.href);
  };
  root.addEventListener('click', handler as EventListener, true);
  root.addEventListener('auxclick', handler as EventListener, true);
  return () => {
    root.removeEventListener('click', handler as EventListener, true);
    root.removeEventListener('auxclick', handler as EventListener, true);
  };
}
