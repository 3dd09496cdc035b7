/**
 * Runs tasks one after another per key (a file, a post), in the order they were queued; tasks
 * under different keys run freely. A failed task does not stop the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Run `task` after every earlier task for the same key has finished. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    try {
      return await next;
    } finally {
      // The last task of a key forgets it, so the map holds only keys with work in flight.
      if (this.tails.get(key) === settled) this.tails.delete(key);
    }
  }
}
