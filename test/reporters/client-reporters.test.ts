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
  test('the whole report: the story first (verdict, period, accounts by file name, top changes, what goes well), habits, scores, the appendix', () => {
    const md = markdown.render(audit, options);
    expect(md).toMatch(/^# Northwind Lamps: social presence audit\n/);
    expect(md).toMatch(/\*\*[A-Z][a-z ,]+: \d+\/100\.\*\*/);
    expect(md).toContain('**Period:** 2 May 2024 – 24 Jun 2024 (54 days)');
    expect(md).toContain('**Accounts:** @northwindlamps on X: 37 posts from archive\\.zip');
    const headings = [
      '## What to change first',
      '## What is going well',
      '## Stop',
      '## Fix',
      '## Delete',
      '## Keep doing',
      '## Scores by family',
      '## Appendix',
      '### Posts to delete',
      '### Rules that ran',
    ];
    const at = headings.map((h) => md.indexOf(`\n${h}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toMatch(/\n1\. \*\*(error|warning)\*\* /);
    const designFairRow = /\| 10 Jun 2024 \| X \| Where to find us at the design fair .*<https:\/\/goo\.gl\/nW7fAir> /;
    const permalink = /\(\[permalink\]\(<https:\/\/x\.com\/northwindlamps\/status\/\d+>\)\)/;
    expect(md).toMatch(new RegExp(designFairRow.source + permalink.source));
  });

  test('web addresses in posts and messages stay whole: autolinks, never backslash-escaped, a pipe encoded', async () => {
    const { escapeMarkdown } = await import('../../src/reporters/escape.js');
    expect(escapeMarkdown('Read https://example.com/a_b*c?q=1|2&x=(3). Then *this*')).toBe('Read <https://example.com/a_b*c?q=1%7C2&x=(3)>\\. Then \\*this\\*');
    expect(escapeMarkdown('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toBe('\\(see <https://en.wikipedia.org/wiki/Foo_(bar)>\\)');
    expect(escapeMarkdown('https://evil.example/<img src=x>')).toBe('<https://evil.example/>&lt;img src=x\\>');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    const md = markdown.render(audit, options);
    expect(md).not.toMatch(/https?:\/\/\S*\\/);
  });

  test('post text cannot become markup, links, images or HTML', () => {
    const md = markdown.render(hostile, options);
    expect(md).not.toMatch(/<script|<img/);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/!\[img\]\(/);
    expect(md).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Finding about'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(6);
    }
  });
});

describe('csv delete list', () => {
  test('one row per post to delete, with every reason', () => {
    const rows = csv.render(audit, options).trimEnd().split('\r\n');
    expect(rows[0]).toBe('\uFEFFpermalink,id,platform,date,post,reasons,rules,source');
    const copy = rows.find((r) => r.includes('link-blasting/duplicate-text'))!;
    expect(copy).toContain('link-blasting/duplicate-text');
    // A near-copy repeats its link too: that is one reason to delete it, not two.
    expect(copy).not.toContain('link-blasting/repeated-link');
    expect(rows.length - 1).toBe(new Set(audit.findings.filter((f) => f.bucket === 'delete').map((f) => f.post!.id)).size);
  });

  test('opens in a spreadsheet as written: UTF-8 marked, 19-digit ids as text, sources by file name', () => {
    const text = csv.render(audit, options);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const row = text.split('\r\n')[1]!;
    expect(row).toMatch(/^https:\/\/x\.com\/northwindlamps\/status\/(\d{19}),"=""\1""",x,/);
    expect(row).toMatch(/,archive\.zip:[^,]*data\/tweets\.js#\d+$/);
    expect(text).not.toContain('fixtures/x/');
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
    const late = {
      ...audit,
      findings: audit.findings.map((f) => (f.post?.id === post.id ? { ...f, post: { ...f.post, createdAt: '2024-07-01T01:42:00.000Z' } } : f)),
    };
    const row = (zone: string) =>
      csv
        .render(late, { ...options, timeZone: zone })
        .split('\r\n')
        .find((r) => r.includes(post.id));
    expect(row('UTC')).toContain(`"=""${post.id}""",x,2024-07-01,`);
    expect(row('America/Argentina/Buenos_Aires')).toContain(`"=""${post.id}""",x,2024-06-30,`);
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
    expect(page).toContain('>Keep doing</h2>');
  });

  test("a brand name cannot close the print margin's CSS string or the style element", () => {
    const page = html.render(audit, { ...options, brandName: 'Acme"; } body { display: none } </style><script>alert(1)</script>' });
    const style = page.slice(page.indexOf('<style>'), page.indexOf('</style>') + 8);
    expect(style).toMatch(/@bottom-left \{ content: "Acme\\22 \\3b  \\7d  body \\7b  display/);
    expect(style).not.toMatch(/<\/style>.*<\/style>|<script/s);
    expect(page).not.toContain('<script>');
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

describe('identity', () => {
  test('titled with the handle when no brand is named; no report shows the folder an export was read from', async () => {
    const { ROOT } = await import('../helpers/run-cli.js');
    const absolute = auditOf((await runCli(['audit', `${ROOT}/fixtures/x/archive.zip`, '--format', 'json'])).stdout);
    const plain = { ...options, brandName: undefined };
    for (const reporter of [html, markdown, csv, table]) {
      const out = reporter.render(absolute, plain);
      expect(out, reporter.name).not.toContain(ROOT);
      expect(out, reporter.name).not.toContain('fixtures/x/');
    }
    expect(markdown.render(absolute, plain)).toMatch(/^# @northwindlamps: social presence audit\n/);
    expect(html.render(absolute, plain)).toContain('<title>@northwindlamps: social presence audit</title>');
  });
});
