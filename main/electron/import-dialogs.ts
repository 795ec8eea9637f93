// The desktop app's file pickers for imports and quarantine exports. They run in the main process, so the page
// only ever gets handles for what the user chose (see main/api/import-sources.ts).
import { dialog, type BrowserWindow } from 'electron';
import type { ApiHost } from '../api/import-sources';
import { chosenPaths, openDialogOptions, saveDialogOptions } from './import-dialog-options';

/** The API host of the desktop app: its dialogs are the only way the page can name a file. */
export function electronHost(window: () => BrowserWindow | undefined): ApiHost {
  return {
    kind: 'electron',
    async pickSources(folders) {
      const win = window();
      const options = openDialogOptions(folders);
      return chosenPaths(win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options));
    },
    async pickSaveTarget(defaultName) {
      const win = window();
      const options = saveDialogOptions(defaultName);
      return chosenPaths(win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options))[0];
    },
  };
}
