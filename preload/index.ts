import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL, ApiError, type AssayBridge, type Reply } from '../shared/contract/bridge';
import type { AssayEvent } from '../shared/contract/events';

/** The only thing the page gets: the typed API bridge. No ipcRenderer, no Node. */
const bridge: AssayBridge = {
  async call(method, input) {
    const reply = (await ipcRenderer.invoke(IPC_CHANNEL, method, input)) as Reply<never>;
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
    return reply.value;
  },
  subscribe(listener) {
    const handler = (_e: IpcRendererEvent, event: AssayEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('assay', bridge);
