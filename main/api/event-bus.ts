import type { AssayEvent } from '../../shared/contract/events';

export type EventListener = (event: AssayEvent) => void;

/** Fans progress and change events out to every connected client (IPC windows, SSE streams, the CLI). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AssayEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (a closed window or socket) must not stop the others.
      }
    }
  }
}
