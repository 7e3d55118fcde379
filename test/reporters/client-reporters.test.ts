import { beforeAll, describe, expect, test } from 'vitest';
import type { Audit } from '../../src/model/audit.js';
import { contentMix } from '../../src/reporters/charts.js';
import { csv } from '../../src/reporters/csv.js';
import { html } from '../../src/reporters/html.js';
import { markdown } from '../../src/reporters/markdown.js';
import { table } from '../../src/reporters/table.js';
import type { ReporterOptions } from '../../src/reporters/reporter.js';
import { auditOf, hostileAudit } from '../helpers/audits.js';
import { runCli } from '../helpers/run-cli.js';

const options: ReporterOptions = { color: false, locale: 'en-GB', timeZone: 'Europe/Amsterdam', brandName: 'Northwind Lamps' };
let audit: Audit;
let hostile: Audit;
beforeAll(async () => {
  audit = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', '--format', 'json'])).stdout);
  hostile = hostileAudit(audit);
});

describe('markdown', () => {
  test('the whole report: title, period, scores with their method, the four sections, the rules', () => {
    const md = markdown.render(audit, options);
    expect(md).toMatch(/^# Northwind Lamps: social presence audit\n/);
    expect(md).toContain('**Period:** 2 May 2024 – 24 Jun 2024');
    expect(md).toMatch(/## Score: \d+\/100\n\nEach family starts at 100/);
    for (const heading of ['## Stop', '## Fix', '## Delete', '## Keep doing', '## Rules that ran']) expect(md).toContain(heading);
    expect(md).toMatch(/\| error \| 10 Jun 2024 \| x \| Where to find us at the design fair .*goo\\\.gl.* \(\[permalink\]\(<https:\/\/x\.com\/northwindlamps\/status\/\d+>\)\)/);
  });

  test('post text cannot become markup, links, images or HTML', () => {
    const md = markdown.render(hostile, options);
    expect(md).not.toMatch(/<script|<img/);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/!\[img\]\(/);
    expect(md).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Finding about'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(7);
    }
  });
});

describe('csv delete list', () => {
  test('one row per post to delete, with every reason', () => {
    const rows = csv.render(audit, options).trimEnd().split('\r\n');
    expect(rows[0]).toBe('permalink,id,platform,date,post,reasons,rules,source');
    const copy = rows.find((r) => r.includes('link-blasting/duplicate-text'))!;
    expect(copy).toContain('link-blasting/duplicate-text');
    // A near-copy repeats its link too: that is one reason to delete it, not two.
    expect(copy).not.toContain('link-blasting/repeated-link');
    expect(rows.length - 1).toBe(new Set(audit.findings.filter((f) => f.bucket === 'delete').map((f) => f.post!.id)).size);
  });

  test('cells that would start a formula are neutralised', () => {
    const text = csv.render(hostile, options);
    for (const formula of ['=HYPERLINK', '+cmd', '-2+3', '@SUM']) {
      expect(text).not.toMatch(new RegExp(`(^|,|")${formula.replace(/[+]/g, '\\+')}`, 'm'));
    }
    expect(text).toContain("'=HYPERLINK");
  });
});

describe('dates in the audit time zone', () => {
  test('a post at 01:42 UTC is dated the evening before in the delete list of a Buenos Aires audit', () => {
    const post = audit.findings.find((f) => f.bucket === 'delete' && f.post)!.post!;
    const late = { ...audit, findings: audit.findings.map((f) => (f.post?.id === post.id ? { ...f, post: { ...f.post, createdAt: '2024-07-01T01:42:00.000Z' } } : f)) };
    const row = (zone: string) => csv.render(late, { ...options, timeZone: zone }).split('\r\n').find((r) => r.includes(post.id));
    expect(row('UTC')).toContain(`${post.id},x,2024-07-01,`);
    expect(row('America/Argentina/Buenos_Aires')).toContain(`${post.id},x,2024-06-30,`);
  });

  test('the month chart runs through quiet months, in the audit time zone', () => {
    const post = (createdAt: string) => ({ ...audit.posts[0]!, kind: 'post' as const, classes: [], createdAt });
    const posts = [post('2024-01-15T12:00:00.000Z'), post('2024-04-01T01:00:00.000Z')];
    const months = (zone: string) => contentMix(posts, zone).table.rows.map((r) => r[0]);
    expect(months('UTC')).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(months('America/New_York')).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('html', () => {
  test('one self-contained file: no script, no remote resource, charts inline', () => {
    const page = html.render(audit, options);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link |@import|url\(/i);
    expect(page).not.toMatch(/(?:src|href)="(?!https:\/\/x\.com\/)[^"#]/);
    expect(page.match(/<svg /g)).toHaveLength(4);
    expect(page.match(/class="heat"/g)).toHaveLength(7 * 24);
    expect(page).toContain('Each family starts at 100');
    expect(page).toContain('<h2>Keep doing</h2>');
  });

  test('hostile post text is escaped and a javascript: permalink is not a link', () => {
    const page = html.render(hostile, options);
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('terminal', () => {
  test('post text cannot move the cursor, colour the screen or reverse text', () => {
    const out = table.render(hostile, { ...options, color: false });
    expect(out).not.toMatch(/\u001b/);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('red and link');
  });
});

describe('control characters from posts', () => {
  test('ESC, BEL and bidi overrides reach no Markdown, CSV, HTML or GitHub output', async () => {
    const { github } = await import('../../src/reporters/github.js');
    for (const reporter of [markdown, csv, html, github]) {
      const out = reporter.render(hostile, options);
      expect(out, reporter.name).toContain('red');
      expect(out, reporter.name).not.toMatch(/[\u0007\u001b\u202e\u202c]/);
    }
  });
});
