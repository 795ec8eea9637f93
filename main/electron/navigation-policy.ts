// What the Electron shell lets its one window load and who may call the API: pure functions, so the rules are
// unit-tested without Electron. security.ts and ipc.ts apply them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Whether a frame shows the app's own page. The renderer routes by `#/...`, so the frame's URL changes with every
 * route: compare without the fragment, or the first route change would make every later API call fail.
 */
export function isAppPage(frameUrl: string | undefined, appUrl: string): boolean {
  return frameUrl !== undefined && withoutFragment(frameUrl) === withoutFragment(appUrl);
}

/**
 * Whether the session may load a URL: only the app's own files (the renderer's folder), inline data, and DevTools
 * where DevTools are allowed. Nothing leaves the machine, and no other local file is readable by the page.
 */
export function isAllowedRequest(url: string, rendererDir: string, devTools: boolean): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('devtools:')) return devTools;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = fileURLToPath(withoutFragment(url).split('?')[0]!);
  } catch {
    return false;
  }
  const rel = path.relative(rendererDir, path.normalize(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
