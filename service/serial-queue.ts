/**
 * Runs async tasks one at a time, in order. Alert changes go through one queue so their
 * sequence numbers reach every client in the order they were assigned.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task).finally(() => {
      this.pending--;
    });
    this.tail = result.catch(() => {});
    return result;
  }

  get size(): number {
    return this.pending;
  }

  /** Resolves when every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
