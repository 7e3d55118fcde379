import type { Audit } from '../model/audit.js';
import type { Level } from '../model/finding.js';

export interface ReporterOptions {
  /** Colour and other terminal styling; false for files, pipes and NO_COLOR. */
  color: boolean;
  /** BCP 47 locale for dates in client reports. */
  locale: string;
  /** IANA time zone for dates and the weekday × hour chart. */
  timeZone: string;
  /** Overrides the brand profile's name as the report's title. */
  brandName?: string;
  /** Terminal width, where known. */
  width?: number;
  /** The gate's level (--fail-on): JUnit marks only findings that fail it as failures. */
  failOn?: Level;
  /** Where input paths are relative to, and the repository root, for formats that locate files from the root (SARIF). */
  paths?: { cwd: string; root?: string };
}

/** A reporter turns an Audit into text and computes nothing new. */
export interface Reporter {
  readonly name: string;
  readonly description: string;
  /** File extension used when a report is written to a file. */
  readonly extension: string;
  render(audit: Audit, options: ReporterOptions): string;
  /** The same text in pieces, for documents too large to build as one string. */
  pieces?(audit: Audit, options: ReporterOptions): Iterable<string>;
}
