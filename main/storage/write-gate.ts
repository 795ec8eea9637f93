/**
 * Long writes on a connection of their own (an import's single transaction) make every other write wait for
 * SQLite's lock. On the main connection that wait is a busy-wait that blocks the event loop, and the import
 * itself runs on that loop, so the wait could only end in "database is locked". The gate lets such writers
 * announce themselves: async writers (analysis batches, index builds) wait for it without blocking, and a quick
 * write (`Workspace.mutate`) is refused at once with a message saying why.
 */
export class WriteGate {
  private holders = 0;
  private waiters: (() => void)[] = [];
  private reason = '';

  /** Marks a long write as running; call the returned function when it has committed or rolled back. */
  hold(reason: string): () => void {
    this.holders++;
    this.reason = reason;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      if (this.holders === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  get busy(): boolean {
    return this.holders > 0;
  }

  /** What holds the gate, for messages. */
  get holder(): string | null {
    return this.busy ? this.reason : null;
  }

  /** Resolves when no long write holds the gate; write synchronously after it resolves, with no await between. */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}
