/**
 * A short alarm tone made with the Web Audio API (no sound files to fetch or cache).
 *
 * Browsers only let a page make sound after a user gesture, so `unlock()` must be called
 * from one (a tap, a key press); until then `play()` does nothing and `ready` is false.
 */

/** The pattern: three pulses, a pause, two pulses, after the high-priority alarm burst of IEC 60601-1-8. */
const PULSES = [0, 0.25, 0.5, 1.0, 1.25]; // s, start of each pulse
const PULSE_S = 0.15; // s
const RAMP_S = 0.01; // s, fade in and out so pulses do not click
const FREQUENCY_HZ = 880;
/** Square wave: its harmonics make a tone easier to hear and to locate than a pure sine. */
const WAVE: OscillatorType = 'square';
const VOLUME = 0.25; // of full scale
/** Several alerts arriving together (a resync) sound once, not once each. */
export const MIN_GAP_MS = 3_000; // ms

export interface AlertSound {
  /** Call from a user gesture. Safe to call often. */
  unlock(): void;
  play(): void;
  readonly ready: boolean;
}

export function createAlertSound(now: () => number = Date.now): AlertSound {
  let context: AudioContext | null = null;
  let lastPlayed = Number.NEGATIVE_INFINITY;

  const ensureContext = (): AudioContext | null => {
    if (context === null && typeof AudioContext === 'function') context = new AudioContext();
    return context;
  };

  return {
    unlock() {
      const ctx = ensureContext();
      if (ctx !== null && ctx.state !== 'running') void ctx.resume().catch(() => {});
    },
    play() {
      const ctx = context;
      if (ctx === null || ctx.state !== 'running') return;
      if (now() - lastPlayed < MIN_GAP_MS) return;
      lastPlayed = now();
      const start = ctx.currentTime + 0.05;
      const gain = ctx.createGain();
      gain.gain.setValueAtTime(0, start);
      for (const offset of PULSES) {
        const t = start + offset;
        gain.gain.setValueAtTime(0, t);
        gain.gain.linearRampToValueAtTime(VOLUME, t + RAMP_S);
        gain.gain.setValueAtTime(VOLUME, t + PULSE_S - RAMP_S);
        gain.gain.linearRampToValueAtTime(0, t + PULSE_S);
      }
      const oscillator = ctx.createOscillator();
      oscillator.type = WAVE;
      oscillator.frequency.value = FREQUENCY_HZ;
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(start);
      oscillator.stop(start + (PULSES.at(-1) ?? 0) + PULSE_S);
      oscillator.onended = () => gain.disconnect();
    },
    get ready() {
      return context?.state === 'running';
    },
  };
}
