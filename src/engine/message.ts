import type { FindingData } from '../model/finding.js';

/** Renders a rule's `{placeholder}` template from a finding's data; unknown placeholders stay as written. */
export function renderMessage(template: string, data: FindingData): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
