import { app, dialog, type BrowserWindow } from 'electron';
import type { Handlers } from '../../shared/contract/api';
import { EventBus } from '../api/event-bus';
import { createHandlers } from '../api/handlers';
import { createWorkspace, defaultActor, openWorkspace, type Workspace } from '../storage/workspace';
import { electronHost } from './import-dialogs';
import { installMenu } from './menu';
import { installReportKeyVault } from './report-key-vault';
import { forwardEvents, serveIpc } from './ipc';
import { hardenSession } from './security';
import { appUrl, createMainWindow, devToolsAllowed, rendererIndex } from './window';

/** Electron main process: one window, one workspace at a time, the API served over one IPC channel. */
const events = new EventBus();
let mainWindow: BrowserWindow | undefined;
let workspace: Workspace | undefined;
let handlers: Handlers | undefined;

function workspaceArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--workspace');
  return i >= 0 ? argv[i + 1] : undefined;
}

function useWorkspace(open: () => Workspace): void {
  try {
    const next = open();
    workspace?.close();
    workspace = next;
    handlers = createHandlers(next, events, electronHost(() => mainWindow));
    mainWindow?.setTitle(`Assay — ${next.dir}`);
    events.emit({ type: 'workspace.changed', reason: 'workspace.opened' });
  } catch (err) {
    dialog.showErrorBox('Cannot open workspace', (err as Error).message);
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    // Every contents, not only the main window's: nothing may open windows, attach webviews or navigate away.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    hardenSession(rendererIndex, devToolsAllowed);
    installReportKeyVault();
    const actor = defaultActor('app');
    serveIpc(() => handlers, () => mainWindow, appUrl);
    forwardEvents(events, () => mainWindow);
    installMenu(() => mainWindow, {
      openWorkspace: (dir) => useWorkspace(() => openWorkspace(dir, { actor })),
      createWorkspace: (dir) => useWorkspace(() => createWorkspace(dir, { actor })),
    }, devToolsAllowed);
    const initial = workspaceArg(process.argv);
    if (initial) useWorkspace(() => openWorkspace(initial, { actor }));
    mainWindow = createMainWindow(workspace ? `Assay — ${workspace.dir}` : 'Assay');
    mainWindow.on('closed', () => { mainWindow = undefined; });
  }).catch((err: unknown) => {
    dialog.showErrorBox('Assay failed to start', (err as Error).message);
    app.quit();
  });
  app.on('window-all-closed', () => {
    workspace?.close();
    app.quit();
  });
}
