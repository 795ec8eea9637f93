import { describe, expect, it } from 'vitest';
import { chosenPaths, openDialogOptions, saveDialogOptions } from '../../../../main/electron/import-dialog-options';

describe('import dialogs', () => {
  it('asks for files or folders, several at once', () => {
    expect(openDialogOptions(false).properties).toEqual(['openFile', 'multiSelections']);
    expect(openDialogOptions(true).properties).toEqual(['openDirectory', 'multiSelections']);
    expect(saveDialogOptions('q.jsonl')).toMatchObject({ defaultPath: 'q.jsonl' });
  });

  it('turns a dialog answer into absolute paths only, and nothing when cancelled', () => {
    expect(chosenPaths({ canceled: true, filePaths: ['/a.jsonl'] })).toEqual([]);
    expect(chosenPaths({ canceled: false, filePaths: ['/a.jsonl', 'relative.jsonl', 'C:\\logs\\b.csv'] })).toEqual(['/a.jsonl', 'C:\\logs\\b.csv']);
    expect(chosenPaths({ canceled: false, filePath: '/out/q.jsonl' })).toEqual(['/out/q.jsonl']);
    expect(chosenPaths({ canceled: false, filePath: '' })).toEqual([]);
  });
});
