import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Audit } from '../../src/model/audit.js';
import { html } from '../../src/reporters/html.js';
import { auditOf, hostileAudit } from '../helpers/audits.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Debian's chromium (.ci/run); a developer machine without it skips, CI never does.
const available = existsSync(executablePath) || Boolean(process.env.CI);
const work = mkdtempSync(path.join(tmpdir(), 'presence-html-'));
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(audit: Audit, name: string) {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html.render(audit, { color: false, locale: 'en-GB', timeZone: 'UTC', brandName: 'Northwind Lamps' }));
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  let dialogs = 0;
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  return { page, errors, requests, dialogs: () => dialogs, url: `file://${file}` };
}

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  test('loads with no console errors and no network requests; the charts are visible; a screenshot is kept', async () => {
    const audit = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', '--format', 'json'])).stdout);
    const { page, errors, requests, url } = await open(audit, 'report');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    for (const id of ['chart-cadence', 'chart-mix', 'chart-engagement', 'chart-families']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(50);
    }
    expect(await page.locator('rect.heat').count()).toBe(7 * 24);
    expect(await page.locator('h2', { hasText: 'Delete' }).isVisible()).toBe(true);
    mkdirSync(path.join(ROOT, 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test/artifacts/report.png'), fullPage: true });
    await page.close();
  });

  test('hostile post text renders as inert text', async () => {
    const base = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', '--format', 'json'])).stdout);
    const { page, errors, requests, dialogs, url } = await open(hostileAudit(base), 'hostile');
    expect(dialogs()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('<script>alert(1)</script> big news');
    await page.screenshot({ path: path.join(ROOT, 'test/artifacts/report-hostile.png') });
    await page.close();
  });
});
