/**
 * The X emulator in its own process, driven over IPC, so the publishing benchmark measures the engine
 * and not the emulator sharing its event loop (a real platform runs elsewhere too).
 *
 * Messages in: `{ type: 'start', tight }`, `{ type: 'addUsers', count }`, `{ type: 'reset' }`,
 * `{ type: 'report' }`, `{ type: 'close' }`; each is answered with `{ id, result }`.
 */
import { createXEmulator, type XEmulator } from '@growthhub/platform-x/testing';

let emulator: XEmulator | undefined;

process.on('message', async (message: { id: number; type: string; tight?: boolean; count?: number }) => {
  const reply = (result: unknown) => process.send?.({ id: message.id, result });
  switch (message.type) {
    case 'start': {
      emulator = createXEmulator(
        message.tight
          ? {
              rateLimits: {
                'POST /2/tweets': {
                  perUser: { limit: 5, windowMs: 10_000 },
                  perApp: { limit: 10_000, windowMs: 86_400_000 },
                },
              },
            }
          : {},
      );
      await emulator.listen();
      return reply({ url: emulator.url });
    }
    case 'addUsers':
      return reply(
        Array.from(
          { length: message.count ?? 0 },
          (_, index) => emulator!.addUser({ username: `shop_${index}`, followers: 500 }).id,
        ),
      );
    case 'reset':
      emulator!.reset();
      return reply(null);
    case 'report':
      return reply({
        posts: emulator!.posts().map((post) => ({ authorId: post.authorId, text: post.text })),
        throttled: emulator!.requests.filter((request) => request.status === 429).length,
      });
    case 'close':
      await emulator?.close();
      reply(null);
      process.exit(0);
  }
});
