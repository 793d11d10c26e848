import { afterEach } from 'vitest';
import type { Emulator, RunningEmulator } from '../../src/testing/index';

/**
 * Registers an `afterEach` that closes every emulator the test started listening, and returns the function
 * that starts one. Call it once at the top of a test file.
 */
export function emulatorsClosedAfterEach(): (emulator: Emulator) => Promise<RunningEmulator> {
  const open: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((running) => running.close()));
  });
  return async (emulator) => {
    const running = await emulator.listen();
    open.push(running);
    return running;
  };
}
