import { describe, expect, it } from 'vitest';
import { formatWhere } from '../src/errors.js';

describe('formatWhere', () => {
  it.each([
    [{ file: 'rules/x.yaml', line: 3, col: 7 }, 'rules/x.yaml:3:7'],
    [{ file: 'Shares.csv', line: 12 }, 'Shares.csv:12'],
    // A record number is shown only where there is no line to point at.
    [{ file: 'outbox.json', record: 4 }, 'outbox.json#4'],
    [{ file: 'outbox.json', line: 2, record: 4 }, 'outbox.json:2'],
    [{ file: 'tweets.js', record: 0 }, 'tweets.js#0'],
    [{ file: 'archive.zip' }, 'archive.zip'],
  ])('%j → %s', (where, text) => expect(formatWhere(where)).toBe(text));
});
