/** A problem with a workspace folder or its database; the message names the path and what is wrong. */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
