import { afterEach } from 'vitest';
import { type RecordingServer, type Responder, startRecordingServer } from './recording-server';

/**
 * Registers an `afterEach` that closes every {@link RecordingServer} the test started, and returns the
 * function that starts one. Call it once at the top of a test file.
 */
export function recordingServersClosedAfterEach(): (respond: Responder) => Promise<RecordingServer> {
  const open: RecordingServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (respond) => {
    const server = await startRecordingServer(respond);
    open.push(server);
    return server;
  };
}

/** Awaits `promise` and returns what it rejected with; fails the test when it resolved instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
