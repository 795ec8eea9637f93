import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL, type Reply } from '../../shared/contract/bridge';
import type { Handlers } from '../../shared/contract/api';
import { dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import { isAppPage } from './navigation-policy';

/**
 * One channel for the whole API. The sender must be our own window showing our own page; the method and its
 * input are then checked by the same dispatch the HTTP server uses.
 */
export function serveIpc(getHandlers: () => Handlers | undefined, window: () => BrowserWindow | undefined, appUrl: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Reply<unknown>> => {
    const win = window();
    if (!win || event.sender !== win.webContents || !isAppPage(event.senderFrame?.url, appUrl)) {
      return { ok: false, error: { code: 'bad_request', message: 'IPC from an unexpected sender was refused' } };
    }
    const handlers = getHandlers();
    if (!handlers) return { ok: false, error: { code: 'workspace', message: 'no workspace is open: use File > Open Workspace' } };
    return dispatch(handlers, method, input);
  });
}

export function forwardEvents(events: EventBus, window: () => BrowserWindow | undefined): () => void {
  return events.subscribe((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}
