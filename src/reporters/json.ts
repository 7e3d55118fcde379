import type { Audit } from '../model/audit.js';
import { toDocument } from '../model/audit-document.js';
import type { Reporter } from './reporter.js';

/** Pieces of about this many characters: large enough to write cheaply, small enough to never hold the document. */
const PIECE = 1 << 20;

/** The audit document (version 2): the stable, versioned contract that `presence report` reads back. */
export const json: Reporter = {
  name: 'json',
  description: 'the audit as versioned JSON (the input of `presence report`)',
  extension: 'json',
  render: (audit) => [...jsonPieces(audit)].join(''),
  pieces: jsonPieces,
};

/**
 * The audit document as indented JSON, with each element of a list on a line of its own (so a
 * finding or a post is one line for grep and diff), handed out in pieces: a 100,000-post audit is
 * written without ever being one string.
 */
function* jsonPieces(audit: Audit): Iterable<string> {
  const fields = Object.entries(toDocument(audit)).filter(([, value]) => value !== undefined);
  let text = '{\n';
  for (const [index, [key, value]] of fields.entries()) {
    text += `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      text += '[\n';
      for (let i = 0; i < value.length; i++) {
        text += `    ${JSON.stringify(value[i])}${i < value.length - 1 ? ',' : ''}\n`;
        if (text.length >= PIECE) {
          yield text;
          text = '';
        }
      }
      text += '  ]';
    } else {
      text += JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    }
    text += index < fields.length - 1 ? ',\n' : '\n';
  }
  yield `${text}}\n`;
}
