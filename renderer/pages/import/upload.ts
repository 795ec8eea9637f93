import { call } from '../../api/client';

/** Bytes per upload call: the browser-mode server takes bodies up to 1 MB and base64 adds a third. */
const CHUNK = 512 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a dropped or picked file to the main side in chunks and returns the handle to import it by: the page
 * has no file-system paths of its own (browser mode, or Electron with context isolation).
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<string> {
  let uploadId: string | undefined;
  let handle = '';
  for (let offset = 0; offset < file.size || offset === 0; offset += CHUNK) {
    if (signal?.aborted) throw new Error('upload cancelled');
    const slice = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    const reply = await call('import.upload', { uploadId, fileName: file.name, offset, data: toBase64(slice), done: offset + CHUNK >= file.size });
    uploadId = reply.uploadId;
    handle = reply.handle;
    onProgress(Math.min(file.size, offset + slice.length));
    if (file.size === 0) break;
  }
  return handle;
}
