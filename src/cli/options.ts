import { closest, usageError } from '../errors.js';
import { LEVELS, PLATFORMS, type LevelName as Level, type PlatformName as Platform } from '../model/names.js';

/** Parsers for options shared by several commands; each throws a usage error naming the option. */

export function parseCount(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw usageError(`${option} expects a whole number; got "${value}"`);
    return Number(value);
  };
}

/** A date or ISO time; a bare date starts at 00:00 UTC, or with `wholeDay` takes in that day to its last millisecond. */
export function parseDate(option: string, wholeDay = false) {
  return (value: string): Date => {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${wholeDay ? '23:59:59.999' : '00:00:00'}Z` : value;
    const date = new Date(iso);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
      throw usageError(`${option} expects a date such as 2024-05-01 or 2024-05-01T09:00:00Z; got "${value}"`);
    }
    return date;
  };
}

export function parseLevel(option: string) {
  return (value: string): Level => {
    if ((LEVELS as readonly string[]).includes(value)) return value as Level;
    const suggestion = closest(value, LEVELS);
    throw usageError(`${option} must be one of ${LEVELS.join(', ')}; got "${value}"`, suggestion && `did you mean "${suggestion}"?`);
  };
}

/** `--platform x,mastodon --platform bluesky` → every named platform. */
export function collectPlatforms(value: string, previous: Platform[] = []): Platform[] {
  const names = value
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!(PLATFORMS as readonly string[]).includes(name)) {
      const suggestion = closest(name === 'twitter' ? 'x' : name, PLATFORMS);
      throw usageError(`--platform must name ${PLATFORMS.join(', ')}; got "${name}"`, suggestion && `did you mean "${suggestion}"?`);
    }
  }
  return [...previous, ...(names as Platform[])];
}

export interface FormatRequest {
  name: string;
  /** Where to write it; undefined for standard output. */
  path?: string;
}

/** `--format json --format sarif=out/presence.sarif` → requests, in order. */
export function collectFormats(value: string, previous: FormatRequest[] = []): FormatRequest[] {
  const at = value.indexOf('=');
  const request = at === -1 ? { name: value } : { name: value.slice(0, at), path: value.slice(at + 1) };
  if (!request.name || request.path === '') throw usageError(`--format expects NAME or NAME=PATH; got "${value}"`);
  return [...previous, request];
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
