/** A job's place in the runner's in-memory time line. */
export interface TimelineEntry {
  readonly runAt: number;
  readonly revision: string;
  readonly lane: string | undefined;
}

/** What {@link JobTimeline.take} may hand out now. */
export interface TakeLimits {
  /** Free slots of the runner. */
  readonly capacity: number;
  /** Most jobs of one lane at once. */
  readonly laneLimit: number;
  /** Jobs of a lane running now. */
  laneBusy(lane: string): number;
  /** True when the job runs already. */
  isRunning(id: string): boolean;
}

/**
 * The in-process runner's time ordering: every known job with its due time, and the due ones queued
 * per lane. Due jobs are sorted only when something was added or moved, or when time passed the next
 * due job; handing them out walks the lanes (not every waiting job), taking turns between lanes, so a
 * thousand due jobs over fifty accounts cost fifty steps per slot, not a thousand.
 */
export class JobTimeline {
  readonly #entries = new Map<string, TimelineEntry>();
  /** Due ids per lane, earliest first; jobs without a lane are under the `undefined` key. */
  #queues = new Map<string | undefined, string[]>();
  #turn = 0;
  #next = Number.POSITIVE_INFINITY;
  #stale = true;

  /** Adds or moves a job. */
  set(id: string, entry: TimelineEntry): void {
    this.#entries.set(id, entry);
    this.#stale = true;
  }

  /** Forgets a job (done, cancelled, or gone from the store). */
  delete(id: string): void {
    this.#entries.delete(id);
  }

  /** One job's entry. */
  get(id: string): TimelineEntry | undefined {
    return this.#entries.get(id);
  }

  /** How many jobs are known. */
  get size(): number {
    return this.#entries.size;
  }

  /** The earliest due time after `now`, or infinity when nothing else is waiting. */
  nextAfter(now: number): number {
    this.#refresh(now);
    return this.#next;
  }

  /** True when some job that is not running is due at `now`. */
  hasDue(now: number, isRunning: (id: string) => boolean): boolean {
    this.#refresh(now);
    for (const queue of this.#queues.values()) {
      for (const id of queue) if (this.#entries.has(id) && !isRunning(id)) return true;
    }
    return false;
  }

  /** Hands out due jobs within the limits, lanes taking turns; taken jobs leave the due queues. */
  take(now: number, limits: TakeLimits): Array<[string, TimelineEntry]> {
    this.#refresh(now);
    const taken: Array<[string, TimelineEntry]> = [];
    const lanes = [...this.#queues.keys()];
    if (lanes.length === 0) return taken;
    let capacity = limits.capacity;
    const start = this.#turn++ % lanes.length;
    for (let step = 0; step < lanes.length && capacity > 0; step++) {
      const lane = lanes[(start + step) % lanes.length];
      const queue = this.#queues.get(lane) ?? [];
      let room = lane === undefined ? capacity : Math.min(capacity, limits.laneLimit - limits.laneBusy(lane));
      while (room > 0 && queue.length > 0) {
        const id = queue.shift() as string;
        const entry = this.#entries.get(id);
        if (entry === undefined || entry.runAt > now || limits.isRunning(id)) continue;
        taken.push([id, entry]);
        room -= 1;
        capacity -= 1;
      }
      if (queue.length === 0) this.#queues.delete(lane);
    }
    return taken;
  }

  #refresh(now: number): void {
    if (!this.#stale && now < this.#next) return;
    const due: Array<[string, TimelineEntry]> = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [id, entry] of this.#entries) {
      if (entry.runAt <= now) due.push([id, entry]);
      else if (entry.runAt < next) next = entry.runAt;
    }
    due.sort((a, b) => a[1].runAt - b[1].runAt);
    this.#queues = new Map();
    for (const [id, entry] of due) {
      const queue = this.#queues.get(entry.lane);
      if (queue === undefined) this.#queues.set(entry.lane, [id]);
      else queue.push(id);
    }
    this.#next = next;
    this.#stale = false;
  }
}
