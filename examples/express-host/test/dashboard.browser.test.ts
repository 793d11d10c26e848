import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './support/test-host';

/** Debian's Chromium (`apt-get install -y --no-install-recommends chromium`; `.ci/run` installs it). */
const CHROMIUM = '/usr/bin/chromium';
const OUTPUT_DIR = fileURLToPath(new URL('../test-output/', import.meta.url));

// The only reason to skip: no browser on this machine. Everything else about the flow must pass.
describe.skipIf(!existsSync(CHROMIUM))(
  `dashboard in Chromium (skipped only when ${CHROMIUM} is absent: apt-get install chromium)`,
  () => {
    let host: TestHost;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      host = await startTestHost();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        // The flags this machine kind needs: no sandbox as root, no GPU, no calls home.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
      await mkdir(OUTPUT_DIR, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await host?.dispose();
    });

    it('connects X on the consent page, plans a week, approves and publishes a post, and shows it published', async () => {
      const key = host.app.apiKeys.kiln as string;
      await page.goto(`${host.app.url}/#key=${key}`);
      await page.getByRole('heading', { name: 'Connections' }).waitFor();
      expect(page.url()).not.toContain(key); // The sign-in link's key is gone from the address bar.

      // Connect X: the button leads to the emulator's consent page, a separate origin.
      await page.getByRole('button', { name: 'Connect X' }).click();
      await page.getByRole('button', { name: 'Authorize app' }).click();
      await page.getByText('Connected x.').waitFor();
      const connection = page.locator('.connection').first();
      await expect(connection.textContent()).resolves.toContain('Kiln & Co');
      await expect(connection.textContent()).resolves.toContain('Healthy');

      // Plan a week: drafts appear in the week grid.
      await page.getByRole('button', { name: 'Plan week' }).click();
      await page.getByText(/Planned \d+ posts/).waitFor();
      const firstCard = page.locator('.post-card').first();
      await firstCard.waitFor();
      await expect(firstCard.getAttribute('class')).resolves.toContain('status-draft');

      // Approve the earliest post and publish it now, from its details dialog.
      await firstCard.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await dialog.getByRole('button', { name: 'Publish now' }).click();
      await dialog.locator('h2 .chip', { hasText: 'Published' }).waitFor({ timeout: 25_000 });
      await expect(dialog.locator('.attempts').textContent()).resolves.toContain('succeeded');
      await page.screenshot({ path: `${OUTPUT_DIR}post-published.png` });

      // Back on the calendar the card is marked published, and the chart has its bar.
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.locator('.post-card.status-published').first().waitFor();
      await page.locator('.chart svg rect.bar').first().waitFor({ state: 'attached' });
      // The sandbox audience sees a post within seconds; give it a moment, then pull fresh metrics.
      await page.waitForTimeout(4000);
      await page.getByRole('button', { name: 'Refresh metrics' }).click();
      await page.getByText('Metrics refreshed.').waitFor();
      await page.screenshot({ path: `${OUTPUT_DIR}dashboard.png`, fullPage: true });
      expect(host.app.xEmulator?.posts()).toHaveLength(1);
    }, 90_000);
  },
);
