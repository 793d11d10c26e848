import { describe, expect, it } from 'vitest';
import { consoleLogger, type Logger, redactingLogger, silentLogger } from '../../src/logging/index';

function recordingConsole() {
  const lines: { level: string; args: unknown[] }[] = [];
  const sink =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push({ level, args });
  return {
    lines,
    console: { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') },
  };
}

describe('logging', () => {
  it('consoleLogger redacts secrets from the message and the fields', () => {
    const { lines, console } = recordingConsole();
    const logger = consoleLogger({ console, level: 'debug' });

    logger.info('calling /me?access_token=EAAB123456', {
      platform: 'meta',
      access_token: 'EAAB123456',
      headers: { Authorization: 'Bearer abc12345678' },
    });

    expect(lines).toEqual([
      {
        level: 'info',
        args: [
          '[growthhub] calling /me?access_token=[REDACTED]',
          { platform: 'meta', access_token: '[REDACTED]', headers: { Authorization: '[REDACTED]' } },
        ],
      },
    ]);
  });

  it('consoleLogger drops lines below its level and removes known secrets', () => {
    const { lines, console } = recordingConsole();
    const logger = consoleLogger({ console, level: 'warn', knownSecrets: ['plain-secret-value'] });

    logger.info('not printed');
    logger.warn('saw plain-secret-value');

    expect(lines).toEqual([{ level: 'warn', args: ['[growthhub] saw [REDACTED]'] }]);
  });

  it('redactingLogger protects a host logger', () => {
    const seen: unknown[] = [];
    const host: Logger = {
      debug: (...args) => seen.push(args),
      info: (...args) => seen.push(args),
      warn: (...args) => seen.push(args),
      error: (...args) => seen.push(args),
    };

    redactingLogger(host).error('failed', { refresh_token: 'rt-123456', status: 400 });

    expect(seen).toEqual([['failed', { refresh_token: '[REDACTED]', status: 400 }]]);
  });

  it('silentLogger accepts every call and prints nothing', () => {
    expect(() => silentLogger.error('x', { access_token: 'y' })).not.toThrow();
    expect(redactingLogger(silentLogger)).toBe(silentLogger);
  });
});
