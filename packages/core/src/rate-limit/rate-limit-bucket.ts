import PQueue from 'p-queue';
import { abortableDelay } from './abortable-delay';
import type { RateLimitRule, RateLimitUsage } from './rate-limit-types';

/** Usage at or above this percentage spreads the remaining calls over the window. */
export const SLOW_DOWN_AT_PERCENT = 75;
/** Usage at or above this percentage holds the bucket until the window resets. */
export const HOLD_AT_PERCENT = 95;
/** Window assumed when the platform reports usage without a reset time and the bucket has no rule. */
export const DEFAULT_USAGE_WINDOW_MS = 60_000;

/**
 * One (platform, account, bucket) queue: the rule's sliding-window cap via `p-queue` in strict mode, plus
 * pauses (after a 429 or at high usage) and spacing (at elevated usage). Internal to the rate limiter.
 */
export class RateLimitBucket {
  readonly #queue: PQueue;
  readonly #rule: RateLimitRule | undefined;
  readonly #windowMs: number;
  #pausedUntil = 0;
  #resumeTimer: ReturnType<typeof setTimeout> | undefined;
  #spacingMs = 0;
  #nextSlotAt = 0;
  #lastActiveAt = Date.now();

  constructor(rule: RateLimitRule | undefined) {
    this.#rule = rule;
    if (rule === undefined) {
      this.#windowMs = 0;
      this.#queue = new PQueue();
      return;
    }
    const margin = rule.safetyMarginMs ?? Math.min(rule.intervalMs * 0.1, 5_000);
    this.#windowMs = rule.intervalMs + margin;
    this.#queue = new PQueue({
      intervalCap: rule.limit,
      interval: this.#windowMs,
      strict: true,
      concurrency: rule.concurrency ?? Number.POSITIVE_INFINITY,
    });
  }

  schedule<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    this.#lastActiveAt = Date.now();
    if (this.#spacingMs > 0) return this.#scheduleSpaced(fn, signal);
    return this.#enqueue(fn, signal);
  }

  reportUsage(usage: RateLimitUsage): void {
    const used = Math.min(100, Math.max(0, usage.usedPercent));
    if (used < SLOW_DOWN_AT_PERCENT) {
      this.#spacingMs = 0;
      return;
    }
    const now = Date.now();
    const resetAt = usage.resetAt?.getTime();
    const windowMs =
      resetAt !== undefined && resetAt > now
        ? resetAt - now
        : (this.#rule?.intervalMs ?? DEFAULT_USAGE_WINDOW_MS);
    if (used >= HOLD_AT_PERCENT) {
      this.#spacingMs = 0;
      this.pauseUntil(now + windowMs);
      return;
    }
    const remainingShare = (100 - used) / 100;
    const remainingCalls = Math.max(
      1,
      Math.floor(this.#rule === undefined ? 100 * remainingShare : this.#rule.limit * remainingShare),
    );
    this.#spacingMs = Math.ceil(windowMs / remainingCalls);
  }

  pauseUntil(untilMs: number): void {
    if (untilMs <= Date.now() || untilMs <= this.#pausedUntil) return;
    this.#pausedUntil = untilMs;
    this.#queue.pause();
    this.#armResumeTimer();
  }

  isForgettable(now: number): boolean {
    return (
      this.#queue.size === 0 &&
      this.#queue.pending === 0 &&
      this.#pausedUntil === 0 &&
      this.#spacingMs === 0 &&
      now - this.#lastActiveAt > this.#windowMs
    );
  }

  inspect(): { queued: number; running: number; pausedUntil?: Date; spacingMs: number } {
    return {
      queued: this.#queue.size,
      running: this.#queue.pending,
      ...(this.#pausedUntil > 0 ? { pausedUntil: new Date(this.#pausedUntil) } : {}),
      spacingMs: this.#spacingMs,
    };
  }

  #enqueue<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    // A caller now waits for the pause to end, so its timer must keep the process alive.
    this.#resumeTimer?.ref();
    return this.#queue.add<T>(fn, signal === undefined ? undefined : { signal });
  }

  async #scheduleSpaced<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlotAt);
    this.#nextSlotAt = slot + this.#spacingMs;
    if (slot > now) await abortableDelay(slot - now, signal);
    return this.#enqueue(fn, signal);
  }

  #armResumeTimer(): void {
    if (this.#resumeTimer !== undefined) clearTimeout(this.#resumeTimer);
    const wait = Math.min(this.#pausedUntil - Date.now(), MAX_TIMER_MS);
    this.#resumeTimer = setTimeout(() => this.#resume(), wait);
    // An idle paused bucket must not keep the process alive; `#enqueue` re-references it for waiters.
    if (this.#queue.size === 0) this.#resumeTimer.unref();
  }

  #resume(): void {
    this.#resumeTimer = undefined;
    if (Date.now() < this.#pausedUntil) {
      this.#armResumeTimer();
      return;
    }
    this.#pausedUntil = 0;
    this.#queue.start();
  }
}

const MAX_TIMER_MS = 2_147_483_647;
