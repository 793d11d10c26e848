/** A scheduled callback that can be cancelled. */
export interface ClockTimer {
  /** Stops the callback from running; harmless after it ran. */
  cancel(): void;
}

/**
 * The engine's source of time. Everything that decides "is it due yet" (the job runner, the
 * scheduler, publish attempt times) reads `now()` and waits with `setTimer`, so a test can swap in
 * {@link manualClock} and move time forward by hand.
 */
export interface Clock {
  /** The current time. */
  now(): Date;
  /** Runs `callback` once, `delayMs` milliseconds from now (0 or less: as soon as possible). */
  setTimer(callback: () => void, delayMs: number): ClockTimer;
}

/** Longest delay `setTimeout` accepts; longer waits are re-armed. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** The real clock: `Date` and `setTimeout`. Waits longer than ~24.8 days are split into several timers. */
export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
  setTimer(callback: () => void, delayMs: number): ClockTimer {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const due = Date.now() + Math.max(0, delayMs);
    const arm = () => {
      const remaining = due - Date.now();
      handle = setTimeout(
        () => (remaining > MAX_TIMER_DELAY_MS ? arm() : callback()),
        Math.min(Math.max(0, remaining), MAX_TIMER_DELAY_MS),
      );
    };
    arm();
    return { cancel: () => clearTimeout(handle) };
  },
});
