/** Job data: JSON values only, so jobs survive a distributed queue. */
export type JobData =
  | string
  | number
  | boolean
  | null
  | readonly JobData[]
  | { readonly [key: string]: JobData };

/** A unit of work to run later, handled by the handler defined for `name`. */
export interface Job {
  /**
   * Stable id. Scheduling a job whose id is already scheduled replaces it (e.g. `publish:<postId>`),
   * so rescheduling never duplicates work. Generated when absent.
   */
  readonly id?: string;
  /** Handler name, as given to `define`. */
  readonly name: string;
  /** JSON data for the handler. */
  readonly data: JobData;
}

/** What a handler receives. */
export interface JobContext {
  readonly id: string;
  readonly name: string;
  readonly data: JobData;
  /** 1 on the first run. */
  readonly attempt: number;
  /** Aborted when the runner stops. */
  readonly signal: AbortSignal;
}

/** Runs one job; a thrown error is logged and, for scheduled jobs, may be retried by the runner. */
export type JobHandler = (job: JobContext) => Promise<void>;

/**
 * Schedules work in time: one-off jobs at a time, and named recurring tasks. The default runs in
 * process; a distributed one (e.g. on BullMQ) serves multi-node hosts. Time ordering belongs here,
 * not to store scans.
 */
export interface JobRunner {
  /** Registers the handler for jobs named `name` (before `start`). */
  define(name: string, handler: JobHandler): void;
  /** Schedules `job` to run at `runAt` (now or in the past runs as soon as started); returns its id. */
  schedule(job: Job, runAt: Date): Promise<string>;
  /** Runs `handler` every `intervalMs` under the unique `name` (one run at a time); returns its id. */
  every(name: string, intervalMs: number, handler: JobHandler): Promise<string>;
  /** Cancels a scheduled job or recurring task; false if it was unknown. */
  cancel(id: string): Promise<boolean>;
  /** Starts running due jobs. */
  start(): Promise<void>;
  /** Stops taking jobs, aborts running handlers' signals and waits for them to settle. */
  stop(): Promise<void>;
}
