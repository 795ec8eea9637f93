// A few worker threads (one per core by default) that run table tasks from a queue. Workers start through the
// project's one spawner; when one cannot start or dies, its tasks run in this thread instead, so a host
// without worker support still gets the same results, more slowly.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../workers/spawn-worker';
import { TableReadError } from './table-reader';
import { runTableTask, type TableTask, type TaskResults } from './table-tasks';
import type { TableReply } from './table-worker';

interface Pending {
  task: TableTask;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class TablePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending & { id: number }>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private workerCount: number;

  constructor(size = Math.max(1, Math.min(os.availableParallelism(), 8))) {
    this.workerCount = size;
    for (let i = 0; i < size; i++) this.start();
  }

  get size(): number {
    return this.workerCount;
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = spawnWorker(siblingModule(import.meta.url, 'table-worker'));
    } catch {
      this.workerCount--;
      return;
    }
    worker.on('message', (reply: TableReply) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== reply.id) return;
      this.busy.delete(worker);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.reason !== null && reply.file !== null ? new TableReadError(reply.file, reply.reason) : new Error(reply.message));
      this.idle.push(worker);
      this.pump();
    });
    let gone = false;
    const lost = (): void => {
      if (gone) return;
      gone = true;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.workerCount--;
      // The task goes back to the queue; with no worker left, the queue runs here.
      if (job) this.queue.unshift(job);
      this.pump();
    };
    worker.once('error', lost);
    worker.once('exit', lost);
    this.idle.push(worker);
  }

  run<K extends TableTask['kind']>(task: Extract<TableTask, { kind: K }>, transfer: ArrayBuffer[] = []): Promise<TaskResults[K]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length && this.idle.length) {
      const job = this.queue.shift()!;
      const worker = this.idle.pop()!;
      const id = this.nextId++;
      this.busy.set(worker, { ...job, id });
      worker.postMessage({ id, task: job.task }, job.transfer);
    }
    if (this.workerCount <= 0) {
      for (const job = this.queue.shift(); job; ) {
        try {
          job.resolve(runTableTask(job.task).value);
        } catch (err) {
          job.reject(err);
        }
        break;
      }
      if (this.queue.length) setImmediate(() => this.pump());
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.workerCount = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
