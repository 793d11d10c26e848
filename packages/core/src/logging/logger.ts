import { redactSecrets, redactValue } from '../errors/redaction';

/**
 * Structured logger used across Growth Hub. Hosts plug in their own (pino, winston, console) by passing an
 * object with these four methods; wrap it with {@link redactingLogger} so secrets never reach it.
 */
export interface Logger {
  /** Detailed diagnostics (each HTTP attempt, queue decisions). */
  debug(msg: string, fields?: Record<string, unknown>): void;
  /** Notable events (a connection connected, a post published). */
  info(msg: string, fields?: Record<string, unknown>): void;
  /** Something went wrong but was handled (a retry, a slowed-down bucket). */
  warn(msg: string, fields?: Record<string, unknown>): void;
  /** Something failed and needs attention. */
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Log levels, from most to least verbose. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger that drops everything (the default wherever a logger is optional). */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/** Options for {@link consoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Least severe level that is printed; defaults to `'info'`. */
  level?: LogLevel;
  /** Text put before every message; defaults to `'[growthhub]'`. */
  prefix?: string;
  /** Where lines go; defaults to the global `console`. */
  console?: Pick<Console, LogLevel>;
  /** Literal secret values to remove wherever they appear, on top of the pattern-based redaction. */
  knownSecrets?: Iterable<string>;
}

/**
 * A logger that prints to the console, with secrets redacted from both the message and the fields.
 *
 * @example
 * ```ts
 * const logger = consoleLogger({ level: 'debug' });
 * logger.info('connected', { platform: 'x', access_token: 'abc' }); // access_token: '[REDACTED]'
 * ```
 */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const output = options.console ?? console;
  const prefix = options.prefix ?? '[growthhub]';
  const threshold = LEVEL_RANK[options.level ?? 'info'];
  const line = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (LEVEL_RANK[level] < threshold) return;
    const text = prefix === '' ? msg : `${prefix} ${msg}`;
    if (fields === undefined) output[level](text);
    else output[level](text, fields);
  };
  const raw: Logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
  return redactingLogger(raw, options.knownSecrets);
}

/**
 * Wraps any logger so that every message and every field is redacted (see `redactSecrets` and
 * `redactValue` in the errors module) before it reaches the inner logger.
 *
 * @param inner - the host's logger.
 * @param knownSecrets - literal secret values to remove wherever they appear.
 */
export function redactingLogger(inner: Logger, knownSecrets?: Iterable<string>): Logger {
  if (inner === silentLogger) return silentLogger;
  const secrets = knownSecrets === undefined ? undefined : [...knownSecrets];
  const forward = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    const safeMessage = redactSecrets(msg, secrets);
    if (fields === undefined) inner[level](safeMessage);
    else inner[level](safeMessage, redactValue(fields, secrets) as Record<string, unknown>);
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
