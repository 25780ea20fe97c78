import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUBSTATUSES } from '@wismo/core';

describe('docs/status-model.md', () => {
  const doc = readFileSync(new URL('../docs/status-model.md', import.meta.url), 'utf8');

  it('documents every substatus with its status and actor, as in the code', () => {
    for (const [code, definition] of Object.entries(SUBSTATUSES)) {
      expect(doc, code).toContain(`| \`${code}\` | \`${definition.status}\` | ${definition.actor} |`);
    }
  });
});
