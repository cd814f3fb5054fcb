// Owns handing a confirmed external link to the system. The opener is injected: Electron's
// shell.openExternal in the app, a recorder in the browser host. Validates again in main,
// because the renderer is never trusted.
import { parseExternalUrl } from '../../shared/external-url';
import { fail, ok, type Result } from '../../shared/result';

export type SystemOpener = (url: string) => Promise<void>;

export interface ExternalLinks {
  open(raw: string): Promise<Result<{ readonly opened: boolean }>>;
}

export function createExternalLinks(opener: SystemOpener): ExternalLinks {
  return {
    async open(raw) {
      const url = parseExternalUrl(raw);
      if (!url) {
        return fail(
          'forbidden',
          'Länken öppnades inte: bara webbadresser (http, https) och e-postadresser (mailto) kan öppnas utanför Läsaren.',
          'The link was not opened: only web addresses (http, https) and e-mail addresses (mailto) can be opened outside Läsaren.',
        );
      }
      try {
        await opener(url.href);
        return ok({ opened: true });
      } catch (e) {
        return fail(
          'io',
          `Systemet kunde inte öppna länken: ${(e as Error).message}`,
          `The system could not open the link: ${(e as Error).message}`,
        );
      }
    },
  };
}
