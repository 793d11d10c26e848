// Runnable: `pnpm exec tsx examples/kernel-quick-start.mts` (after `pnpm build`).
// A local emulator stands in for a platform; the kernel retries its 429 and maps a 400 to a typed error.
import { createHttpClient, PlatformApiError, RateLimitError } from '@growthhub/core';
import { createEmulator, json } from '@growthhub/core/testing';

const emulator = createEmulator({ platform: 'x', envelope: 'x' })
  .route('GET', '/2/users/me', () => json({ data: { id: '42', username: 'shop' } }))
  .route('POST', '/2/tweets', () => json({ title: 'Invalid Request', detail: 'text is empty' }, 400));
const server = await emulator.listen();

const http = createHttpClient({ platform: 'x', baseUrl: server.url, retry: { maxAttempts: 2 } });

// One 429 with `Retry-After: 1` first: the kernel waits a second, retries once, and succeeds.
emulator.faults.enqueue({ kind: 'rateLimit', times: 1, retryAfterSeconds: 1 });
const me = await http.request<{ data: { id: string } }>({ method: 'GET', url: '/2/users/me' });
console.log('user', me.data.data.id, 'after', me.attempts, 'attempts');

try {
  await http.request({ method: 'POST', url: '/2/tweets', json: { text: '' } });
} catch (error) {
  // Typed errors survive duplicate installs: check with isInstance, never by message text.
  if (PlatformApiError.isInstance(error) && !RateLimitError.isInstance(error)) {
    console.log('rejected:', error.status, error.code, 'retryable:', error.retryable);
  } else throw error;
}
await server.close();
