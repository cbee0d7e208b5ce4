// `npm run icons`: renders the extension's icons from their SVG sources (issue 21) into
// public/icon-<size>.png, which WXT lists in the manifest. The PNGs are committed, so a build (and
// AMO's rebuild from the sources archive) needs no renderer; test/unit/icons.test.ts fails when
// they differ from what this renders. `npm run icons -- --preview FILE.png` also draws every size
// on a light and a dark toolbar, with a badge, to look at.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';

const ROOT = new URL('../', import.meta.url);

/**
 * Which source each size is drawn from, and the transparent margin around the tile: the Chrome
 * Web Store asks for 96 px of artwork inside a 128 px icon; toolbar sizes use every pixel.
 */
export const ICONS = [
  { size: 16, source: 'assets/icon-small.svg', margin: 0 },
  { size: 32, source: 'assets/icon-small.svg', margin: 0 },
  { size: 48, source: 'assets/icon.svg', margin: 0 },
  { size: 128, source: 'assets/icon.svg', margin: 16 },
] as const;

export const iconPath = (size: number): string => `public/icon-${size}.png`;

/** The source SVG set inside a square of `size` px, `margin` px from each edge. */
function placed(svg: string, size: number, margin: number): string {
  const inner = size - 2 * margin;
  const nested = svg.replace('<svg ', `<svg x="${margin}" y="${margin}" width="${inner}" height="${inner}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${nested}</svg>`;
}

/** The PNG bytes of one icon size. */
export function renderIcon(icon: (typeof ICONS)[number]): Buffer {
  const svg = readFileSync(new URL(icon.source, ROOT), 'utf8');
  return new Resvg(placed(svg, icon.size, icon.margin)).render().asPng();
}

/**
 * The rendered PNGs at 1:1 and magnified 4× (pixels kept sharp), on light and dark toolbars, the
 * toolbar sizes also under a badge.
 */
function previewSheet(pngs: Map<number, Buffer>): string {
  const image = (size: number, x: number, y: number, scale: number, badge: boolean): string => {
    const side = size * scale;
    const href = `data:image/png;base64,${pngs.get(size)?.toString('base64')}`;
    // Chrome draws the badge over the icon's lower right, about 60 % wide and 45 % high.
    const mark = badge
      ? `<rect x="${x + side * 0.4}" y="${y + side * 0.55}" width="${side * 0.6}" height="${side * 0.45}" rx="${side * 0.1}" fill="#e8710a"/>`
      : '';
    return `<image x="${x}" y="${y}" width="${side}" height="${side}" image-rendering="optimizeSpeed" href="${href}"/>${mark}`;
  };
  const backgrounds = ['#ffffff', '#f1f3f4', '#202124', '#35363a'];
  let body = '';
  backgrounds.forEach((bg, row) => {
    const y = row * 150;
    body += `<rect y="${y}" width="1000" height="150" fill="${bg}"/>`;
    let x = 10;
    for (const { size } of ICONS) {
      body += image(size, x, y + 10, 1, false);
      x += size + 10;
    }
    for (const size of [16, 32]) {
      body += image(size, x, y + 10, 1, true);
      x += size + 10;
    }
    for (const size of [16, 32]) {
      body += image(size, x, y + 10, 4, false) + image(size, x + size * 4 + 10, y + 10, 4, true);
      x += size * 8 + 30;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${backgrounds.length * 150}">${body}</svg>`;
}

function main(): void {
  const { values } = parseArgs({ options: { preview: { type: 'string' } } });
  const pngs = new Map<number, Buffer>();
  for (const icon of ICONS) {
    pngs.set(icon.size, renderIcon(icon));
    writeFileSync(new URL(iconPath(icon.size), ROOT), pngs.get(icon.size) as Buffer);
    process.stdout.write(`${iconPath(icon.size)} ← ${icon.source}\n`);
  }
  if (values.preview) {
    writeFileSync(values.preview, new Resvg(previewSheet(pngs)).render().asPng());
    process.stdout.write(`preview: ${values.preview}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
