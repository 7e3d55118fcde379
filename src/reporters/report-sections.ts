import type { Audit } from '../model/audit.js';
import type { Bucket, Finding } from '../model/finding.js';

export interface ReportSection {
  bucket: Bucket;
  title: string;
  /** One line on what the section asks of the reader. */
  summary: string;
  findings: Finding[];
}

const SECTIONS: readonly Omit<ReportSection, 'findings'>[] = [
  { bucket: 'stop', title: 'Stop', summary: 'habits across the account to stop' },
  { bucket: 'fix', title: 'Fix', summary: 'posts to edit, or to write differently next time' },
  { bucket: 'delete', title: 'Delete', summary: 'posts to remove: copies, dead links, clutter' },
  { bucket: 'keep', title: 'Keep doing', summary: 'what already works' },
];

/** The cleanup report's four sections, in reading order, each with its findings (already sorted by the engine). */
export function reportSections(audit: Pick<Audit, 'findings'>): ReportSection[] {
  return SECTIONS.map((section) => ({ ...section, findings: audit.findings.filter((f) => f.bucket === section.bucket) }));
}

/** A finding's date as YYYY-MM-DD, in UTC unless a time zone is given. */
export function shortDate(iso: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
