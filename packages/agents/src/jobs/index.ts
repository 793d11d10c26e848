/**
 * The in-process job runner (persisted in the store, lease-based claims) and the clocks it runs on.
 * @module
 */
export { type Clock, type ClockTimer, systemClock } from './clock';
export {
  type InProcessJobRunner,
  type InProcessJobRunnerOptions,
  inProcessJobRunner,
} from './in-process-job-runner';
export {
  JOB_INDEX_SHARDS,
  type JobLease,
  JobLeaseSchema,
  type JobRecord,
  JobRecordSchema,
  jobRepository,
} from './job-record';
export { type ManualClock, manualClock } from './manual-clock';
