import type { RepositoryDefinition } from '@growthhub/core';
import { IsoDateTimeSchema, RecordedErrorSchema } from '@growthhub/core';
import { z } from 'zod';

/** The lease a runner holds on a job while it runs it. */
export const JobLeaseSchema = z.strictObject({
  /** The runner instance that claimed it. */
  owner: z.string().min(1),
  /** Random per claim: proves which claim a later update belongs to. */
  token: z.string().min(1),
  /** Until when the claim holds unless extended (ISO 8601). */
  expiresAt: IsoDateTimeSchema,
});

/** The lease a runner holds on a job; see {@link JobLeaseSchema}. */
export type JobLease = z.infer<typeof JobLeaseSchema>;

/**
 * A job as persisted by the in-process runner: enough to survive a restart and to fire, after it,
 * whatever became due while the process was down.
 */
export const JobRecordSchema = z.strictObject({
  /** The job id (stable: `publish:<postId>`, `every:<name>`). */
  id: z.string().min(1).max(300),
  /** The runner namespace (tenant of the record). */
  namespace: z.string().min(1),
  /** Handler name. */
  name: z.string().min(1),
  /** JSON data for the handler. */
  data: z.json(),
  /** When it is due (ISO 8601). */
  runAt: IsoDateTimeSchema,
  /** Runs started so far for this revision (1 after the first claim). */
  attempt: z.int().nonnegative(),
  /** Changes whenever the job is (re)scheduled, so a finishing run never deletes its replacement. */
  revision: z.string().min(1),
  /** `once` jobs are deleted after success; `every` tasks move to the next interval. */
  kind: z.enum(['once', 'every']),
  /** Interval of an `every` task. */
  intervalMs: z.int().positive().optional(),
  lease: JobLeaseSchema.optional(),
  /** The last failure, redacted. */
  lastError: RecordedErrorSchema.optional(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** A persisted job; see {@link JobRecordSchema}. */
export type JobRecord = z.infer<typeof JobRecordSchema>;

/**
 * How many index shards a namespace's jobs are spread over. Each shard is one tenant of the `jobs`
 * collection, so adding or removing a job rewrites (and locks) a small index, not one list of every
 * job: a thousand posts finishing at once do not queue behind one index lock.
 */
export const JOB_INDEX_SHARDS = 64;

/** The `jobs` collection; records are grouped by runner namespace, in {@link JOB_INDEX_SHARDS} shards. */
export const jobRepository: RepositoryDefinition<JobRecord> = {
  name: 'jobs',
  schema: JobRecordSchema as z.ZodType<JobRecord>,
  idOf: (record) => jobRecordKey(record.namespace, record.id),
  tenantOf: (record) => jobShard(record.namespace, record.id),
};

/** The index shard (tenant) of job `id` in `namespace`: `<namespace>#<0..63>`. */
export function jobShard(namespace: string, id: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return `${namespace}#${(hash >>> 0) % JOB_INDEX_SHARDS}`;
}

/** The repository key of job `id` in `namespace` (ids are unique per namespace only). */
export function jobRecordKey(namespace: string, id: string): string {
  return `${namespace}:${id}`;
}
