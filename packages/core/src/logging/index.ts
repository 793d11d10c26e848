/**
 * Structured logging with secret redaction: the {@link Logger} contract, {@link silentLogger},
 * {@link consoleLogger} and {@link redactingLogger}.
 *
 * @module
 */
export {
  type ConsoleLoggerOptions,
  consoleLogger,
  type Logger,
  type LogLevel,
  redactingLogger,
  silentLogger,
} from './logger';
