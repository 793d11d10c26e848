import type { Clock, ClockTimer } from './clock';

/** A {@link Clock} that only moves when told to: for tests and simulations. */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, running every timer that falls due on the way, in time order, and
   * letting pending promise callbacks settle after each one.
   */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `time` (never backwards), like {@link ManualClock.advance}. */
  advanceTo(time: Date | string): Promise<void>;
  /** How many timers are waiting. */
  pendingTimers(): number;
}

/**
 * Creates a {@link ManualClock} starting at `start` (default: the real current time).
 *
 * @example
 * ```ts
 * const clock = manualClock('2026-03-02T08:00:00Z');
 * const engine = createGrowthEngine({ ..., clock });
 * await clock.advanceTo(post.scheduledAt); // the runner fires the publish job
 * ```
 */
export function manualClock(start: Date | string = new Date()): ManualClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new RangeError('manualClock(start): start is not a valid date.');
  let sequence = 0;
  const timers = new Map<number, { due: number; callback: () => void }>();

  const runDueTimers = async (until: number) => {
    for (;;) {
      let nextId: number | undefined;
      let nextDue = Number.POSITIVE_INFINITY;
      for (const [id, timer] of timers) {
        if (timer.due <= until && timer.due < nextDue) {
          nextDue = timer.due;
          nextId = id;
        }
      }
      if (nextId === undefined) break;
      const timer = timers.get(nextId);
      timers.delete(nextId);
      current = Math.max(current, nextDue);
      timer?.callback();
      await settle();
    }
    current = Math.max(current, until);
    await settle();
  };

  return {
    now: () => new Date(current),
    setTimer(callback: () => void, delayMs: number): ClockTimer {
      const id = ++sequence;
      timers.set(id, { due: current + Math.max(0, delayMs), callback });
      return { cancel: () => timers.delete(id) };
    },
    advance: (ms) => runDueTimers(current + Math.max(0, ms)),
    advanceTo: (time) => runDueTimers(Math.max(current, new Date(time).getTime())),
    pendingTimers: () => timers.size,
  };
}

/** Lets queued promise callbacks and immediate I/O callbacks run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
