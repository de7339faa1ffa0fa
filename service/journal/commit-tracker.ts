/**
 * The highest contiguous committed position: the largest sequence such that every message up
 * to it has had all its effects stored. Messages are begun in sequence order, but their writes
 * may finish in any order (concurrent batches, a retried one), so a message that is stored
 * does not move the position past an older one that is not.
 */
interface Open {
  /** Items (events, dead letters) handed on and not yet stored. */
  items: number;
  /** The gateway has finished handing on this message's items. */
  ended: boolean;
}

export class CommitTracker {
  /** Open messages in sequence order (a Map keeps insertion order). */
  private readonly open = new Map<number, Open>();
  private position: number;
  private lastBegun: number;

  constructor(start: number) {
    this.position = start;
    this.lastBegun = start;
  }

  /** Everything up to here is stored. */
  get committed(): number {
    return this.position;
  }

  /** Messages begun and not yet wholly stored. */
  get outstanding(): number {
    return this.open.size;
  }

  /** A message enters, with a sequence higher than any before. */
  begin(seq: number): void {
    if (seq <= this.lastBegun) throw new RangeError(`sequence ${seq} after ${this.lastBegun}`);
    this.lastBegun = seq;
    this.open.set(seq, { items: 0, ended: false });
  }

  /** The message handed on `n` more items to be stored. */
  add(seq: number, n: number): void {
    const entry = this.open.get(seq);
    if (entry !== undefined) entry.items += n;
  }

  /** The message is handled: nothing more will be added to it. Returns whether the position moved. */
  end(seq: number): boolean {
    const entry = this.open.get(seq);
    if (entry === undefined) return false;
    entry.ended = true;
    return this.advance();
  }

  /** `n` of the message's items are stored (or given up for good). Returns whether the position moved. */
  settle(seq: number, n = 1): boolean {
    const entry = this.open.get(seq);
    if (entry === undefined) return false;
    entry.items -= n;
    return this.advance();
  }

  private advance(): boolean {
    const before = this.position;
    for (const [seq, entry] of this.open) {
      if (!entry.ended || entry.items > 0) break;
      this.open.delete(seq);
      this.position = seq;
    }
    if (this.open.size === 0) this.position = this.lastBegun;
    return this.position !== before;
  }
}
