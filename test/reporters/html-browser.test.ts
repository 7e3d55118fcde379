import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { writeArchive } from '../bench/generate-archive.mjs';
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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

/** Pages in a PDF as Chromium writes it: one `/Type /Page` dictionary each (the tree's `/Type /Pages` excluded). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe.skipIf(!available)('the client deliverable of a 2,000-post audit', () => {
  test('first screen tells the story; axe finds nothing serious; prints to at most 15 numbered A4 pages with no card split; charts have axes', async () => {
    const { folder } = writeArchive(2000, path.join(work, 'archive-2000'));
    const result = await runCli(['audit', folder, '--last', '2000', '--no-config', '--format', 'json']);
    const audit = auditOf(result.stdout);
    expect(audit.stats.posts).toBe(2000);
    const file = path.join(work, 'deliverable.html');
    const page_ = html.render(audit, { color: false, locale: 'en-GB', timeZone: 'UTC' });
    writeFileSync(file, page_);
    // A report names its files, never the folder they were read from.
    expect(page_).not.toContain(work);
    // axe is injected as a script, which the report's own policy forbids: this context alone lets it in.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`file://${file}`);

    // The first screen: title with the handle, period, accounts, the verdict and the top changes with their evidence.
    expect(await page.locator('h1').textContent()).toBe('@northwindlamps: social presence audit');
    const firstScreen = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.y + box!.height, selector).toBeLessThanOrEqual(900);
    };
    for (const selector of ['.verdict', '.facts', '.top']) await firstScreen(selector);
    const facts = await page.locator('.facts').textContent();
    expect(facts).toMatch(/Period1 Jan 2019 – 4 Feb 2019 \(36 days\)/);
    expect(facts).toContain('@northwindlamps on X: 2000 posts from archive');
    const changes = page.locator('.top > li');
    expect(await changes.count()).toBeGreaterThanOrEqual(3);
    expect(await changes.count()).toBeLessThanOrEqual(5);
    for (const item of await changes.all()) {
      expect(await item.locator('.evidence').first().textContent()).not.toBe('');
      expect(await item.locator('a[href^="https://x.com/"]').count()).toBeGreaterThan(0);
    }
    // One card per habit, however many posts it gathers.
    expect(await page.locator('article.card').count()).toBe(
      new Set(audit.habits!.map((h) => `${h.rule}|${h.platform}|${h.bucket}`)).size + audit.findings.filter((f) => f.bucket === 'keep').length,
    );
    mkdirSync(path.join(ROOT, 'test/artifacts'), { recursive: true });
    const shot = await page.screenshot({ path: path.join(ROOT, 'test/artifacts/report-first-page.png') });
    // The README shows the first page; `UPDATE_SCREENSHOTS=1 npx vitest run test/reporters/html-browser.test.ts` renews it.
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(path.join(ROOT, 'test/screenshots/report-first-page.png'), shot);

    // Accessibility: axe-core in the real browser, nothing serious or critical, and a <main> landmark.
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    // Written as text: the code runs in the page, whose DOM types this Node project does not compile against.
    const violations: string[] = await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.impact + ' ' + v.id))`,
    );
    expect(violations.filter((v) => /^(serious|critical) /.test(v))).toEqual([]);
    expect(await page.locator('main').count()).toBe(1);

    // Charts: every one has a value or category axis with numbers and titled axes; the month axis runs without gaps.
    for (const id of ['chart-mix', 'chart-cadence', 'chart-engagement', 'chart-families']) {
      expect(await page.locator(`#${id} .axis-title`).count(), id).toBeGreaterThanOrEqual(1);
      expect(await page.locator(`#${id} text.tick`).count(), id).toBeGreaterThanOrEqual(3);
    }
    expect(await page.locator('#chart-mix .axis-title').allTextContents()).toEqual(['posts per month', 'month (UTC)']);
    expect(await page.locator('#chart-engagement text.tick').allTextContents()).toEqual(expect.arrayContaining(['0', '2019-01', '2019-02']));
    expect(await page.locator('table.sr-only caption').count()).toBe(4);

    // Print: cards may not split, each fits on a page, and the page box numbers every page.
    await page.emulateMedia({ media: 'print' });
    const cards: { breakInside: string; height: number }[] = await page.evaluate(
      `[...document.querySelectorAll('article.card, .top > li, figure')]` +
        `.map((n) => ({ breakInside: getComputedStyle(n).breakInside, height: n.getBoundingClientRect().height }))`,
    );
    expect(cards.length).toBeGreaterThan(10);
    expect(cards.every((c) => c.breakInside === 'avoid')).toBe(true);
    // A4 less its 16 and 18 mm margins, in CSS pixels: a taller card would have to split.
    expect(Math.max(...cards.map((c) => c.height))).toBeLessThan(((297 - 34) / 25.4) * 96);
    const pageRule: string = await page.evaluate(
      `[...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText).join('\\n')`,
    );
    expect(pageRule).toMatch(/size: a4/i);
    expect(pageRule).toMatch(/@bottom-right \{[^}]*counter\(page\)[^}]*counter\(pages\)/);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(ROOT, 'test/artifacts/report-2000.pdf'), pdf);
    expect(pdfPages(pdf)).toBeGreaterThan(3);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(15);
    // Where poppler is installed, read the printed margin back: every page says which it is.
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    if (text.status === 0) {
      const numbers = text.stdout.match(/^Page \d+ of \d+$/gm) ?? [];
      expect(numbers).toEqual(Array.from({ length: pdfPages(pdf) }, (_, i) => `Page ${i + 1} of ${pdfPages(pdf)}`));
      expect(text.stdout).toContain('@northwindlamps: social presence audit');
    }
    await context.close();
  }, 30_000);
});
