/**
 * The browser-mode URL carries the session token once and the server swaps it for an HttpOnly cookie (today by a
 * redirect). Should a host ever let the token reach the page, it leaves the address bar here, keeping it out of
 * history, bookmarks and screenshots.
 */
export function dropTokenFromAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url);
}
