/**
 * A small seeded PRNG, so the same seed gives the same messages on every machine.
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, plenty for a simulation.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  /** One item, by weight; undefined when there is nothing to pick. */
  pick<T>(options: readonly (readonly [T, number])[]): T | undefined;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** Exponentially distributed with this mean: the wait to the next event of a Poisson process. */
  exponential(mean: number): number;
  /** A Poisson count with this mean (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a over the text, 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seed for one stream (a home's activity, a device's reports) from the run's seed and labels,
 * so adding a home or a device does not change what the others do.
 */
export function deriveSeed(seed: number, ...labels: string[]): number {
  return hashString(`${seed >>> 0}|${labels.join('|')}`);
}

/**
 * A class, not a bag of closures: a simulation holds a few rngs per device for thousands of
 * homes, and methods on the prototype cost nothing per instance.
 */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(options: readonly (readonly [T, number])[]): T | undefined {
    let total = 0;
    for (const [, weight] of options) total += Math.max(0, weight);
    if (total <= 0) return undefined;
    let roll = this.next() * total;
    let last: T | undefined;
    for (const [item, weight] of options) {
      if (weight <= 0) continue;
      last = item;
      roll -= weight;
      if (roll < 0) return item;
    }
    return last;
  }

  normal(mean: number, sd: number): number {
    const u = this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    for (let p = this.next(); p > limit; p *= this.next()) count++;
    return count;
  }
}

export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}
