/**
 * One reason a post, plan or input cannot be used as is: which field, why, and how to fix it.
 * `severity: 'warning'` does not block publishing (e.g. a caption that will be truncated in previews).
 */
export interface PlatformRuleIssue {
  /** Dotted path of the offending field, e.g. `caption`, `media.2.bytes`, `hashtags`. */
  readonly field: string;
  /** Why it is a problem, with the numbers (e.g. "300 weighted characters; X allows 280"). */
  readonly reason: string;
  /** What to change (e.g. "Shorten the caption by 20 weighted characters"). */
  readonly fix: string;
  /** `error` blocks the action; `warning` does not. */
  readonly severity: 'error' | 'warning';
  /** Stable machine code, e.g. `CAPTION_TOO_LONG`, `MEDIA_COUNT`, `UNSUPPORTED_KIND`. */
  readonly code: string;
}
