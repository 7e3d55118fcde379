import type { Reporter } from './reporter.js';

/** The Audit itself: the stable, versioned contract that `presence report` reads back. */
export const json: Reporter = {
  name: 'json',
  description: 'the audit as versioned JSON (the input of `presence report`)',
  extension: 'json',
  render: (audit) => `${JSON.stringify(audit, null, 2)}\n`,
};
