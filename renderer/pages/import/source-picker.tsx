import { useState, type DragEvent } from 'react';
import { call, hostKind } from '../../api/client';
import { uploadFile } from './upload';

/** A file the main side holds for us: the page only has its handle and the name to show. */
interface Picked { handle: string; name: string }

/**
 * Sources for an import: files picked in the desktop app's dialogs or uploaded (both become handles), and in
 * browser mode paths typed relative to the workspace folder. The page never names an arbitrary path on disk.
 */
export function SourcePicker({ paths, onChange }: { paths: string[]; onChange: (paths: string[]) => void }) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [over, setOver] = useState(false);
  const [upload, setUpload] = useState<{ name: string; sent: number; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (nextText: string, nextPicked: Picked[]) => {
    setText(nextText);
    setPicked(nextPicked);
    onChange([...nextText.split('\n').map((l) => l.trim()).filter((l) => l !== ''), ...nextPicked.map((p) => p.handle)]);
  };

  const addFiles = async (files: File[]) => {
    setError(null);
    const uploaded: Picked[] = [];
    try {
      for (const f of files) {
        setUpload({ name: f.name, sent: 0, size: f.size });
        uploaded.push({ handle: await uploadFile(f, (sent) => setUpload({ name: f.name, sent, size: f.size })), name: f.name });
      }
      commit(text, [...picked, ...uploaded]);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setUpload(null);
    }
  };

  const choose = (folders: boolean) => {
    setError(null);
    call('import.pickSources', { folders }).then((chosen) => commit(text, [...picked, ...chosen]), (err: Error) => setError(err.message));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void addFiles([...e.dataTransfer.files]);
  };

  return (
    <div className="import-steps">
      {hostKind === 'desktop'
        ? <div className="import-actions">
            <button type="button" className="button" data-testid="import-choose-files" onClick={() => choose(false)}>Choose files…</button>
            <button type="button" className="button" data-testid="import-choose-folders" onClick={() => choose(true)}>Choose folders…</button>
          </div>
        : <label className="import-field">
            Files or folders inside the workspace folder, one per line (.jsonl, .json, .csv, .parquet, .gz, or a folder of .md/.txt/.html documents); upload anything else below
            <textarea className="import-paths" data-testid="import-paths" value={text} spellCheck={false}
              placeholder="exports/langfuse-2024-q4.jsonl.gz" onChange={(e) => commit(e.target.value, picked)} />
          </label>}
      {picked.length > 0
        ? <ul className="import-picked" data-testid="import-picked">
            {picked.map((p) => (
              <li key={p.handle}>
                <span>{p.name}</span>{' '}
                <button type="button" className="link-button" onClick={() => commit(text, picked.filter((q) => q !== p))}>remove</button>
              </li>
            ))}
          </ul>
        : null}
      <div className={`import-drop${over ? ' import-drop-active' : ''}`} data-testid="import-drop"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        {upload
          ? `Uploading ${upload.name}: ${Math.round((upload.sent / Math.max(upload.size, 1)) * 100)}%`
          : <>Drop files here, or <label className="link-button">pick files<input type="file" multiple hidden
              onChange={(e) => void addFiles([...(e.target.files ?? [])])} /></label></>}
      </div>
      {error ? <div className="banner banner-error" role="alert"><span className="banner-text">{error}</span></div> : null}
      {paths.length === 0 ? null : <span className="muted">{paths.length} source{paths.length === 1 ? '' : 's'}</span>}
    </div>
  );
}
