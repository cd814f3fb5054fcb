// Intercepts the browser host's IPC socket (src-main/host/socket.ts) in a page: a spec may
// answer a call itself (a large answer by an address fetched once, as the host sends it) or
// hold it back, and every other call goes through to the real host.
import type { Page } from '@playwright/test';
import { IPC_PATH } from '../../src-main/host/bridge';
import { ANSWER_PATH, LARGE_ANSWER, answerMessage } from '../../src-main/host/socket';

/** An answer the spec gives took no time in main. */
const NOT_TIMED = { handler: 0, json: 0 };
let large = 0;

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
        void intercept(call.channel).then(async (answer) => {
          if (answer === undefined) return host.send(message);
          const body = JSON.stringify({ ok: true, value: answer.value });
          if (body.length <= LARGE_ANSWER)
            return socket.send(answerMessage(call.id, NOT_TIMED, { answer: body }));
          // As the host sends a large answer: an address the bridge fetches once.
          const at = `${ANSWER_PATH}intercepted-${++large}`;
          await page.route(`**${at}`, (route) => route.fulfill({ contentType: 'application/json', body }), {
            times: 1,
          });
          socket.send(answerMessage(call.id, NOT_TIMED, { at }));
        });
      });
      host.onMessage((message) => socket.send(message));
    },
  );
}
