import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppPage } from '../../../../main/electron/navigation-policy';

const appUrl = 'file:///opt/assay/dist/renderer/index.html';
const rendererDir = '/opt/assay/dist/renderer';

describe('IPC sender check', () => {
  it('accepts the app page on any route: the renderer navigates by #/... fragments', () => {
    expect(isAppPage(appUrl, appUrl)).toBe(true);
    expect(isAppPage(`${appUrl}#/records?q=refund`, appUrl)).toBe(true);
    expect(isAppPage(`${appUrl}#/drift`, `${appUrl}#/overview`)).toBe(true);
  });

  it('refuses any other page, a query string and a missing frame', () => {
    expect(isAppPage('file:///opt/assay/dist/renderer/other.html', appUrl)).toBe(false);
    expect(isAppPage('file:///tmp/index.html#/records', appUrl)).toBe(false);
    expect(isAppPage(`${appUrl}?x=1`, appUrl)).toBe(false);
    expect(isAppPage('https://example.com/#/records', appUrl)).toBe(false);
    expect(isAppPage(undefined, appUrl)).toBe(false);
  });
});

describe('session requests', () => {
  it('allows the app files and inline data only', () => {
    expect(isAllowedRequest(appUrl, rendererDir, false)).toBe(true);
    expect(isAllowedRequest('file:///opt/assay/dist/renderer/assets/index-abc.js', rendererDir, false)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', rendererDir, false)).toBe(true);
  });

  it('refuses other local files, traversal out of the renderer folder and the network', () => {
    expect(isAllowedRequest('file:///etc/passwd', rendererDir, false)).toBe(false);
    expect(isAllowedRequest('file:///opt/assay/dist/renderer/../electron/main.mjs', rendererDir, false)).toBe(false);
    expect(isAllowedRequest('file:///opt/assay/dist/renderer%2F..%2F..%2Fsecret', rendererDir, false)).toBe(false);
    expect(isAllowedRequest('file:///opt/assay/dist/renderer-evil/x.js', rendererDir, false)).toBe(false);
    expect(isAllowedRequest('https://example.com/x.js', rendererDir, false)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', rendererDir, false)).toBe(false);
  });

  it('allows devtools: only where DevTools are allowed (not in packaged builds)', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', rendererDir, true)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', rendererDir, false)).toBe(false);
  });
});
