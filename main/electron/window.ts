import { app, BrowserWindow } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hardenContents } from './security';

/** The bundle sits in dist/electron/, next to dist/renderer/ and the preload script. */
export const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
export const appUrl = pathToFileURL(rendererIndex).href;
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));
/** DevTools only in development: a packaged build offers no way to open them. */
export const devToolsAllowed = !app.isPackaged;

export function createMainWindow(title: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title,
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      preload: preloadPath,
      devTools: devToolsAllowed,
    },
  });
  hardenContents(win.webContents, appUrl, devToolsAllowed);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}
