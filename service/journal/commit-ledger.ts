/**
 * Connects the pipeline's writes to the journal's commit mark: each event and dead letter is
 * tagged with the sequence of the message it came from; when the pipeline says it is written
 * (or dropped for good), that message's count goes down, and the highest contiguous committed
 * position moves the journal's mark.
 */
import type { DeadLetter, SensorEvent } from '../../gateway/contract.js';
import type { WriteListener } from '../pipeline.js';
import { CommitTracker } from './commit-tracker.js';

export class CommitLedger implements WriteListener {
  private readonly tracker: CommitTracker;
  /** Item → its message's sequence; weak, so an item the pipeline let go of does not linger. */
  private readonly origin = new WeakMap<object, number>();

  constructor(
    start: number,
    private readonly onCommitted: (seq: number) => void,
  ) {
    this.tracker = new CommitTracker(start);
  }

  get committed(): number {
    return this.tracker.committed;
  }

  get outstanding(): number {
    return this.tracker.outstanding;
  }

  begin(seq: number): void {
    this.tracker.begin(seq);
  }

  /** Items the message `seq` hands to the pipeline to be written. */
  tag(seq: number, items: readonly object[]): void {
    for (const item of items) this.origin.set(item, seq);
    this.tracker.add(seq, items.length);
  }

  end(seq: number): void {
    if (this.tracker.end(seq)) this.onCommitted(this.tracker.committed);
  }

  written(events: readonly SensorEvent[], letters: readonly DeadLetter[]): void {
    this.settle(events);
    this.settle(letters);
  }

  /** Dropped by the pipeline's full buffer: counted there as lost, and not waited for here. */
  dropped(events: readonly SensorEvent[], letters: readonly DeadLetter[]): void {
    this.written(events, letters);
  }

  private settle(items: readonly object[]): void {
    let moved = false;
    for (const item of items) {
      const seq = this.origin.get(item);
      if (seq === undefined) continue;
      this.origin.delete(item);
      if (this.tracker.settle(seq)) moved = true;
    }
    if (moved) this.onCommitted(this.tracker.committed);
  }
}
