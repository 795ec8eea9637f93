import { Menu, dialog, type BrowserWindow } from 'electron';

export interface MenuActions {
  openWorkspace(dir: string): void;
  createWorkspace(dir: string): void;
}

export function installMenu(window: () => BrowserWindow | undefined, actions: MenuActions, devTools: boolean): void {
  const pickFolder = async (title: string, create: boolean): Promise<string | undefined> => {
    const win = window();
    const options: Electron.OpenDialogOptions = { title, properties: create ? ['openDirectory', 'createDirectory'] : ['openDirectory'] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: async () => { const d = await pickFolder('Choose an empty folder for the new workspace', true); if (d) actions.createWorkspace(d); } },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: async () => { const d = await pickFolder('Open an Assay workspace folder', false); if (d) actions.openWorkspace(d); } },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(devTools ? [{ role: 'toggleDevTools' } as const] : []), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
