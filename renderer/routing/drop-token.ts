/**
 * The browser-mode URL carries the session token once; the server then sets an HttpOnly cookie. Removing the
 * token from the address bar keeps it out of history, bookmarks and screenshots.
 */
export function dropTokenFromAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url);
}
