import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { LEVELS } from '../model/names.js';

export interface Located {
  finding: Finding;
  /** Forward-slash path of the file the finding points into, relative as given. */
  file?: string;
  line?: number;
}

/**
 * Where each finding points in the input files: a post finding at its post's file and line; an
 * account finding at the first queued post it is based on (a queue check), else nowhere.
 * Most severe first, then by file and line.
 */
export function locateFindings(audit: Audit): Located[] {
  const queued = new Map(audit.posts.filter((p) => p.scheduled).map((p) => [p.id, p.source]));
  return audit.findings
    .filter((f) => f.bucket !== 'keep')
    .map((finding) => {
      const source = finding.post?.source ?? finding.postIds?.map((id) => queued.get(id)).find(Boolean);
      const file = source && artifactOf(source.file);
      return { finding, ...(file && { file }), ...(source?.line !== undefined && { line: source.line }) };
    })
    .sort(
      (a, b) =>
        LEVELS.indexOf(b.finding.level) - LEVELS.indexOf(a.finding.level) ||
        (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.finding.rule.localeCompare(b.finding.rule),
    );
}

/** The file itself for `archive.zip:data/tweets.js` (an entry inside an archive), forward slashes. */
function artifactOf(file: string): string {
  return file.replace(/^((?:[A-Za-z]:)?[^:]*):.*$/, '$1').replace(/\\/g, '/');
}
