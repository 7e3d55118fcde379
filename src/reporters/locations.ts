import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { levelRank } from '../model/names.js';
import { isAccountSpec } from '../model/source-spec.js';

/** A finding as one line of text for CI tools: its message, and for a post finding the post it is about. */
export function findingText(finding: Finding): string {
  return finding.post ? `${finding.message} Post: “${finding.post.excerpt}”` : finding.message;
}

export interface Located {
  finding: Finding;
  /** Forward-slash path of the file the finding points into, relative as given. */
  file?: string;
  line?: number;
}

/**
 * Where each finding points in the input files: a post finding at its post's file and line; an
 * account finding at the first queued post it is based on (a queue check), else at the file of
 * the first post it is based on, else at the first input file of its network: code scanning
 * keeps only results that have a place. Most severe first, then by file and line.
 */
export function locateFindings(audit: Audit): Located[] {
  const queued = new Map(audit.posts.filter((p) => p.scheduled).map((p) => [p.id, p.source]));
  // A post read over an API (`mastodon:@brand@example.social`) sits in no file to point at.
  const inFile = audit.posts.filter((p) => !isAccountSpec(p.source.file));
  const fileOfPost = new Map(inFile.map((p) => [p.id, p.source.file]));
  const fileOf = (platform: string | undefined) => inFile.find((p) => !platform || p.platform === platform)?.source.file;
  return audit.findings
    .filter((f) => f.bucket !== 'keep')
    .map((finding): Located => {
      const source = finding.post ? finding.post.source : finding.postIds?.map((id) => queued.get(id)).find(Boolean);
      if (source && !isAccountSpec(source.file)) return { finding, file: artifactOf(source.file), ...(source.line !== undefined && { line: source.line }) };
      const file = finding.post ? undefined : (finding.postIds?.map((id) => fileOfPost.get(id)).find(Boolean) ?? fileOf(finding.platform));
      return { finding, ...(file && { file: artifactOf(file) }) };
    })
    .sort(
      (a, b) =>
        levelRank(b.finding.level) - levelRank(a.finding.level) ||
        (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.finding.rule.localeCompare(b.finding.rule),
    );
}

/** The zip itself for `archive.zip:data/tweets.js` (an entry inside it), forward slashes; a `:` elsewhere in a name stays. */
function artifactOf(file: string): string {
  return file.replace(/^(.+?\.zip):.*$/is, '$1').replace(/\\/g, '/');
}
