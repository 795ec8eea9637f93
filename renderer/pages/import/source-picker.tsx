import { useState, type DragEvent } from 'react';
import { uploadFile } from './upload';

/** Paths typed or pasted (one per line), or files dropped here and uploaded to the main side. */
export function SourcePicker({ paths, onChange }: { paths: string[]; onChange: (paths: string[]) => void }) {
  const [text, setText] = useState(paths.join('\n'));
  const [over, setOver] = useState(false);
  const [upload, setUpload] = useState<{ name: string; sent: number; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (value: string) => {
    setText(value);
    onChange(value.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  };

  const addFiles = async (files: File[]) => {
    setError(null);
    const uploaded: string[] = [];
    try {
      for (const f of files) {
        setUpload({ name: f.name, sent: 0, size: f.size });
        uploaded.push(await uploadFile(f, (sent) => setUpload({ name: f.name, sent, size: f.size })));
      }
      commit([...text.split('\n').filter((l) => l.trim() !== ''), ...uploaded].join('\n'));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setUpload(null);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void addFiles([...e.dataTransfer.files]);
  };

  return (
    <div className="import-steps">
      <label className="import-field">
        Files or folders on this machine (one per line; .jsonl, .json, .csv, .gz, or a folder of .md/.txt/.html documents)
        <textarea className="import-paths" data-testid="import-paths" value={text} spellCheck={false}
          placeholder="/data/exports/langfuse-2024-q4.jsonl.gz" onChange={(e) => commit(e.target.value)} />
      </label>
      <div className={`import-drop${over ? ' import-drop-active' : ''}`} data-testid="import-drop"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        {upload
          ? `Uploading ${upload.name}: ${Math.round((upload.sent / Math.max(upload.size, 1)) * 100)}%`
          : <>Drop files here, or <label className="link-button">pick files<input type="file" multiple hidden
              onChange={(e) => void addFiles([...(e.target.files ?? [])])} /></label></>}
      </div>
      {error ? <div className="banner banner-error" role="alert"><span className="banner-text">{error}</span></div> : null}
    </div>
  );
}
