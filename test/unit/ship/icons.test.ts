// The committed icons are what their SVG sources render to (issue 21): an edited assets/*.svg
// without `npm run icons` fails here, so the store packages never ship a stale drawing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICONS, iconPath, renderIcon } from '../../../scripts/icons.ts';
import { pngSize } from '../../support/png.ts';

const ROOT = new URL('../../../', import.meta.url);

describe('icons', () => {
  it('come in the sizes a store and a toolbar ask for', () => {
    expect(ICONS.map((icon) => icon.size)).toEqual([16, 32, 48, 128]);
  });

  it.each(ICONS)('the $size px PNG is what $source renders', (icon) => {
    const committed = readFileSync(new URL(iconPath(icon.size), ROOT));
    expect(pngSize(committed)).toEqual({ width: icon.size, height: icon.size });
    const fresh = renderIcon(icon);
    expect(
      committed.equals(fresh),
      `${iconPath(icon.size)} differs from ${icon.source}: run npm run icons and commit the PNGs`,
    ).toBe(true);
  });

  it('reads a PNG’s size and refuses what is no PNG', () => {
    const png = renderIcon(ICONS[0]);
    expect(pngSize(png)).toEqual({ width: 16, height: 16 });
    expect(() => pngSize(Buffer.from('GIF89a, not a PNG at all'))).toThrow(/not a PNG/);
    const noHeader = Buffer.from(png);
    noHeader.write('IDAT', 12, 'latin1');
    expect(() => pngSize(noHeader)).toThrow(/IHDR/);
  });
});
