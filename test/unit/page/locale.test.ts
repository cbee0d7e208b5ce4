import { describe, expect, it } from 'vitest';
import zhPage from '../../../locales/zh_CN/page.json';
import enPage from '../../../locales/en/page.json';
import type { Messages } from '../../../utils/i18n/catalog.ts';

// Chrome refuses to load the whole extension when a message uses `$name$` without defining
// that placeholder, and reads `$1$2` as the placeholder `1`.
describe.each([
  ['zh_CN', zhPage as Messages],
  ['en', enPage as Messages],
])('page.json %s', (_, messages) => {
  it('uses only placeholders it defines', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const defined = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(defined, `${key} uses $${name}$`).toContain(name!.toLowerCase());
      }
    }
  });
});
