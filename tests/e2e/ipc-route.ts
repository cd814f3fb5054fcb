// Intercepts the browser host's IPC socket (src-main/host/socket.ts) in a page: a spec may
// answer a call itself or hold it back, and every other call goes through to the real host.
import type { Page } from '@playwright/test';
import { IPC_PATH } from '../../src-main/host/bridge';

/** What to do with one call: answer it with a value, or let it through (after an optional wait). */
export type IpcIntercept = (channel: string) => Promise<{ value: unknown } | undefined>;

/** Routes the page's IPC calls through `intercept`; set it before the page opens the app. */
export async function routeIpc(page: Page, intercept: IpcIntercept): Promise<void> {
  await page.routeWebSocket(
    (url) => url.pathname === IPC_PATH,
    (socket) => {
      const host = socket.connectToServer();
      socket.onMessage((message) => {
        const call = JSON.parse(String(message)) as { id: number; channel: string };
        // Each call on its own: one held back must not hold back the others.
        void intercept(call.channel).then((answer) => {
          if (answer === undefined) host.send(message);
          else socket.send(JSON.stringify({ id: call.id, answer: { ok: true, value: answer.value } }));
        });
      });
      host.onMessage((message) => socket.send(message));
    },
  );
}
