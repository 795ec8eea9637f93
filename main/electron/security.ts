import path from 'node:path';
import { session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security';
import { isAllowedRequest, isAppPage } from './navigation-policy';

/**
 * Hardening applied to every window: the renderer shows untrusted log text, so a script injection must find
 * no way to navigate, open windows, gain permissions, read other local files or reach Node.
 */
export function hardenSession(rendererIndex: string, devTools: boolean): void {
  const rendererDir = path.dirname(rendererIndex);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Nothing leaves the machine, and file: loads are limited to the app's own files.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererDir, devTools) });
  });
}

export function hardenContents(contents: WebContents, appUrl: string, devTools: boolean): void {
  // The app is one page routed by its fragment: any other navigation, redirect, window or webview is refused
  // outright (links in untrusted log text must not open anything, not even in the system browser).
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}
