// Owns wiring the dispatcher to ipcMain: one handler per contract channel, and a sender
// check that drops calls from any frame that is not the app's own top-level page.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/channels';
import { fail } from '../shared/result';
import type { Dispatcher } from './dispatch';
import { isTrustedSender } from './sender';

export function registerIpc(dispatch: Dispatcher): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame !== null && frame.parent === null)) {
        return fail(
          'forbidden',
          'Anropet kom inte från Läsarens eget fönster och avvisades.',
          'The call did not come from Läsaren’s own window and was refused.',
        );
      }
      return dispatch(channel, payload);
    });
  }
}
