/**
 * Time-ordering helpers for streams of timed items: a queue that releases items in time order,
 * and a merge of streams that are each already in time order. Ties keep insertion order, so
 * output is deterministic.
 */

export interface Timed {
  at: number;
}

/** A min-heap on (at, insertion order), in two parallel arrays so a push allocates nothing. */
export class TimeQueue<T extends Timed> {
  private readonly items: T[] = [];
  private readonly seqs: number[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.seqs.push(this.seq++);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    const lastSeq = this.seqs.pop();
    if (top === undefined || last === undefined || lastSeq === undefined) return undefined;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.seqs[0] = lastSeq;
      this.siftDown(0);
    }
    return top;
  }

  /** Removes and returns the first item if it is strictly before `until`. */
  popBefore(until: number): T | undefined {
    const head = this.items[0];
    return head !== undefined && head.at < until ? this.pop() : undefined;
  }

  /** Removes and yields every item strictly before `until`, in order. */
  *drainBefore(until: number): Generator<T> {
    for (let item = this.popBefore(until); item !== undefined; item = this.popBefore(until)) yield item;
  }

  /** Removes and yields every item at or before `until`, in order. */
  *drainUntil(until: number): Generator<T> {
    for (let head = this.peek(); head !== undefined && head.at <= until; head = this.peek()) {
      yield this.pop() as T;
    }
  }

  private siftDown(start: number): void {
    const n = this.items.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.less(left, smallest)) smallest = left;
      if (right < n && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private less(a: number, b: number): boolean {
    const x = (this.items[a] as T).at;
    const y = (this.items[b] as T).at;
    return x < y || (x === y && (this.seqs[a] as number) < (this.seqs[b] as number));
  }

  private swap(a: number, b: number): void {
    const item = this.items[a] as T;
    this.items[a] = this.items[b] as T;
    this.items[b] = item;
    const seq = this.seqs[a] as number;
    this.seqs[a] = this.seqs[b] as number;
    this.seqs[b] = seq;
  }
}

/** A stream you can look at before taking from. */
export interface TimedStream<T extends Timed> extends Iterable<T> {
  peek(): T | undefined;
  shift(): T | undefined;
}

/**
 * Merges streams that are each in time order (possibly infinite) into one in time order; on a
 * tie the earlier source goes first. A heap of the sources' heads, so thousands of homes cost
 * log(n) per item.
 */
export function mergeByTime<T extends Timed>(sources: readonly Iterable<T>[]): TimedStream<T> {
  const iterators = sources.map((source) => source[Symbol.iterator]());
  /** Source indexes, a min-heap on (head time, index). */
  const heap: number[] = [];
  const heads: (T | undefined)[] = [];
  let started = false;
  const less = (a: number, b: number) => {
    const x = heads[a] as T;
    const y = heads[b] as T;
    return x.at < y.at || (x.at === y.at && a < b);
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i] as number, heap[parent] as number)) return;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      let smallest = i;
      if (left < heap.length && less(heap[left] as number, heap[smallest] as number)) smallest = left;
      if (left + 1 < heap.length && less(heap[left + 1] as number, heap[smallest] as number)) smallest = left + 1;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
      i = smallest;
    }
  };
  // Sources are read only when first asked, so building a merge costs nothing.
  const start = () => {
    if (started) return;
    started = true;
    iterators.forEach((iterator, i) => {
      heads[i] = nextOf(iterator);
      if (heads[i] !== undefined) {
        heap.push(i);
        siftUp(heap.length - 1);
      }
    });
  };

  const stream: TimedStream<T> = {
    peek() {
      start();
      const top = heap[0];
      return top === undefined ? undefined : heads[top];
    },
    shift() {
      start();
      const top = heap[0];
      if (top === undefined) return undefined;
      const item = heads[top];
      const next = nextOf(iterators[top] as Iterator<T>);
      heads[top] = next;
      if (next === undefined) {
        const last = heap.pop() as number;
        if (heap.length > 0) {
          heap[0] = last;
          siftDown(0);
        }
      } else siftDown(0);
      return item;
    },
    *[Symbol.iterator]() {
      for (let item = stream.shift(); item !== undefined; item = stream.shift()) yield item;
    },
  };
  return stream;
}

/** A stream in time order that can be looked at before taking from. */
export function peekable<T extends Timed>(items: Iterable<T>): TimedStream<T> {
  const iterator = items[Symbol.iterator]();
  let head: T | undefined;
  let loaded = false;
  const load = () => {
    if (!loaded) {
      head = nextOf(iterator);
      loaded = true;
    }
    return head;
  };
  const stream: TimedStream<T> = {
    peek: load,
    shift() {
      const item = load();
      loaded = false;
      return item;
    },
    *[Symbol.iterator]() {
      for (let item = stream.shift(); item !== undefined; item = stream.shift()) yield item;
    },
  };
  return stream;
}

function nextOf<T>(iterator: Iterator<T>): T | undefined {
  const result = iterator.next();
  return result.done ? undefined : result.value;
}

/** Items of a time-ordered stream strictly before `end`. */
export function takeBefore<T extends Timed>(stream: TimedStream<T>, end: number): T[] {
  const out: T[] = [];
  for (let head = stream.peek(); head !== undefined && head.at < end; head = stream.peek()) {
    out.push(stream.shift() as T);
  }
  return out;
}
