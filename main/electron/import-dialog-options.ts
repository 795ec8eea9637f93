// What the desktop app's import and export dialogs ask for, and what the page may be given from their answer.
// Pure (types only from electron), so it is unit-tested without the Electron binary.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';

const IMPORT_FILTERS = [
  { name: 'Logs and datasets', extensions: ['jsonl', 'json', 'csv', 'parquet', 'gz', 'ndjson'] },
  { name: 'All files', extensions: ['*'] },
];

/** Files, or folders (knowledge bases and folders of logs); several at once either way. */
export function openDialogOptions(folders: boolean): OpenDialogOptions {
  return folders
    ? { title: 'Import folders', properties: ['openDirectory', 'multiSelections'] }
    : { title: 'Import files', properties: ['openFile', 'multiSelections'], filters: IMPORT_FILTERS };
}

export function saveDialogOptions(defaultName: string): SaveDialogOptions {
  return { title: 'Export quarantined rows', defaultPath: defaultName, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }] };
}

/** What the dialog returned, as the paths the user chose: nothing when cancelled, only absolute paths. */
export function chosenPaths(result: { canceled: boolean; filePaths?: readonly string[]; filePath?: string }): string[] {
  if (result.canceled) return [];
  const paths = result.filePaths ?? (result.filePath ? [result.filePath] : []);
  return paths.filter((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'));
}
