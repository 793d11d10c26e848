// The host app's entry: `pnpm demo` (from the repository root) or `pnpm start` (here).
// Settings come from the environment (see README.md); with none, it runs the sandbox.
import { consoleLogger } from '@growthhub/core';
import { startHostApp } from './host-app';
import { settingsFromEnv } from './settings';

const logger = consoleLogger({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
const app = await startHostApp(settingsFromEnv(process.env), { logger });

const [firstStore, ...otherStores] = Object.keys(app.apiKeys);
console.log(`\nGrowth Hub host is running in ${app.mode} mode.`);
if (app.mode === 'sandbox') {
  // The key rides in the URL fragment, which browsers never send to a server or put in a Referer.
  console.log(`\n  Dashboard:  ${app.url}/#key=${app.apiKeys[firstStore as string]}`);
  for (const storeId of otherStores)
    console.log(`  Other store (${storeId}): ${app.url}/#key=${app.apiKeys[storeId]}`);
  console.log(`  X emulator: ${app.xEmulator?.url} (its consent page opens from "Connect X")`);
  console.log('\n  API keys and data are kept in the data directory; stop with Ctrl+C.\n');
} else {
  console.log(`\n  Dashboard: ${app.url}/ (sign in with a store API key)\n`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log('\nStopping: finishing running jobs, then closing the store…');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
